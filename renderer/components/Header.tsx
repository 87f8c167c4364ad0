import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useTranslation();
  const online = useAppStore((s) => s.online);
  const profile = useAppStore((s) => s.profile);
  // Honest wording: there is no sync server yet, so "online" only means the network is up.
  const hint = online ? t('app.onlineHint') : t('app.offlineHint');
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
        <span
          className={`net-indicator ${online ? 'net-online' : 'net-offline'}`}
          title={hint}
          role="status"
          aria-label={`${online ? t('app.online') : t('app.offline')}：${hint}`}
        >
          <span className="net-dot" aria-hidden="true" />
          {online ? t('app.online') : t('app.offline')}
        </span>
        {profile ? (
          <span className="header-officer" title={profile.unitName}>
            <span className="muted-on-dark">{t('app.inspector')}</span> {profile.name}
            <span className="header-credential">{profile.credentialNumber}</span>
          </span>
        ) : null}
        <LanguageSwitch />
      </div>
    </header>
  );
}
