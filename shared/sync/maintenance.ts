/**
 * Protocol additions beside the batch push/pull (protocol.ts): listing and closing field
 * conflicts, fetching single rows again, and moving a device's sequence on after a restore.
 */
import { z } from 'zod';
import { uuid } from '../schemas/fields';
import { PULL_ENTITIES, type PullRow } from './protocol';

/** Open conflicts on rows the caller may read: every device in scope sees both values. */
export interface ConflictListItem {
  conflictId: string;
  entity: string;
  entityId: string;
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  serverSeq: number;
  createdAt: string;
}

export interface ConflictListResponse {
  conflicts: ConflictListItem[];
}

/**
 * Closes conflicts a person decided on. The decision itself travels as an ordinary mutation
 * (choosing the device's value is an `update` on an up-to-date base); this only records that
 * nobody needs to look at the conflict any more.
 */
export const ConflictResolveRequestSchema = z.strictObject({
  conflictIds: z.array(uuid).min(1).max(500),
});
export interface ConflictResolveResponse {
  resolved: string[];
}

/**
 * Rows by id, in the caller's scope (missing ones are left out). After a refused or conflicting
 * mutation the device re-reads the row, because the server may not have changed it (so a pull
 * would not send it) while the device holds values the server did not take.
 */
export const FetchRequestSchema = z.strictObject({
  refs: z
    .array(z.strictObject({ entity: z.enum(PULL_ENTITIES), id: z.string().min(1).max(64) }))
    .min(1)
    .max(500),
});
export interface FetchResponse {
  rows: PullRow[];
}

/**
 * After a server restore, the server may expect seqs the device has already forgotten (they were
 * applied before the restore and pruned from the outbox). The device declares the first seq it
 * still holds; the server skips forward to it. Only forward: a replay can never be re-applied.
 */
export const SeqResetRequestSchema = z.strictObject({
  deviceId: uuid,
  nextSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export interface SeqResetResponse {
  lastSeq: number;
}
