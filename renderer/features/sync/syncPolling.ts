/**
 * Reads sync.status on a timer: every 2 s while a detailed view is open or a round is running,
 * every 10 s otherwise (enough for the header). One call at a time; a slow core never piles
 * up requests. The sync itself runs in the core, so nothing here can freeze the UI.
 */
import { useEffect } from 'react';
import { api } from '../../api/client';
import { setSyncStatus, useSyncStore } from './syncStore';

const FAST_MS = 2_000;
const SLOW_MS = 10_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<void> | null = null;
let started = false;

function isBusy(): boolean {
  const { status } = useSyncStore.getState();
  return status !== null && status.phase !== 'idle' && status.phase !== 'waiting';
}

function nextDelay(): number {
  const { panelOpen, watchers } = useSyncStore.getState();
  return panelOpen || watchers > 0 || isBusy() ? FAST_MS : SLOW_MS;
}

/** Reads the status now (joining a read already on its way). */
export function refreshSyncStatus(): Promise<void> {
  inflight ??= (async () => {
    try {
      const result = await api()['sync.status']({});
      if (result.ok) setSyncStatus(result.value);
      else if (result.error.code === 'UNKNOWN_METHOD')
        useSyncStore.setState({ supported: false, readError: null });
      else useSyncStore.setState({ readError: result.error.message });
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

function schedule(delay = nextDelay()): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void refreshSyncStatus().finally(() => schedule());
  }, delay);
}

export function startSyncPolling(): void {
  if (started) return;
  started = true;
  void refreshSyncStatus().finally(() => schedule());
  // Opening the panel or coming back online should not wait out a 10 s tick.
  useSyncStore.subscribe((s, prev) => {
    if ((s.panelOpen && !prev.panelOpen) || s.watchers > prev.watchers) {
      void refreshSyncStatus().finally(() => schedule());
    }
  });
  const soon = () => void refreshSyncStatus().finally(() => schedule());
  window.addEventListener('online', soon);
  window.addEventListener('offline', soon);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') soon();
  });
}

/** Marks a mounted view as wanting live (2 s) updates while it is on screen. */
export function useLiveSyncStatus(): void {
  useEffect(() => {
    useSyncStore.setState((s) => ({ watchers: s.watchers + 1 }));
    return () => useSyncStore.setState((s) => ({ watchers: s.watchers - 1 }));
  }, []);
}
