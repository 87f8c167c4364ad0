import { useTranslation } from 'react-i18next';
import type { SpotCheckWithHistory } from '../../../shared/api/contract';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import { routeHash } from '../../routes/routes';
import { StatusBadge } from '../../components/StatusBadge';

/** All versions of this record; a corrected version is superseded by the one after it. */
export function VersionChain({
  current,
  versions,
}: {
  current: SpotCheckRecord;
  versions: SpotCheckWithHistory['versions'];
}) {
  const { t } = useTranslation();
  if (versions.length <= 1) return null;
  return (
    <nav className="card version-chain" aria-label={t('spotCheck.versions')}>
      <h3 className="section-title">{t('spotCheck.versions')}</h3>
      <ol>
        {versions.map((v, i) => {
          const superseded = i < versions.length - 1 && v.status === 'submitted';
          const label = t('spotCheck.versionLabel', { version: v.version });
          return (
            <li key={v.id} className={v.id === current.id ? 'is-current' : ''}>
              {v.id === current.id ? (
                <span aria-current="page" className="strong">
                  {label} <span className="muted">（{t('spotCheck.currentVersion')}）</span>
                </span>
              ) : (
                <a href={routeHash({ name: 'spotCheck', id: v.id })}>{label}</a>
              )}
              <StatusBadge status={v.status} superseded={superseded} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
