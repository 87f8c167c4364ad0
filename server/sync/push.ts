/**
 * A push batch, in one transaction: all of it is recorded or none of it (a crash, a shutdown
 * or a database error in the middle rolls the whole batch back, and the client sends it again).
 *
 * Per device the server keeps the last seq it took. Seqs at or below it are replays: their
 * stored result is returned again and nothing is re-applied. A batch starting beyond last+1
 * means mutations went missing in between: refused whole (409 GAP) with the seq expected.
 */
import type { PushRequest, PushResponse, MutationResult } from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import { serialQueryable } from '../storage/serial';
import type { Storage } from '../storage/types';
import { num } from '../storage/types';
import { applyMutation } from './apply';
import { allocateSeqs } from './counter';
import { BatchWrites } from './batchWrites';
import { scopeFor, type Caller } from './scope';

export async function pushBatch(
  storage: Storage,
  caller: Caller,
  req: PushRequest,
  now: () => Date = () => new Date(),
): Promise<PushResponse> {
  return storage.transaction(async (tx) => {
    // Counter first, then the device row: every writer takes locks in this order (no deadlock).
    const seqs = await allocateSeqs(tx);
    const { rows } = await tx.query<{
      last_seq: unknown;
      revoked: boolean;
      revoked_reason: string | null;
    }>('SELECT last_seq, revoked, revoked_reason FROM devices WHERE id = $1 FOR UPDATE', [
      caller.deviceId,
    ]);
    const device = rows[0];
    if (!device) throw new HttpError('UNAUTHORIZED');
    if (device.revoked)
      throw new HttpError('DEVICE_REVOKED', { reason: device.revoked_reason ?? '' });
    const epoch = seqs.epoch;
    if (req.epoch && req.epoch !== epoch) throw new HttpError('EPOCH_CHANGED', {}, { epoch });

    let last = num(device.last_seq);
    const first = req.batch[0]?.seq ?? 1;
    if (first > last + 1) {
      throw new HttpError(
        'GAP',
        { expectedSeq: last + 1 },
        { expectedSeq: last + 1, lastSeq: last },
      );
    }

    const replays = req.batch.filter((m) => m.seq <= last).map((m) => m.seq);
    const stored = new Map<number, MutationResult>();
    if (replays.length > 0) {
      const r = await tx.query<{ seq: unknown; result: MutationResult }>(
        'SELECT seq, result FROM mutations WHERE device_id = $1 AND seq = ANY($2::bigint[])',
        [caller.deviceId, replays],
      );
      for (const row of r.rows) stored.set(num(row.seq), row.result);
    }

    // Entity and push-log rows are queued and written in multi-row statements (batchWrites.ts).
    const writes = new BatchWrites(serialQueryable(tx), seqs, caller.deviceId);
    const { entities, log } = writes;
    await entities.prefetch(
      req.batch.filter((m) => m.seq > last).map((m) => ({ entity: m.entity, id: m.entityId })),
    );

    const ctx = { tx: writes.tx, caller, scope: scopeFor(caller), seqs, entities, now };
    const results: MutationResult[] = [];
    for (const m of req.batch) {
      if (m.seq <= last) {
        const before = stored.get(m.seq);
        results.push(
          before
            ? { ...before, replayed: true }
            : {
                seq: m.seq,
                mutationId: m.mutationId,
                status: 'applied',
                serverSeq: null,
                replayed: true,
              },
        );
        continue;
      }
      const result = await applyMutation(ctx, m);
      log.add(m, result);
      results.push(result);
      last = m.seq;
      await writes.pace();
    }
    await writes.settle();
    // The device's last seq and the counter in one statement (the counter only if it moved).
    await tx.query(
      `WITH device AS (UPDATE devices SET last_seq = $2, last_seen_at = now() WHERE id = $1)
       UPDATE sync_state SET last_seq = $3 WHERE id = 1 AND last_seq <> $3`,
      [caller.deviceId, last, seqs.current()],
      { name: 'fc_push_finish' },
    );
    return { epoch, lastSeq: last, results };
  });
}
