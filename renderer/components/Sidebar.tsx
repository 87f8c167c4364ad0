import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { routeHash, routeSection } from '../routes/routes';

const ITEMS = [
  {
    section: 'spotChecks',
    hash: routeHash({ name: 'spotChecks' }),
    label: 'nav.spotChecks',
    icon: '单',
  },
  {
    section: 'enterprises',
    hash: routeHash({ name: 'enterprises' }),
    label: 'nav.enterprises',
    icon: '企',
  },
  { section: 'sync', hash: routeHash({ name: 'sync' }), label: 'nav.sync', icon: '同' },
  { section: 'settings', hash: routeHash({ name: 'settings' }), label: 'nav.settings', icon: '设' },
] as const;

export function Sidebar() {
  const { t } = useTranslation();
  const section = useAppStore((s) => routeSection(s.route));
  return (
    <nav className="sidebar" aria-label={t('app.title')}>
      <ul>
        {ITEMS.map((item) => (
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
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
