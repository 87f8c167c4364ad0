import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { routeHash, routeSection, type Section } from '../routes/routes';
import {
  useIsSupervisor,
  useReviewQueue,
  useReviewQueueRefresh,
} from '../features/review/reviewQueueStore';

interface Item {
  section: Section;
  hash: string;
  label: string;
  icon: string;
  /** Shown only to supervisors. */
  supervisorOnly?: boolean;
}

const ITEMS: readonly Item[] = [
  {
    section: 'spotChecks',
    hash: routeHash({ name: 'spotChecks' }),
    label: 'nav.spotChecks',
    icon: '单',
  },
  { section: 'cases', hash: routeHash({ name: 'cases' }), label: 'cases.nav.cases', icon: '案' },
  {
    section: 'review',
    hash: routeHash({ name: 'review' }),
    label: 'cases.nav.review',
    icon: '审',
    supervisorOnly: true,
  },
  {
    section: 'enterprises',
    hash: routeHash({ name: 'enterprises' }),
    label: 'nav.enterprises',
    icon: '企',
  },
  {
    section: 'verify',
    hash: routeHash({ name: 'verify' }),
    label: 'documents.verify.title',
    icon: '验',
  },
  { section: 'sync', hash: routeHash({ name: 'sync' }), label: 'nav.sync', icon: '同' },
  { section: 'settings', hash: routeHash({ name: 'settings' }), label: 'nav.settings', icon: '设' },
];

export function Sidebar() {
  const { t } = useTranslation();
  const section = useAppStore((s) => routeSection(s.route));
  const supervisor = useIsSupervisor();
  const waiting = useReviewQueue((s) => s.items?.length ?? 0);
  useReviewQueueRefresh();
  return (
    <nav className="sidebar" aria-label={t('app.title')}>
      <ul>
        {ITEMS.filter((item) => supervisor || !item.supervisorOnly).map((item) => (
          <li key={item.section}>
            <a
              href={item.hash}
              className={section === item.section ? 'is-active' : ''}
              aria-current={section === item.section ? 'page' : undefined}
            >
              <span className="sidebar-icon" aria-hidden="true">
                {item.icon}
              </span>
              {t(item.label)}
              {item.section === 'review' && waiting > 0 ? (
                <span className="sidebar-count" aria-hidden="true">
                  {waiting}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
