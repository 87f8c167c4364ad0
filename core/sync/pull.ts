/**
 * Pull: pages of rows after the cursor; each page's rows and the new cursor are written in one
 * local transaction, so a crash between pages resumes where it stopped and never skips rows.
 * After the last page the local checksum must equal the server's; if not, the device re-pulls
 * from 0 once (its outbox untouched).
 */
import type { PullResponse, PullRow } from '../../shared/sync/protocol';
import { applyRow } from './applyRow';
import { post, tx, type RoundContext } from './context';
import { SyncHttpError } from './http';
import { settleLinks } from './links';
import { LocalChecksum } from './localChecksum';

export class ChecksumMismatch extends Error {
  constructor(
    readonly local: string,
    readonly server: string,
  ) {
    super(`scope checksum differs after a full re-pull: local ${local}, server ${server}`);
  }
}

/** Writes rows (pulled or fetched) with their checksum terms, in the caller's transaction. */
export function receiveRows(rc: RoundContext, rows: readonly PullRow[]): void {
  const sum = LocalChecksum.load(rc.store);
  for (const row of rows) {
    applyRow(rc, row);
    sum.receive(rc.store, row);
  }
  settleLinks(rc.store);
  sum.save(rc.store);
}

/** Drops the cursor and checksum: the next pull starts from 0. The outbox is kept. */
export function resetCursor(rc: RoundContext, epoch: string | null): void {
  tx(rc.store, () => {
    rc.store.syncState.set('cursor', 0);
    if (epoch) rc.store.syncState.set('epoch', epoch);
    LocalChecksum.reset(rc.store);
  });
}

export async function pullAll(rc: RoundContext): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const checksum = await pullPages(rc);
    const local = LocalChecksum.load(rc.store).value();
    if (checksum === null || checksum === local) return;
    if (attempt > 0) throw new ChecksumMismatch(local, checksum);
    resetCursor(rc, null);
  }
}

async function pullPages(rc: RoundContext): Promise<string | null> {
  let done = 0;
  for (let epochRetry = false; ;) {
    const cursor = rc.store.syncState.get('cursor') ?? 0;
    const epoch = rc.store.syncState.get('epoch');
    let page: PullResponse;
    try {
      page = await post<PullResponse>(rc, '/v1/sync/pull', {
        cursor,
        epoch,
        limit: rc.limits.pullLimit,
      });
    } catch (err) {
      if (err instanceof SyncHttpError && err.code === 'EPOCH_CHANGED' && !epochRetry) {
        epochRetry = true;
        resetCursor(rc, epochOf(err.details));
        continue;
      }
      throw err;
    }
    tx(rc.store, () => {
      receiveRows(rc, page.rows);
      rc.store.syncState.set('cursor', page.nextCursor);
      rc.store.syncState.set('epoch', page.epoch);
    });
    done += page.rows.length;
    rc.setPhase('pulling', { done, total: done + (page.hasMore ? rc.limits.pullLimit : 0) });
    if (!page.hasMore) return page.checksum;
  }
}

export function epochOf(details: unknown): string | null {
  const e = (details as { epoch?: unknown } | null)?.epoch;
  return typeof e === 'string' ? e : null;
}
