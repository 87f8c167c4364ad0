import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { useSyncStore } from '../features/sync/syncStore';

export function Header() {
  const { t } = useTranslation();
  const profile = useAppStore((s) => s.profile);
  const role = useSyncStore((s) => s.status?.user?.role);
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="app-emblem" aria-hidden="true">
          质
        </span>
        <span className="app-title">{t('app.title')}</span>
        <span className="app-subtitle">{t('app.subtitle')}</span>
      </div>
      <div className="app-header-right">
        <SyncIndicator />
        {profile ? (
          <span className="header-officer" title={profile.unitName}>
            <span className="muted-on-dark">
              {role ? t(`sync.roles.${role}`) : t('app.inspector')}
            </span>{' '}
            {profile.name}
            <span className="header-credential">{profile.credentialNumber}</span>
          </span>
        ) : null}
        <LanguageSwitch />
      </div>
    </header>
  );
}
