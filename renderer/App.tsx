import { useTranslation } from 'react-i18next';
import { useAppStore } from './store/appStore';
import { loadBootData } from './store/boot';
import { tMessage } from './i18n/messages';
import { Header } from './components/Header';
import { Sidebar } from './components/Sidebar';
import { ConfirmHost } from './components/ConfirmHost';
import { NoticeHost } from './components/NoticeHost';
import { useGlobalShortcuts } from './components/useGlobalShortcuts';
import { SetupScreen } from './features/setup/SetupScreen';
import { RouteView } from './routes/RouteView';
import { SyncPanel } from './features/sync/SyncPanel';
import { RevokedBanner } from './features/sync/RevokedBanner';

export function App() {
  const { t } = useTranslation();
  const profile = useAppStore((s) => s.profile);
  const loadError = useAppStore((s) => s.loadError);
  useGlobalShortcuts();

  let body;
  if (loadError) {
    body = (
      <main className="app-main app-main--center" id="main">
        <div className="card card--narrow" role="alert">
          <h1 className="card-title">{t('app.loadFailed')}</h1>
          <p>{tMessage(t, loadError)}</p>
          <button type="button" className="btn btn-primary" onClick={() => void loadBootData()}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  } else if (profile === undefined) {
    body = (
      <main className="app-main app-main--center" id="main" aria-busy="true">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  } else if (profile === null) {
    body = (
      <main className="app-main app-main--center" id="main">
        <SetupScreen />
      </main>
    );
  } else {
    body = (
      <div className="app-body">
        <Sidebar />
        <main className="app-main" id="main">
          <RouteView />
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Header />
      <RevokedBanner />
      {body}
      <SyncPanel />
      <ConfirmHost />
      <NoticeHost />
    </div>
  );
}
