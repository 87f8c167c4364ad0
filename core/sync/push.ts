/**
 * Push: the outbox in seq order, in batches (count and byte limits), each answered with a result
 * per mutation and recorded in one local transaction. Replays are harmless (the server keeps the
 * last seq per device), so a lost response just means sending the batch again.
 *
 * A mutation too large for any batch (over this device's byte limit, or refused 413 by the
 * server when sent alone) is not retried forever: it is skipped explicitly (POST /v1/sync/skip,
 * which the server takes only as the next seq it expects), the server answers it refused
 * (`tooLarge`), and like every refused mutation it goes to the quarantine whole, with the
 * reason. The ones after it then go as usual.
 */
import type { OutboxEntry } from '../../db/repositories/outbox';
import {
  PUSH_WINDOW,
  type Mutation,
  type PushResponse,
  type SkipRequest,
} from '../../shared/sync/protocol';
import type { SeqResetResponse } from '../../shared/sync/maintenance';
import { encodePushBody, PUSH_BODY_TYPE } from '../../shared/sync/pushBody';
import { post, tx, type RoundContext } from './context';
import { SyncHttpError, TextBody } from './http';
import { lockedFields } from './lockedFields';
import { epochOf, resetCursor } from './pull';

/** Room for the request envelope around the mutations. */
const ENVELOPE_BYTES = 4096;

const toMutation = (e: OutboxEntry): Mutation => ({
  seq: e.seq,
  mutationId: e.mutationId,
  entity: e.entity,
  entityId: e.entityId,
  op: e.op,
  baseServerSeq: e.baseServerSeq,
  changes: e.changes,
  hlc: e.hlc,
});

/**
 * The next batch: contiguous seqs (the server refuses holes) within both limits. With `from`, it
 * must start exactly there (it follows a batch still in flight); otherwise at the lowest pending.
 */
function takeBatch(rc: RoundContext, maxCount: number, from?: number): OutboxEntry[] {
  const candidates = rc.store.outbox.pending(maxCount, from ?? 0);
  if (from !== undefined && candidates[0]?.seq !== from) return [];
  const out: OutboxEntry[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const e of candidates) {
    if (out.length > 0) {
      const prev = out[out.length - 1] as OutboxEntry;
      if (e.seq !== prev.seq + 1 || bytes + e.bytes + 1 > rc.limits.maxBatchBytes) break;
    }
    out.push(e);
    bytes += e.bytes + 1;
  }
  return out;
}

/** Too large to send in any batch under this device's own limit. */
const overLimit = (rc: RoundContext, e: OutboxEntry) =>
  ENVELOPE_BYTES + e.bytes > rc.limits.maxBatchBytes;

/** The skip of one mutation that cannot be sent (see the top of this file). */
function skipRequest(rc: RoundContext, e: OutboxEntry): SkipRequest {
  return {
    deviceId: rc.deviceId,
    epoch: rc.store.syncState.get('epoch'),
    seq: e.seq,
    mutationId: e.mutationId,
    entity: e.entity,
    entityId: e.entityId,
    op: e.op,
    hlc: e.hlc,
    bytes: e.bytes,
  };
}

interface InFlight {
  batch: OutboxEntry[];
  skip: boolean;
  response: Promise<PushResponse>;
}

/**
 * Sends the outbox, keeping up to PUSH_WINDOW requests in flight: the next batch goes while the
 * server is still writing the one before (it applies a device's batches in seq order), so a slow
 * link's round trip is not paid per batch. Answers are taken in order. When one fails, the ones
 * sent after it are let go (their answers, awaited, are not needed: the server applied them once
 * or not at all, and sending them again returns their stored results), and the failure is handled
 * as before with nothing in flight. (The server holds a batch whose predecessor failed for a
 * moment at most: server/sync/deviceTurns.ts.)
 *
 * The first batch of a round, and the first after anything unexpected (a refusal, a gap, seqs the
 * server had taken for other mutations), goes alone: only once an answer shows the server's last
 * seq just below our next batch is it safe to send more behind it. (With a restored laptop's
 * reused seqs in flight, a batch behind could be applied under numbers about to be renumbered.)
 */
export async function pushAll(rc: RoundContext): Promise<void> {
  let maxCount = rc.limits.maxBatchMutations;
  let epochRetried = false;
  let gapRetries = 0;
  let sent = 0;
  /** Seqs the server refused 413 when sent alone: skipped, not sent again. */
  const refusedAlone = new Set<number>();
  const total = rc.store.outbox.count('pending');
  let inFlight: InFlight[] = [];
  /** An answer has shown the server's last seq just below what we send next. */
  let confirmed = false;
  const letGo = async () => {
    const rest = inFlight;
    inFlight = [];
    confirmed = false;
    await Promise.allSettled(rest.map((f) => f.response));
  };
  for (;;) {
    while (inFlight.length < (confirmed ? PUSH_WINDOW : 1)) {
      const prev = inFlight.at(-1);
      if (prev?.skip) break;
      const from = prev ? (prev.batch.at(-1) as OutboxEntry).seq + 1 : undefined;
      const batch = takeBatch(rc, maxCount, from);
      if (batch.length === 0) break;
      const only = batch.length === 1 ? (batch[0] as OutboxEntry) : null;
      const skip = only !== null && (overLimit(rc, only) || refusedAlone.has(only.seq));
      // A skip goes alone: the server takes it only as the very next seq.
      if (skip && prev) break;
      rc.setPhase('pushing', { done: sent, total: Math.max(total, sent + batch.length) });
      const response =
        skip && only
          ? post<PushResponse>(rc, '/v1/sync/skip', skipRequest(rc, only))
          : post<PushResponse>(
              rc,
              '/v1/sync/push',
              new TextBody(
                encodePushBody({
                  deviceId: rc.deviceId,
                  epoch: rc.store.syncState.get('epoch'),
                  batch: batch.map(toMutation),
                  ...(prev ? { pipelined: true } : {}),
                }),
                PUSH_BODY_TYPE,
              ),
            );
      // Awaited in order below; one that fails while an earlier one is awaited is not unhandled.
      response.catch(() => undefined);
      inFlight.push({ batch, skip, response });
    }
    const head = inFlight.shift();
    if (!head) return;
    const { batch, skip } = head;
    let res: PushResponse;
    try {
      res = await head.response;
    } catch (err) {
      await letGo();
      if (!(err instanceof SyncHttpError)) throw err;
      if (err.code === 'EPOCH_CHANGED' && !epochRetried) {
        // The server was restored: re-pull everything later in this round, keep the outbox.
        epochRetried = true;
        resetCursor(rc, epochOf(err.details));
        continue;
      }
      if (err.code === 'GAP' && gapRetries++ < 3) {
        await closeGap(rc, expectedSeqOf(err.details));
        continue;
      }
      if (err.code === 'PAYLOAD_TOO_LARGE' && !skip) {
        if (batch.length === 1) refusedAlone.add((batch[0] as OutboxEntry).seq);
        else maxCount = Math.ceil(batch.length / 2);
        continue;
      }
      throw err;
    }
    const reused = tx(rc.store, () => recordResults(rc, batch, res));
    confirmed = !reused && res.lastSeq === (batch.at(-1) as OutboxEntry).seq;
    if (reused) {
      // This device's seqs went back (a restored laptop): the server took these numbers for
      // other mutations. Ours move past the server's last seq and go again.
      await letGo();
      tx(rc.store, () => rc.store.outbox.renumber(res.lastSeq + 1));
    }
    sent += batch.length;
  }
}

function expectedSeqOf(details: unknown): number {
  const v = (details as { expectedSeq?: unknown } | null)?.expectedSeq;
  return typeof v === 'number' && v >= 1 ? v : 1;
}

/**
 * The server expects a seq before our first pending one: it lost mutations (a restore). Those we
 * still hold as done go again; if some were pruned, the server is asked to skip to what we hold.
 */
async function closeGap(rc: RoundContext, expected: number): Promise<void> {
  tx(rc.store, () => rc.store.outbox.reopenDone(expected));
  const first = rc.store.outbox.pending(1)[0]?.seq;
  if (first !== undefined && first > expected) {
    await post<SeqResetResponse>(rc, '/v1/sync/reset-seq', {
      deviceId: rc.deviceId,
      nextSeq: first,
    });
  }
}

/** Returns true if the server answered a seq with someone else's mutation (seq reuse). */
function recordResults(rc: RoundContext, batch: OutboxEntry[], res: PushResponse): boolean {
  const { store } = rc;
  const bySeq = new Map(batch.map((e) => [e.seq, e]));
  const repair = store.syncState.get('repair') ?? [];
  const at = rc.now().toISOString();
  let reused = false;
  for (const r of res.results) {
    const e = bySeq.get(r.seq);
    if (!e) continue;
    if (r.mutationId !== e.mutationId) {
      reused = true;
      continue;
    }
    if (r.status === 'applied') {
      store.outbox.setState(e.seq, 'done');
      // What the server refused before may have reached it now (sent again when saved).
      store.quarantine.resolveSent(e.entity, e.entityId, e, at, {
        applied: true,
        gone: lockedFields(store, e.entity, e.entityId),
      });
      continue;
    }
    repair.push({ entity: e.entity, id: e.entityId });
    if (r.status === 'conflict') {
      for (const c of r.conflicts) {
        store.conflicts.upsertOpen({
          id: c.conflictId,
          entity: e.entity,
          entityId: e.entityId,
          field: c.field,
          serverValue: c.serverValue,
          clientValue: c.clientValue,
          serverSeq: c.serverSeq,
          createdAt: at,
        });
      }
      // Held fields that went again reached the server; any it conflicted on wait in conflicts.
      store.quarantine.resolveSent(e.entity, e.entityId, e, at, {
        applied: false,
        gone: lockedFields(store, e.entity, e.entityId),
      });
      store.outbox.setState(e.seq, 'done');
      continue;
    }
    // Refused again: it stands for the earlier refusals whose fields it carried (held again, or
    // the server's state winning); a refused submit only for earlier refused submits.
    store.quarantine.supersede(e.entity, e.entityId, e, at);
    store.quarantine.add({
      mutationId: e.mutationId,
      seq: e.seq,
      entity: e.entity,
      entityId: e.entityId,
      op: e.op,
      changes: e.changes,
      reason: r.reason,
      message: r.message,
      ...(r.details?.fieldErrors ? { fieldErrors: r.details.fieldErrors } : {}),
      ...(r.details ? { details: r.details } : {}),
      at,
      baseServerSeq: e.baseServerSeq,
    });
    store.outbox.remove(e.seq);
  }
  store.syncState.set('repair', repair);
  store.outbox.pruneDone();
  return reused;
}
