import type { z } from 'zod';
import { issuesToFieldErrors } from '../../../shared/api/validation';
import type { RejectReason } from '../../../shared/sync/errors';
import type { Mutation, MutationEntity } from '../../../shared/sync/protocol';
import type { Doc } from '../../../shared/sync/paths';
import type { Queryable } from '../../storage/types';
import type { TextPart } from '../../storage/textParts';
import type { DetectedConflict } from '../conflicts';
import type { SeqAllocator } from '../counter';
import type { Caller, Scope } from '../scope';
import type { BatchEntities } from './batchEntities';
import type { EntityRow } from './repo';

export interface BatchContext {
  tx: Queryable;
  caller: Caller;
  scope: Scope;
  seqs: SeqAllocator;
  /** The batch's entity reads and writes (cached, written in multi-row statements). */
  entities: BatchEntities;
  /** Server time for timestamps kept in documents (never used for ordering). */
  now: () => Date;
}

export interface Rejection {
  reject: RejectReason;
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
}

export const reject = (
  reason: RejectReason,
  params?: Rejection['params'],
  details?: Rejection['details'],
): Rejection => ({
  reject: reason,
  ...(params ? { params } : {}),
  ...(details ? { details } : {}),
});

export const isRejection = (v: unknown): v is Rejection =>
  typeof v === 'object' && v !== null && 'reject' in v;

/** A zod failure as a rejection whose field errors carry the document's paths. */
export function validationRejection(issues: readonly z.core.$ZodIssue[], prefix = ''): Rejection {
  const fieldErrors = issuesToFieldErrors(issues);
  const prefixed = Object.fromEntries(
    Object.entries(fieldErrors).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]),
  );
  return reject('validation', undefined, { fieldErrors: prefixed });
}

export interface NewEntity {
  doc: Doc;
  unitId: string | null;
  ownerUserId: string | null;
  /**
   * When set: the JSON text of the document's `data` (which `doc` then holds as null), made when
   * the create was prepared (PreparedCreate).
   */
  dataJson?: TextPart;
  /** With dataJson: that text is also exactly what the mutation sent as `{ data }`. */
  dataIsSent?: boolean;
}

/**
 * A create's new `data`, worked out from the mutation alone before the batch runs (see
 * ../pushInput.ts): its JSON text, and whether it is exactly the `{ data }` the device sent (the
 * push log then refers to the document instead of keeping a copy, ../mutationLog.ts). The text
 * is a string, or the request's own UTF-8 bytes of that same text (prepareCreate's `sent`).
 */
export interface SentText {
  /** The JSON text the device sent for `m.changes.data` (the very value parsed from it). */
  text: string;
  /** The same text as the UTF-8 bytes of the request that held it. */
  bytes: Uint8Array;
}

export interface PreparedCreate {
  dataJson: TextPart;
  sameAsSent: boolean;
}

export interface ChangePlan {
  /** The document the client asked for, validated and normalized. */
  candidate: Doc;
  /** Adjusts the merged document once conflicts are known (e.g. a submit with conflicts stays a draft). */
  finalize?: (merged: Doc, conflicts: DetectedConflict[]) => Doc | Rejection;
}

/**
 * One kind of synced document. Adding an entity type: a handler like enterprise.ts, listed in
 * entities/index.ts, its name in shared/sync/protocol.ts, and its scope rule in scope.ts.
 */
export interface EntityHandler {
  entity: MutationEntity;
  /** `prepared`: the outcome of prepareCreate for this mutation, when it was worked out already. */
  create(
    ctx: BatchContext,
    m: Mutation,
    prepared?: PreparedCreate | Rejection,
  ): Promise<NewEntity | Rejection>;
  /**
   * The part of `create` that depends on the mutation alone (pure: no database, no caller),
   * for handlers whose creates are frequent enough to prepare off the main thread. `sent`: the
   * text of `m.changes.data` as the device sent it, when the request was read so that it is known
   * (../pushInput.ts).
   */
  prepareCreate?(m: Mutation, sent?: SentText): PreparedCreate | Rejection;
  /** update and submit: what the document should become (before conflict detection). */
  change(ctx: BatchContext, m: Mutation, current: EntityRow): Promise<ChangePlan | Rejection>;
  /** A new version of an existing record; the handler does its own writes and returns the new seq. */
  correct?(ctx: BatchContext, m: Mutation): Promise<number | Rejection>;
}
