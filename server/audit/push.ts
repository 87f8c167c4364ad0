/**
 * Receiving a device's audit entries, in one transaction: the device's head row is locked, the
 * entries are verified against it (shared/audit/chain.ts verifyChain), the ones before the
 * first break are stored and the head moves to the last of them. A break is recorded as a
 * report and answered; the head never moves past it, so every later push finds it again.
 *
 * Entries at or below the head were accepted before (the device lost the answer and sends
 * them again): each must be the very entry accepted at that position, or its difference is
 * the break. Nothing is stored twice.
 */
import { entryHash, GENESIS_HASH, verifyChain, type ChainBreak } from '../../shared/audit/chain';
import type {
  AuditChainHead,
  AuditPushRequest,
  AuditPushResponse,
  AuditUploadEntry,
} from '../../shared/sync/auditProtocol';
import type { Queryable, Storage } from '../storage/types';
import { num } from '../storage/types';
import { breakSeq, recordBreak } from './breaks';

async function lockHead(tx: Queryable, deviceId: string): Promise<AuditChainHead> {
  await tx.query(
    `INSERT INTO audit_heads (device_id, chain_seq, hash) VALUES ($1, 0, $2)
     ON CONFLICT (device_id) DO NOTHING`,
    [deviceId, GENESIS_HASH],
  );
  const { rows } = await tx.query<{ chain_seq: unknown; hash: string }>(
    'SELECT chain_seq, hash FROM audit_heads WHERE device_id = $1 FOR UPDATE',
    [deviceId],
  );
  const row = rows[0] as { chain_seq: unknown; hash: string };
  return { chainSeq: num(row.chain_seq), hash: row.hash };
}

/**
 * Checks re-sent entries (positions afterSeq+1 .. head) against the stored ones. Returns the
 * first difference, or null with the entries that come after the head.
 */
async function checkReplayed(
  tx: Queryable,
  deviceId: string,
  afterSeq: number,
  head: AuditChainHead,
  entries: readonly AuditUploadEntry[],
): Promise<{ found: ChainBreak; at: AuditUploadEntry } | { rest: AuditUploadEntry[] }> {
  const { rows } = await tx.query<{ chain_seq: unknown; prev_hash: string; hash: string }>(
    `SELECT chain_seq, prev_hash, hash FROM audit_entries
     WHERE device_id = $1 AND chain_seq > $2 AND chain_seq <= $3`,
    [deviceId, afterSeq, head.chainSeq],
  );
  const stored = new Map(rows.map((r) => [num(r.chain_seq), r]));
  let seq = afterSeq;
  let i = 0;
  for (; i < entries.length && seq < head.chainSeq; i++) {
    const e = entries[i] as AuditUploadEntry;
    if (e.chainSeq !== seq + 1) {
      return { found: { kind: 'missing', expectedSeq: seq + 1, gotSeq: e.chainSeq }, at: e };
    }
    const before = stored.get(e.chainSeq);
    if (!before || e.prevHash !== before.prev_hash) {
      return { found: { kind: 'link', chainSeq: e.chainSeq }, at: e };
    }
    if (e.hash !== before.hash || entryHash(e.prevHash, e.body) !== e.hash) {
      return { found: { kind: 'hash', chainSeq: e.chainSeq }, at: e };
    }
    seq = e.chainSeq;
  }
  return { rest: entries.slice(i) };
}

async function storeEntries(
  tx: Queryable,
  deviceId: string,
  entries: readonly AuditUploadEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO audit_entries (device_id, chain_seq, prev_hash, hash, body)
     SELECT $1::uuid, s, p, h, b::json
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS t(s, p, h, b)`,
    [
      deviceId,
      entries.map((e) => e.chainSeq),
      entries.map((e) => e.prevHash),
      entries.map((e) => e.hash),
      entries.map((e) => JSON.stringify(e.body)),
    ],
  );
  const last = entries.at(-1) as AuditUploadEntry;
  await tx.query(
    'UPDATE audit_heads SET chain_seq = $2, hash = $3, updated_at = now() WHERE device_id = $1',
    [deviceId, last.chainSeq, last.hash],
  );
}

export async function pushAuditEntries(
  storage: Storage,
  deviceId: string,
  req: AuditPushRequest,
): Promise<AuditPushResponse> {
  return storage.transaction(async (tx) => {
    const head = await lockHead(tx, deviceId);
    if (req.afterSeq > head.chainSeq) return { status: 'behind', head, accepted: 0 };

    const replay = await checkReplayed(tx, deviceId, req.afterSeq, head, req.entries);
    if ('found' in replay) {
      const report = await recordBreak(tx, deviceId, replay.found, replay.at);
      return { status: 'broken', head, accepted: 0, report };
    }

    const entries = replay.rest;
    const found = verifyChain(head.chainSeq, head.hash, entries);
    if (!found) {
      await storeEntries(tx, deviceId, entries);
      const last = entries.at(-1);
      const newHead = last ? { chainSeq: last.chainSeq, hash: last.hash } : head;
      return { status: 'ok', head: newHead, accepted: entries.length };
    }
    // verifyChain stops at the first break; the entries before it run head+1, head+2, ...
    const at = breakSeq(found) - head.chainSeq - 1;
    const good = entries.slice(0, at);
    await storeEntries(tx, deviceId, good);
    const last = good.at(-1);
    const report = await recordBreak(tx, deviceId, found, entries[at] as AuditUploadEntry);
    return {
      status: 'broken',
      head: last ? { chainSeq: last.chainSeq, hash: last.hash } : head,
      accepted: good.length,
      report,
    };
  });
}
