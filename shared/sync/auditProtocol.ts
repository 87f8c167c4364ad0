/**
 * Audit upload: after each sync round a device sends the entries of its hash-chained audit
 * trail (shared/audit/chain.ts) that the server has not acknowledged yet; the server verifies
 * them against the last entry it accepted from that device and reports the first broken or
 * missing link.
 *
 *   POST /v1/audit/push  {deviceId, afterSeq, entries}  → AuditPushResponse
 *   GET  /v1/audit/breaks?limit=                        → AuditBreakListItem[] (supervisor,
 *                                                         admin: devices of their unit tree)
 *
 * `afterSeq` is the chain position the device believes the server holds (its acknowledged
 * head). It tells a restored server (holding less: answer `behind`, the device resends from
 * the server's head) apart from a device whose next entry is gone (a `missing` break).
 */
import { z } from 'zod';
import type { ChainBreak } from '../audit/chain';
import { uuid } from '../schemas/fields';
import { SYNC_LIMITS } from './protocol';

/**
 * The largest audit entry a device can produce: the create of a record at the largest mutation
 * (SYNC_LIMITS.maxBatchBytes), each leaf wrapped as `{"path":…,"old":null,"new":…}`. Wrapping
 * multiplies a record of many short leaves up to about 6× (an empty goods line, 62 bytes
 * compact, is some 370 bytes as six changes with their paths), so 8× plus room for the rest of
 * the entry. An entry over the batch budget goes alone and must still be taken.
 */
export const AUDIT_ENTRY_MAX_BYTES = 8 * SYNC_LIMITS.maxBatchBytes + 64 * 1024;

const ENVELOPE_BYTES = 1024;

export const AUDIT_UPLOAD_LIMITS = {
  maxEntries: 500,
  /** The batch budget a device fills up to (one larger entry goes alone). */
  maxBytes: 1024 * 1024,
  /** The route's body limit: one largest entry in its request envelope. */
  maxBodyBytes: AUDIT_ENTRY_MAX_BYTES + ENVELOPE_BYTES,
  /** Room for the request's envelope around the entries, within maxBytes. */
  envelopeBytes: ENVELOPE_BYTES,
  defaultBreakList: 100,
  maxBreakList: 1000,
} as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'v.invalid' });
const position = z.number({ error: 'v.type' }).int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string({ error: 'v.type' }).max(max, { error: 'v.tooLong' });

/**
 * An entry's body is evidence: its shape is checked, its values are not (they are hashed as
 * received). Entity and action names are open strings so an older server still takes the
 * entries of a newer app.
 */
export const AuditBodySchema = z.strictObject({
  id: text(100).min(1),
  entityType: text(40).min(1),
  entityId: text(100),
  action: text(40).min(1),
  actorId: text(100),
  actorName: text(500),
  at: text(64),
  // Bounded by the body limit (AUDIT_ENTRY_MAX_BYTES), not by count: a create of a record with
  // long lists has one change per leaf, tens of thousands of them.
  changes: z.array(z.unknown()),
});

export const AuditUploadEntrySchema = z.strictObject({
  chainSeq: position.min(1),
  prevHash: hex64,
  hash: hex64,
  body: AuditBodySchema,
});
export type AuditUploadEntry = z.infer<typeof AuditUploadEntrySchema>;

export const AuditPushRequestSchema = z.strictObject({
  deviceId: uuid,
  afterSeq: position,
  entries: z.array(AuditUploadEntrySchema).min(1),
});
export type AuditPushRequest = z.infer<typeof AuditPushRequestSchema>;

export type AuditBreakKind = ChainBreak['kind'];

/** A broken or missing link the server found in a device's chain. */
export interface AuditBreakReport {
  id: number;
  deviceId: string;
  /**
   * Where the chain stopped holding: the missing position for `missing`, otherwise the
   * position of the entry whose link (`link`) or content (`hash`) does not check out.
   */
  chainSeq: number;
  kind: AuditBreakKind;
  detectedAt: string;
  /** The entry as the device sent it, where the break was found. */
  entry: AuditUploadEntry;
}

export interface AuditChainHead {
  chainSeq: number;
  hash: string;
}

export type AuditPushResponse =
  /** Every entry linked: `head` is the device's last accepted entry. */
  | { status: 'ok'; head: AuditChainHead; accepted: number }
  /** The server holds less than `afterSeq` (restored from a backup): resend after `head`. */
  | { status: 'behind'; head: AuditChainHead; accepted: 0 }
  /** Entries before the break were accepted; the head stays before it. */
  | { status: 'broken'; head: AuditChainHead; accepted: number; report: AuditBreakReport };

export const AuditBreakQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'v.type' })
    .pipe(z.number().int().min(1).max(AUDIT_UPLOAD_LIMITS.maxBreakList))
    .default(AUDIT_UPLOAD_LIMITS.defaultBreakList),
});

export interface AuditBreakListItem extends AuditBreakReport {
  deviceName: string;
  userId: string;
  userName: string;
  unitId: string;
}
