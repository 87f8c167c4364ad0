import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveApi } from './api/resolveApi';
import { setApi } from './api/client';
import { initI18n } from './i18n/i18n';
import { installNavigation } from './routes/navigation';
import { loadBootData, watchOnline } from './store/boot';
import { App } from './App';
import { startSyncPolling } from './features/sync/syncPolling';
import { MissingSecret } from './components/MissingSecret';

initI18n();
const root = createRoot(document.getElementById('root') as HTMLElement);
const client = resolveApi();

if (!client) {
  root.render(<MissingSecret />);
} else {
  setApi(client);
  installNavigation();
  watchOnline();
  void loadBootData();
  startSyncPolling();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
