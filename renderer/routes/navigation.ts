/**
 * Hash navigation with an unsaved-changes guard. Every route change, whether from a link,
 * code, or the browser's back button, arrives as a hashchange, so the guard sits there.
 */
import i18next from 'i18next';
import { askConfirm, useAppStore } from '../store/appStore';
import { parseHash, routeHash, type Route } from './routes';

let installed = false;

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (opts.replace) {
    history.replaceState(null, '', hash);
    useAppStore.setState({ route });
    return;
  }
  if (location.hash === hash) return;
  location.hash = hash;
}

export function confirmLeave(): Promise<boolean> {
  return askConfirm({
    title: i18next.t('common.unsavedTitle'),
    body: i18next.t('common.unsavedBody'),
    okLabel: i18next.t('common.leave'),
    cancelLabel: i18next.t('common.stay'),
  });
}

export function installNavigation(): void {
  if (installed) return;
  installed = true;
  let shownHash = routeHash(useAppStore.getState().route);
  if (location.hash !== shownHash) history.replaceState(null, '', shownHash);

  window.addEventListener('hashchange', () => {
    const target = location.hash;
    if (target === shownHash) return;
    if (!useAppStore.getState().unsaved) {
      shownHash = target;
      useAppStore.setState({ route: parseHash(target) });
      return;
    }
    // Put the address back while we ask; replaceState does not fire another hashchange.
    history.replaceState(null, '', shownHash);
    void confirmLeave().then((leave) => {
      if (!leave) return;
      useAppStore.setState({ unsaved: false });
      history.replaceState(null, '', target);
      shownHash = target;
      useAppStore.setState({ route: parseHash(target) });
    });
  });

  useAppStore.subscribe((state, prev) => {
    if (state.route !== prev.route) shownHash = routeHash(state.route);
  });

  window.addEventListener('beforeunload', (event) => {
    if (useAppStore.getState().unsaved) event.preventDefault();
  });
}
