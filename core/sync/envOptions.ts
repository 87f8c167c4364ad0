/**
 * Sync settings a shell may take from its environment: FIELDCHECK_SYNC_INTERVAL_MS sets the
 * time between automatic rounds (default 30 s; 0 turns automatic rounds off).
 */
import type { SyncOptions } from './engine';

export const SYNC_INTERVAL_ENV = 'FIELDCHECK_SYNC_INTERVAL_MS';

export function syncOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncOptions {
  const raw = env[SYNC_INTERVAL_ENV]?.trim();
  if (!raw) return {};
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`${SYNC_INTERVAL_ENV}: not a whole number of milliseconds: ${raw}`);
  }
  return { intervalMs: ms };
}
