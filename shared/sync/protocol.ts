/**
 * The sync protocol between the app and the central endpoint: request and response shapes,
 * defined once and used by both sides. Requests are zod-validated (strict: unknown fields are
 * refused); responses are typed.
 *
 * Ordering never comes from clocks: the server numbers every change with `serverSeq`, assigned
 * in commit order, and the pull cursor is that number. The HLC on a mutation is recorded only.
 */
import { z } from 'zod';
import { uuid } from '../schemas/fields';
import { compiled } from '../schemas/compiled';
import type { RejectReason, SyncErrorCode } from './errors';
import { HLC_PATTERN } from './hlc';
import { isSafePath } from './paths';

export const SYNC_PROTOCOL_VERSION = 1;

/** Entities a device may change. Adding one: list it here and give the server a handler. */
export const MUTATION_ENTITIES = [
  'enterprise',
  'spotCheck',
  'attachment',
  'case',
  'review',
] as const;
export type MutationEntity = (typeof MUTATION_ENTITIES)[number];

/** Entities a device receives: its own kinds plus pull-only reference data. */
export const PULL_ENTITIES = [...MUTATION_ENTITIES, 'person', 'category'] as const;
export type PullEntity = (typeof PULL_ENTITIES)[number];

/**
 * `transition` asks a case's state machine for a step: changes `{ transition, opinion }`.
 * Reviews are records of their own (entity `review`, op `create`).
 */
export const MUTATION_OPS = ['create', 'update', 'submit', 'correct', 'transition'] as const;
export type MutationOp = (typeof MUTATION_OPS)[number];

export { ROLES, type Role } from '../domain/permissions';
import type { Role } from '../domain/permissions';

export const SYNC_LIMITS = {
  maxBatchMutations: 500,
  maxBatchBytes: 1024 * 1024,
  defaultPullLimit: 200,
  maxPullLimit: 1000,
} as const;

/**
 * Push requests a device keeps in flight: the next batch goes before the answer to the one
 * before, so the server validates one while the database writes the other, and a slow link's
 * round trip is not paid once per batch. The server applies a device's batches in arrival order.
 */
export const PUSH_WINDOW = 2;

const seqNumber = z.number({ error: 'v.type' }).int().min(1).max(Number.MAX_SAFE_INTEGER);
const serverSeqNumber = z.number({ error: 'v.type' }).int().min(0).max(Number.MAX_SAFE_INTEGER);

/** UUID v7: clients create ids, and v7 ids sort by creation time (handy for indexes). */
export const uuidV7 = uuid.refine((v) => v.charAt(14) === '7', { error: 'v.id' });

const changes = z
  .record(z.string().max(200), z.unknown())
  .refine((c) => Object.keys(c).length <= 1000, { error: 'v.tooLong' })
  .superRefine((c, ctx) => {
    for (const key of Object.keys(c)) {
      if (!isSafePath(key)) ctx.addIssue({ code: 'custom', message: 'v.invalid', path: [key] });
    }
  });

export const MutationSchema = compiled(
  z
    .strictObject({
      /** Per device, contiguous from 1, assigned when the change is written to the outbox. */
      seq: seqNumber,
      mutationId: uuidV7,
      entity: z.enum(MUTATION_ENTITIES, { error: 'v.enum' }),
      entityId: uuid,
      op: z.enum(MUTATION_OPS, { error: 'v.enum' }),
      /**
       * The entity's serverSeq the client last saw; null for create (and for correct, whose
       * entityId is the new version's id). Decides conflicts: see the server's conflicts.ts.
       */
      baseServerSeq: serverSeqNumber.nullable(),
      /** Dotted field path → new value. For create: the full document (paths or nested). */
      changes,
      hlc: z.string().regex(HLC_PATTERN, { error: 'v.invalid' }),
    })
    .superRefine((m, ctx) => {
      const needsBase = m.op === 'update' || m.op === 'submit' || m.op === 'transition';
      if (needsBase && m.baseServerSeq === null) {
        ctx.addIssue({ code: 'custom', message: 'v.required', path: ['baseServerSeq'] });
      }
      if (m.op === 'create' && m.baseServerSeq !== null) {
        ctx.addIssue({ code: 'custom', message: 'v.invalid', path: ['baseServerSeq'] });
      }
    }),
);
export type Mutation = z.infer<typeof MutationSchema>;

/** A push request without its batch (NDJSON bodies send it as their first line: pushBody.ts). */
export const PushEnvelopeSchema = compiled(
  z.strictObject({
    deviceId: uuid,
    /** The epoch the client last pulled under; a stale one is refused (409 EPOCH_CHANGED). */
    epoch: z.string().max(64).nullable().optional(),
    /**
     * Sent while the device's previous batch was still unanswered (PUSH_WINDOW): the server
     * holds it until that one is applied instead of refusing it as a gap.
     */
    pipelined: z.boolean({ error: 'v.type' }).optional(),
  }),
);

/** The index of the first mutation whose seq does not follow the one before it, or -1. */
export function firstSeqBreak(batch: readonly { seq: number }[]): number {
  const first = batch[0]?.seq ?? 0;
  return batch.findIndex((m, i) => m.seq !== first + i);
}

export const PushRequestSchema = compiled(
  PushEnvelopeSchema.extend({
    batch: z.array(MutationSchema).min(1),
  }).superRefine((req, ctx) => {
    // Seqs contiguous: each one after the first that breaks the run is reported.
    const from = firstSeqBreak(req.batch);
    if (from < 0) return;
    const first = (req.batch[0] as Mutation).seq;
    for (let i = from; i < req.batch.length; i++) {
      if ((req.batch[i] as Mutation).seq !== first + i)
        ctx.addIssue({ code: 'custom', message: 'v.invalid', path: ['batch', i, 'seq'] });
    }
  }),
);
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * A mutation too large for any push (its request alone is over the batch byte limit) is skipped
 * explicitly instead of sent: the device names it without its changes, and the server records it
 * as refused (`tooLarge`) under its seq, only if that is the next seq it expects (otherwise 409
 * GAP, as for a push). The answer is a PushResponse with that one result; sending the same skip
 * again returns the stored result. The changes stay on the device (its quarantine).
 */
export const SkipRequestSchema = z.strictObject({
  deviceId: uuid,
  epoch: z.string().max(64).nullable().optional(),
  seq: seqNumber,
  mutationId: uuidV7,
  entity: z.enum(MUTATION_ENTITIES, { error: 'v.enum' }),
  entityId: uuid,
  op: z.enum(MUTATION_OPS, { error: 'v.enum' }),
  hlc: z.string().regex(HLC_PATTERN, { error: 'v.invalid' }),
  /** Size of the mutation as JSON (UTF-8), as the device measured it. */
  bytes: z.number({ error: 'v.type' }).int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export type SkipRequest = z.infer<typeof SkipRequestSchema>;

export interface FieldConflict {
  conflictId: string;
  /** Dotted leaf path, e.g. `data.sample.batchNumber`. */
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  /** The serverSeq at which the server's value was written. */
  serverSeq: number;
}

interface ResultBase {
  seq: number;
  mutationId: string;
  /** True when this seq had been applied before and the stored result is returned again. */
  replayed?: boolean;
}

export type MutationResult =
  | (ResultBase & { status: 'applied'; serverSeq: number | null })
  | (ResultBase & { status: 'conflict'; serverSeq: number | null; conflicts: FieldConflict[] })
  | (ResultBase & {
      status: 'rejected';
      reason: RejectReason;
      message: string;
      details?: {
        fieldErrors?: Record<string, { key: string; params?: Record<string, string | number> }>;
      } & Record<string, unknown>;
    });

export interface PushResponse {
  epoch: string;
  /** Highest seq of this device the server has taken (applied, conflicted or rejected). */
  lastSeq: number;
  results: MutationResult[];
}

export const PullRequestSchema = z.strictObject({
  cursor: serverSeqNumber.default(0),
  /** Null or absent on a first pull; otherwise the epoch of the previous response. */
  epoch: z.string().max(64).nullable().optional(),
  limit: z
    .number({ error: 'v.type' })
    .int()
    .min(1)
    .max(SYNC_LIMITS.maxPullLimit)
    .default(SYNC_LIMITS.defaultPullLimit),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

/** GET /v1/sync/pull takes the same fields as a query string. */
export const PullQuerySchema = z.strictObject({
  cursor: z.coerce.number({ error: 'v.type' }).pipe(serverSeqNumber).default(0),
  epoch: z.string().max(64).optional(),
  limit: z.coerce
    .number({ error: 'v.type' })
    .pipe(z.number().int().min(1).max(SYNC_LIMITS.maxPullLimit))
    .default(SYNC_LIMITS.defaultPullLimit),
});

export interface PullRow {
  serverSeq: number;
  entity: PullEntity;
  entityId: string;
  doc: Record<string, unknown>;
  deleted?: boolean;
}

export interface PullResponse {
  epoch: string;
  rows: PullRow[];
  /** Pass back as `cursor`. After the last page it is the server's latest seq. */
  nextCursor: number;
  hasMore: boolean;
  /**
   * Checksum of the caller's whole scope (see checksum.ts) in the same snapshot as the page;
   * sent with the last page only (null while hasMore).
   */
  checksum: string | null;
}

export const EnrollRequestSchema = z.strictObject({
  code: z.string().trim().min(4).max(64),
  deviceName: z.string().trim().min(1, { error: 'v.required' }).max(100, { error: 'v.tooLong' }),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, { error: 'v.required' }).max(64, { error: 'v.tooLong' }),
  password: z.string().min(1, { error: 'v.required' }).max(256, { error: 'v.tooLong' }),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export interface UserProfile {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  credentialNumber: string;
}

export interface UnitInfo {
  id: string;
  name: string;
  parentId: string | null;
  regionCode: string;
}

export interface EnrollResponse {
  deviceId: string;
  /** Send as `Authorization: Bearer <deviceToken>`. Shown once; the server keeps only a hash. */
  deviceToken: string;
  user: UserProfile;
  unit: UnitInfo;
  epoch: string;
}

export interface LoginResponse {
  user: UserProfile;
  unit: UnitInfo;
  epoch: string;
}

export interface HealthResponse {
  ok: boolean;
  db: 'ok' | 'unreachable';
  storage: 'postgres' | 'pglite';
  epoch: string | null;
  version: string;
  protocol: number;
}

export interface SyncErrorBody {
  code: SyncErrorCode;
  /** Chinese, ready to show. */
  message: string;
  details?: unknown;
}
