/**
 * Extension points of a sync round, so other parts of the core (the attachment uploader) run
 * inside the round without the round knowing them. Registered once in openCore.
 */
import type { RoundContext } from './context';

/** Runs after the push (records first, then their files); a throw fails the round (retried). */
export type SyncHook = (rc: RoundContext) => Promise<void>;

export interface SyncHooks {
  afterPush: SyncHook[];
  /** Files waiting to upload, for sync.status (0 when nobody registers a counter). */
  pendingFiles: (() => number) | null;
}

export const createHooks = (): SyncHooks => ({ afterPush: [], pendingFiles: null });
