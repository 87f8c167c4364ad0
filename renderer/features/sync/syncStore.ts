/**
 * Sync state in its own store, apart from appStore: the header and the sync panel subscribe
 * here, forms never do, so polling every few seconds re-renders only what shows sync.
 */
import { create } from 'zustand';
import type { MessageRef } from '../../../shared/api/result';
import type { SyncStatus } from '../../../shared/schemas/sync';

interface SyncState {
  /** null until the first answer from the core. */
  status: SyncStatus | null;
  /** false when the core answers that it has no sync methods: the header falls back to the network. */
  supported: boolean;
  /** Why the last status read failed (the local core, not the server). */
  readError: MessageRef | null;
  panelOpen: boolean;
  /** How many views showing live detail are mounted; any > 0 means fast polling. */
  watchers: number;
}

export const useSyncStore = create<SyncState>()(() => ({
  status: null,
  supported: true,
  readError: null,
  panelOpen: false,
  watchers: 0,
}));

export const openSyncPanel = () => useSyncStore.setState({ panelOpen: true });
export const closeSyncPanel = () => useSyncStore.setState({ panelOpen: false });

/** Replaces the status only when something in it changed, so subscribers stay quiet otherwise. */
export function setSyncStatus(next: SyncStatus): void {
  const prev = useSyncStore.getState().status;
  if (prev && JSON.stringify(prev) === JSON.stringify(next)) return;
  useSyncStore.setState({ status: next, supported: true, readError: null });
}
