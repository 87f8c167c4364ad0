/**
 * A push batch, in one transaction: all of it is recorded or none of it (a crash, a shutdown
 * or a database error in the middle rolls the whole batch back, and the client sends it again).
 *
 * Per device the server keeps the last seq it took. Seqs at or below it are replays: their
 * stored result is returned again and nothing is re-applied. A batch starting beyond last+1
 * means mutations went missing in between: refused whole (409 GAP) with the seq expected.
 */
import { fillMessage, REJECT_MESSAGES } from '../../shared/sync/errors';
import type {
  Mutation,
  PushRequest,
  PushResponse,
  MutationResult,
  SkipRequest,
} from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import { serialQueryable } from '../storage/serial';
import type { Queryable, Storage } from '../storage/types';
import { num } from '../storage/types';
import { applyMutation } from './apply';
import { seqsFrom } from './counter';
import { BatchWrites } from './batchWrites';
import { LookUpEverything } from './entities/batchEntities';
import { isRejection, type PreparedCreate, type Rejection } from './entities/types';
import { scopeFor, type Caller } from './scope';

interface PushOptions {
  consume?: boolean;
  prepared?: readonly (PreparedCreate | Rejection | null)[];
}

/**
 * The bulk insert refused a new entity row (entities' primary key), or the batch found that an
 * entity taken to be new may exist (LookUpEverything).
 */
const mustLookUpEverything = (err: unknown) =>
  err instanceof LookUpEverything ||
  ((err as { code?: unknown } | null)?.code === '23505' &&
    (err as { constraint?: unknown }).constraint === 'entities_pkey');

/**
 * Applies a push batch (see the top of this file). With `consume`, the caller hands the batch
 * over: its entries are set to null as they are applied (see the loop). `prepared`, by index in
 * the batch: creates whose outcome was worked out when the request was read (pushInput.ts).
 *
 * A create names an id its device made up (a UUID v7), so its entity is taken to be new instead
 * of being looked up first: the lookup was about a tenth of the database's work on a batch of
 * creates. The primary key of `entities` still checks every new row, and if one turns out to
 * exist (a device that lost track, or two devices with one id), the batch is rolled back and
 * applied again with every entity looked up, which refuses that create as `alreadyExists` as
 * before. A create refused for another reason writes no row, so the key is not checked: those
 * few are looked up before the batch ends, with the same consequence if one exists. Nothing of
 * the first attempt survives it: it was one transaction.
 */
export async function pushBatch(
  storage: Storage,
  caller: Caller,
  req: PushRequest,
  now: () => Date = () => new Date(),
  opts: PushOptions = {},
): Promise<PushResponse> {
  if (!req.batch.some((m) => m.op === 'create')) return applyBatch(storage, caller, req, now, opts);
  // Kept for a second attempt: a consumed batch is emptied as it is applied. (A prepared create
  // travels without its changes, so for a batch of creates this keeps little.)
  const batch = opts.consume ? req.batch.slice() : req.batch;
  try {
    return await applyBatch(storage, caller, req, now, opts, true);
  } catch (err) {
    if (!mustLookUpEverything(err)) throw err;
    return applyBatch(storage, caller, { ...req, batch }, now, opts, false);
  }
}

async function applyBatch(
  storage: Storage,
  caller: Caller,
  req: PushRequest,
  now: () => Date,
  opts: PushOptions,
  createsAreNew = false,
): Promise<PushResponse> {
  return storage.transaction(async (tx) => {
    // The counter, then the device row, locked in one statement (one round trip before the batch
    // can start): FOR UPDATE OF locks in the order named, the order every writer takes them in
    // (no deadlock). Having waited for a lock, PostgreSQL returns the rows as last committed.
    const { rows } = await tx.query<{
      counter: unknown;
      epoch: string;
      last_seq: unknown;
      revoked: boolean;
      revoked_reason: string | null;
    }>(
      `SELECT s.last_seq AS counter, s.epoch, d.last_seq, d.revoked, d.revoked_reason
       FROM sync_state s CROSS JOIN devices d WHERE s.id = 1 AND d.id = $1
       FOR UPDATE OF s, d`,
      [caller.deviceId],
      { name: 'fc_push_locks' },
    );
    const device = rows[0];
    if (!device) throw new HttpError('UNAUTHORIZED');
    const seqs = seqsFrom(tx, { last_seq: device.counter, epoch: device.epoch });
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

    const replays = await storedResults(
      tx,
      caller.deviceId,
      req.batch.filter((m) => m.seq <= last).map((m) => m.seq),
    );

    // Entity and push-log rows are queued and written a chunk at a time (batchWrites.ts).
    const writes = new BatchWrites(serialQueryable(tx), seqs, caller.deviceId);
    const { entities, log } = writes;
    const todo = req.batch.filter((m) => m.seq > last);
    const assumedNew = createsAreNew ? todo.filter((m) => m.op === 'create') : [];
    entities.assumeAbsent(assumedNew.map((m) => ({ entity: m.entity, id: m.entityId })));
    await entities.prefetch(todo.map((m) => ({ entity: m.entity, id: m.entityId })));

    const ctx = { tx: writes.tx, caller, scope: scopeFor(caller), seqs, entities, now };
    const results: MutationResult[] = [];
    const unproven: { entity: string; id: string }[] = [];
    // With `consume`, each mutation is let go once applied (its entry set to null): what it
    // carried is written or queued as text by then, so its parsed documents can be freed while
    // the batch goes on (fewer and shorter garbage collections on large batches).
    const batch: (Mutation | null)[] = req.batch;
    for (let i = 0; i < batch.length; i++) {
      const m = batch[i] as Mutation;
      if (opts.consume) batch[i] = null;
      if (m.seq <= last) {
        results.push(replayed(m, replays));
        continue;
      }
      const prepared = opts.prepared?.[i];
      // A create read as exactly what was sent travels without its changes: the push log keeps
      // the sent text whatever the outcome (an applied one refers to its document instead).
      if (prepared && !isRejection(prepared) && prepared.sameAsSent)
        log.sentAs(m.changes, ['{"data":', prepared.dataJson, '}']);
      const result = await applyMutation(ctx, m, prepared);
      // Refused for anything but an id this batch already wrote, a create taken to be new wrote
      // no row: nothing checked that its entity is new.
      if (
        createsAreNew &&
        m.op === 'create' &&
        result.status === 'rejected' &&
        result.reason !== 'alreadyExists' &&
        // Refused as it was read, before its entity was looked at: an existing one changes nothing.
        result.reason !== 'unstorableText'
      )
        unproven.push({ entity: m.entity, id: m.entityId });
      log.add(m, result);
      results.push(result);
      last = m.seq;
      await writes.pace();
    }
    if (await entities.anyExists(unproven)) throw new LookUpEverything();
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

/** The stored results of seqs this device sent before (replays), by seq. */
async function storedResults(
  tx: Queryable,
  deviceId: string,
  seqs: readonly number[],
): Promise<Map<number, MutationResult>> {
  const stored = new Map<number, MutationResult>();
  if (seqs.length === 0) return stored;
  const r = await tx.query<{ seq: unknown; result: MutationResult }>(
    'SELECT seq, result FROM mutations WHERE device_id = $1 AND seq = ANY($2::bigint[])',
    [deviceId, seqs],
  );
  for (const row of r.rows) stored.set(num(row.seq), row.result);
  return stored;
}

/**
 * The answer to a seq taken before: its stored result again. Without one (a seq skipped by
 * /v1/sync/reset-seq after a restore), it is reported taken, with no serverSeq.
 */
function replayed(
  m: { seq: number; mutationId: string },
  stored: Map<number, MutationResult>,
): MutationResult {
  const before = stored.get(m.seq);
  return before
    ? { ...before, replayed: true }
    : { seq: m.seq, mutationId: m.mutationId, status: 'applied', serverSeq: null, replayed: true };
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * A mutation the device cannot send (over the batch byte limit) is recorded as refused under its
 * seq, so the ones after it can go: explicit, authenticated, and only as the next seq expected
 * (a gap is refused as for a push). Nothing is applied; the push log keeps the mutation's
 * envelope (its changes never reached the server: stored as {}) and the result, which a replay
 * of the seq returns. No entity changes, so the counter lock is not taken.
 */
export async function skipMutation(
  storage: Storage,
  caller: Caller,
  req: SkipRequest,
): Promise<PushResponse> {
  return storage.transaction(async (tx) => {
    const { rows } = await tx.query<{
      last_seq: unknown;
      revoked: boolean;
      revoked_reason: string | null;
      epoch: string;
    }>(
      `SELECT d.last_seq, d.revoked, d.revoked_reason, s.epoch
       FROM devices d CROSS JOIN sync_state s WHERE d.id = $1 AND s.id = 1 FOR UPDATE OF d`,
      [caller.deviceId],
    );
    const device = rows[0];
    if (!device) throw new HttpError('UNAUTHORIZED');
    if (device.revoked)
      throw new HttpError('DEVICE_REVOKED', { reason: device.revoked_reason ?? '' });
    const epoch = device.epoch;
    if (req.epoch && req.epoch !== epoch) throw new HttpError('EPOCH_CHANGED', {}, { epoch });
    const last = num(device.last_seq);
    if (req.seq <= last) {
      const stored = await storedResults(tx, caller.deviceId, [req.seq]);
      return { epoch, lastSeq: last, results: [replayed(req, stored)] };
    }
    if (req.seq > last + 1) {
      throw new HttpError(
        'GAP',
        { expectedSeq: last + 1 },
        { expectedSeq: last + 1, lastSeq: last },
      );
    }
    const result: MutationResult = {
      seq: req.seq,
      mutationId: req.mutationId,
      status: 'rejected',
      reason: 'tooLarge',
      message: fillMessage(REJECT_MESSAGES.tooLarge, { size: sizeText(req.bytes) }),
      details: { bytes: req.bytes },
    };
    await tx.query(
      `INSERT INTO mutations (device_id, seq, mutation_id, entity, entity_id, op, base_server_seq, changes, hlc, status, result, server_seq)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, '{}'::json, $7, 'rejected', $8::json, NULL)`,
      [
        caller.deviceId,
        req.seq,
        req.mutationId,
        req.entity,
        req.entityId,
        req.op,
        req.hlc,
        JSON.stringify(result),
      ],
    );
    await tx.query('UPDATE devices SET last_seq = $2, last_seen_at = now() WHERE id = $1', [
      caller.deviceId,
      req.seq,
    ]);
    return { epoch, lastSeq: req.seq, results: [result] };
  });
}
