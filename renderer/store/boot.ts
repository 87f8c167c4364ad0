/** Loads what every screen needs once: the officer's profile, the catalog and shell info. */
import { api } from '../api/client';
import { useAppStore } from './appStore';

export async function loadBootData(): Promise<void> {
  useAppStore.setState({ loadError: null });
  const [profile, catalog, info] = await Promise.all([
    api()['profile.get']({}),
    api()['catalog.categories']({}),
    api()['app.info']({}),
  ]);
  if (!profile.ok) {
    useAppStore.setState({ loadError: profile.error.message });
    return;
  }
  useAppStore.setState({
    profile: profile.value,
    catalog: catalog.ok ? catalog.value : [],
    appInfo: info.ok ? info.value : null,
  });
}

/** Re-reads the profile after something outside the setup form changed it (a sign-in). */
export async function refreshProfile(): Promise<void> {
  const profile = await api()['profile.get']({});
  if (profile.ok && profile.value) useAppStore.setState({ profile: profile.value });
}

export function watchOnline(): void {
  const update = () => useAppStore.setState({ online: navigator.onLine });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
}
