/**
 * Plugs the file uploader into the sync round: after the push (so the records and their
 * attachment metadata are on the server), before the pull. Also gives sync.status its count
 * of files waiting to upload.
 */
import type { Store } from '../../db/store';
import { uploadPendingFiles } from './files';
import { SyncHttpError, SyncNetworkError } from './http';
import type { SyncErrorCode } from '../../shared/sync/errors';
import type { SyncHooks } from './hooks';

export function registerFileSync(hooks: SyncHooks, store: Store): void {
  hooks.pendingFiles = () => store.attachments.countPendingUploads();
  hooks.afterPush.push(async (rc) => {
    if (store.attachments.countPendingUploads() === 0) return;
    rc.setPhase('uploading', null);
    const summary = await uploadPendingFiles({
      fetch: rc.fetch ?? ((url, init) => fetch(url, init)),
      baseUrl: rc.serverUrl,
      token: rc.token,
      store: rc.store,
      dataDir: rc.store.dataDir,
      signal: rc.signal,
      onProgress: (p) => rc.setPhase('uploading', { done: p.done, total: p.total }),
    });
    // Only a stop (server unreachable, busy, refusing the device) fails the round, so it is
    // retried with backoff; one file's trouble (e.g. a damaged local copy) must not block
    // the pull: it stays pending and counted, and is tried again next round.
    const first = summary.failures[0];
    if (!summary.stopped || !first || rc.signal.aborted) return;
    if (first.status === null) throw new SyncNetworkError(first.message);
    const code = (first.code ?? 'HTTP') as SyncErrorCode | 'HTTP';
    throw new SyncHttpError(first.status, code, first.message, null);
  });
}
