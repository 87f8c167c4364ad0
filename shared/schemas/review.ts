/**
 * Supervisor review decisions (审核/审批): records of their own, never edits of the reviewed
 * record. A decision names its target and the revision it saw; the target's workflow changes
 * when the decision is applied (by the server, and optimistically by the reviewer's app).
 */
import { z } from 'zod';
import { APPROVAL_LEVELS, APPROVAL_STEPS } from '../domain/case/stages';
import { optionalText, uuid } from './fields';

export const REVIEW_TARGETS = ['spotCheck', 'case'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

/** A spot check has one review step (its submission) signed at one level. */
export const SPOT_CHECK_REVIEW_STEP = 'submit' as const;
export const REVIEW_STEPS = [SPOT_CHECK_REVIEW_STEP, ...APPROVAL_STEPS] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export const ReviewDecisionInputSchema = z
  .strictObject({
    targetType: z.enum(REVIEW_TARGETS, { error: 'v.enum' }),
    targetId: uuid,
    step: z.enum(REVIEW_STEPS, { error: 'v.enum' }),
    level: z.enum(APPROVAL_LEVELS, { error: 'v.enum' }),
    decision: z.enum(['approve', 'return'], { error: 'v.enum' }),
    comment: optionalText(2000).default(''),
    targetRev: z.number({ error: 'v.type' }).int().nonnegative(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'return' && d.comment.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'caseRule.commentRequired', path: ['comment'] });
    }
    const spot = d.targetType === 'spotCheck';
    if (spot !== (d.step === SPOT_CHECK_REVIEW_STEP)) {
      ctx.addIssue({ code: 'custom', message: 'v.enum', path: ['step'] });
    }
    if (spot && d.level !== 'approve') {
      ctx.addIssue({ code: 'custom', message: 'v.enum', path: ['level'] });
    }
  });
export type ReviewDecisionInput = z.infer<typeof ReviewDecisionInputSchema>;

export interface ReviewRecord extends ReviewDecisionInput {
  id: string;
  reviewerId: string;
  reviewerName: string;
  /** When the reviewer decided (ISO 8601, reviewer's clock: shown, never used for order). */
  decidedAt: string;
  /**
   * Set when the decision reached the server: applied, or refused with the reason (e.g. the
   * record changed after the reviewer looked). Null while it waits to sync.
   */
  outcome: { status: 'applied' } | { status: 'refused'; reason: string } | null;
}

/** Statuses of a spot check around review. */
export function spotCheckStatusAfterReview(
  status: string,
  decision: 'approve' | 'return',
): 'approved' | 'returned' | null {
  if (status !== 'submitted') return null;
  return decision === 'approve' ? 'approved' : 'returned';
}
