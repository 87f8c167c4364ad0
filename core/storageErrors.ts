/**
 * What the inspector is told when the store refuses a write. The transaction has rolled back,
 * so nothing partial is kept; the UI keeps what was typed on screen and in its local copy.
 */
import { fail, type Result } from '../shared/api/result';

interface SqliteLikeError {
  code?: string;
  message?: string;
}

export function storageErrorToResult(err: unknown, method: string): Result<never> {
  const e = (err ?? {}) as SqliteLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = typeof e.message === 'string' ? e.message : String(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return fail('STORAGE_FULL', 'e.storageFull');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail('STORAGE_BUSY', 'e.storageBusy');
  }
  if (code.startsWith('SQLITE_') || code.startsWith('E')) {
    return fail('STORAGE', 'e.storage', { detail: `${code}: ${detail}` });
  }
  console.error(`[core] ${method} failed`, err);
  return fail('INTERNAL', 'e.internal', { detail });
}
