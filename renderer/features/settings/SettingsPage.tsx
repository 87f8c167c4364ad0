import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { regionName } from '../../lib/labels';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const profile = useAppStore((s) => s.profile);
  const info = useAppStore((s) => s.appInfo);
  const none = t('common.none');
  return (
    <section className="page page--settings" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('settings.title')}
        </h1>
      </div>
      <div className="settings-grid">
        <div className="card">
          <h2 className="section-title">{t('settings.profile')}</h2>
          <dl className="kv">
            <dt>{t('setup.name')}</dt>
            <dd>{profile?.name ?? none}</dd>
            <dt>{t('setup.credentialNumber')}</dt>
            <dd className="mono">{profile?.credentialNumber ?? none}</dd>
            <dt>{t('setup.unitName')}</dt>
            <dd>{profile?.unitName ?? none}</dd>
            <dt>{t('setup.regionCode')}</dt>
            <dd>{profile ? regionName(i18n.language, profile.regionCode) : none}</dd>
          </dl>
        </div>
        <div className="card">
          <h2 className="section-title">{t('settings.appInfo')}</h2>
          <dl className="kv">
            <dt>{t('settings.version')}</dt>
            <dd className="mono">{info?.version ?? none}</dd>
            <dt>{t('settings.shell')}</dt>
            <dd>
              {info
                ? info.shell === 'electron'
                  ? t('app.shellElectron')
                  : t('app.shellBrowser')
                : none}
            </dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd className="mono break">{info?.dataDir ?? none}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd className="mono">{info?.schemaVersion ?? none}</dd>
          </dl>
        </div>
        <div className="card">
          <h2 className="section-title">{t('settings.language')}</h2>
          <LanguageSwitch variant="plain" />
        </div>
      </div>
    </section>
  );
}
