/** Enforcement cases and supervisor review: the part of the API contract they add. */
import { z } from 'zod';
import { CaseDataSchema } from '../schemas/case';
import { uuid } from '../schemas/fields';
import { MAX_PAGE, type Page } from '../schemas/lists';
import { REVIEW_TARGETS, ReviewDecisionInputSchema, type ReviewRecord } from '../schemas/review';
import type { CaseRecord } from '../domain/case/record';
import {
  CASE_STAGES,
  CASE_TRANSITIONS,
  type ApprovalLevel,
  type CaseStage,
  type CaseTransition,
} from '../domain/case/stages';
import type { CaseDeadline } from '../domain/deadlines/compute';
import type { DeadlineRuleSet } from '../domain/deadlines/rules';
import type { SpotCheckSummary } from '../schemas/lists';
import { method, noInput } from './method';

export const CASE_SORTS = ['deadline', 'updatedAt', 'createdAt'] as const;

export const CaseListQuerySchema = z.strictObject({
  offset: z.number({ error: 'v.type' }).int().nonnegative().default(0),
  limit: z.number({ error: 'v.type' }).int().min(1).max(MAX_PAGE).default(50),
  q: z.string({ error: 'v.type' }).trim().max(100, { error: 'v.tooLong' }).default(''),
  stages: z
    .array(z.enum(CASE_STAGES, { error: 'v.enum' }))
    .max(CASE_STAGES.length)
    .default([]),
  /** `deadline`: nearest running deadline first (cases without one last). */
  sort: z.enum(CASE_SORTS, { error: 'v.enum' }).default('deadline'),
  dir: z.enum(['asc', 'desc'], { error: 'v.enum' }).default('asc'),
  /** Only cases waiting for an approval. */
  pendingOnly: z.boolean().default(false),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export interface CaseSummary {
  id: string;
  stage: CaseStage;
  pendingStep: CaseTransition | null;
  cause: string;
  partyName: string;
  productName: string;
  source: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  nearestDeadline: CaseDeadline | null;
}

export interface CaseDetail {
  record: CaseRecord;
  /** Running deadlines, nearest first, computed for today. */
  deadlines: CaseDeadline[];
  /** Steps the owner may ask for now. */
  available: CaseTransition[];
  /** When a step is pending: the level its next signature must be. */
  nextLevel: ApprovalLevel | null;
  /** Review decisions on this case, oldest first. */
  reviews: ReviewRecord[];
  /** Whether the local user may edit, ask for steps, or review it (from the shared rules). */
  canEdit: boolean;
  canReview: boolean;
}

/** What a timeline entry records (each has its label under `cases.timeline.kinds`). */
export const TIMELINE_KINDS = [
  'create',
  'edit',
  'stage',
  'request',
  'approve',
  'return',
  'sync',
] as const;

export interface TimelineEntry {
  at: string;
  actorId: string;
  actorName: string;
  kind: (typeof TIMELINE_KINDS)[number];
  transition?: CaseTransition;
  level?: string;
  from?: CaseStage;
  to?: CaseStage;
  /** Data paths changed (for edit). */
  fields?: string[];
  opinion?: string;
}

export type ReviewQueueItem =
  | {
      targetType: 'spotCheck';
      targetId: string;
      targetRev: number;
      summary: SpotCheckSummary;
      ownerName: string;
      submittedAt: string | null;
    }
  | {
      targetType: 'case';
      targetId: string;
      targetRev: number;
      summary: CaseSummary;
      step: CaseTransition;
      level: ApprovalLevel;
      requestedAt: string;
      handlerOpinion: string;
    };

export const CaseSaveSchema = z.strictObject({
  id: uuid,
  /** The revision the edit started from; a save on a newer revision is refused (CONFLICT). */
  expectedRev: z.number({ error: 'v.type' }).int().nonnegative(),
  data: CaseDataSchema,
});

export const CaseTransitionSchema = z.strictObject({
  id: uuid,
  expectedRev: z.number({ error: 'v.type' }).int().nonnegative(),
  transition: z.enum(CASE_TRANSITIONS, { error: 'v.enum' }),
  opinion: z.string({ error: 'v.type' }).trim().max(2000, { error: 'v.tooLong' }).default(''),
});

export const CASE_API = {
  'case.create': method<CaseRecord>()(z.strictObject({ data: CaseDataSchema.optional() })),
  /** One action from a failed spot check: parties, product and evidence carried over. */
  'case.openFromSpotCheck': method<CaseRecord>()(z.strictObject({ spotCheckId: uuid })),
  'case.get': method<CaseDetail>()(z.strictObject({ id: uuid })),
  'case.list': method<Page<CaseSummary>>()(CaseListQuerySchema),
  'case.save': method<CaseRecord>()(CaseSaveSchema),
  'case.transition': method<CaseRecord>()(CaseTransitionSchema),
  'case.timeline': method<TimelineEntry[]>()(z.strictObject({ id: uuid })),
  'deadlines.rules': method<DeadlineRuleSet[]>()(noInput),
  /** What waits for this supervisor: submitted spot checks and case steps of the unit. */
  'review.queue': method<ReviewQueueItem[]>()(noInput),
  'review.decide': method<ReviewRecord>()(ReviewDecisionInputSchema),
  'review.list': method<ReviewRecord[]>()(
    z.strictObject({ targetType: z.enum(REVIEW_TARGETS, { error: 'v.enum' }), targetId: uuid }),
  ),
} as const;
