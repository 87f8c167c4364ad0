/**
 * Supervisor review decisions (审核/审批): records of their own, created once, never edited.
 * Applying one changes its target in the same transaction: a case's pending step is signed by
 * the shared state machine (decideApproval), a submitted spot check becomes approved or
 * returned. A decision the rules refuse (wrong role, own record, another unit, content changed
 * since the reviewer looked) is rejected whole: neither the review nor the target is written.
 *
 * The document (shared/sync/caseDoc.ts): the decision as the reviewer sent it
 * (ReviewDecisionInputSchema), the reviewer (the caller), `decidedAt` (the server's clock) and
 * `outcome: { status: 'applied' }`. The row takes its target's unit, so whoever sees the record
 * sees its reviews (scope.ts).
 */
import { decideApproval } from '../../../shared/domain/case/machine';
import type { ApprovalStep } from '../../../shared/domain/case/stages';
import { permissionProblem } from '../../../shared/domain/permissions';
import {
  ReviewDecisionInputSchema,
  spotCheckStatusAfterReview,
  type ReviewDecisionInput,
} from '../../../shared/schemas/review';
import type { ReviewDoc, SpotCheckDocReview } from '../../../shared/sync/caseDoc';
import type { Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { inRecordUnits } from '../scope';
import { actorOf, caseDataOf, machineContext, ruleRejection, workflowOf } from './caseRules';
import type { EntityRow } from './repo';
import { revOf } from './spotCheck';
import {
  reject,
  validationRejection,
  type BatchContext,
  type EntityHandler,
  type Rejection,
} from './types';

function decisionOf(m: Mutation): ReviewDecisionInput | Rejection {
  const parsed = ReviewDecisionInputSchema.safeParse(m.changes);
  return parsed.success ? parsed.data : validationRejection(parsed.error.issues);
}

/** Signs the case's pending step; returns the rejection or nothing (the case is written). */
function decideCase(
  ctx: BatchContext,
  d: ReviewDecisionInput,
  target: EntityRow,
): Rejection | null {
  const mctx = machineContext(ctx.now());
  const result = decideApproval(
    workflowOf(target.doc),
    caseDataOf(target.doc),
    {
      ownerUserId: String(target.ownerUserId),
      inCallersUnit: inRecordUnits(ctx.scope, target.unitId),
    },
    actorOf(ctx.caller),
    {
      // The schema ties a case to the approval steps (never the spot check's 'submit').
      step: d.step as ApprovalStep,
      level: d.level,
      decision: d.decision,
      comment: d.comment,
      targetRev: d.targetRev,
    },
    mctx,
  );
  if (!result.ok) return ruleRejection(result.error);
  ctx.entities.update(
    target,
    { ...target.doc, ...result.value, updatedAt: mctx.at },
    ctx.caller.deviceId,
  );
  return null;
}

/** Approves or returns a submitted spot check, keeping the latest decision on the record. */
function decideSpotCheck(
  ctx: BatchContext,
  d: ReviewDecisionInput,
  target: EntityRow,
  decidedAt: string,
): Rejection | null {
  const { user } = ctx.caller;
  const perm = permissionProblem(
    { role: user.role, userId: user.id, unitId: user.unitId },
    'review.decide',
    {
      ownerUserId: String(target.ownerUserId),
      inCallersUnit: inRecordUnits(ctx.scope, target.unitId),
    },
  );
  if (perm) return ruleRejection({ key: perm });
  const status = spotCheckStatusAfterReview(String(target.doc.status), d.decision);
  if (!status) return ruleRejection({ key: 'caseRule.spotCheckNotSubmitted' });
  const rev = revOf(target.doc);
  if (d.targetRev !== rev) return ruleRejection({ key: 'caseRule.stale', params: { rev } });
  const review: SpotCheckDocReview = {
    decision: d.decision,
    comment: d.comment,
    reviewerName: user.name,
    decidedAt,
  };
  ctx.entities.update(target, { ...target.doc, status, review }, ctx.caller.deviceId);
  return null;
}

export const reviewHandler: EntityHandler = {
  entity: 'review',

  async create(ctx, m) {
    const d = decisionOf(m);
    if ('reject' in d) return d;
    const target = await ctx.entities.load(d.targetType, d.targetId);
    if (!target) return reject('notFound');
    const decidedAt = ctx.now().toISOString();
    const refused =
      d.targetType === 'case'
        ? decideCase(ctx, d, target)
        : decideSpotCheck(ctx, d, target, decidedAt);
    if (refused) return refused;
    const doc: ReviewDoc = {
      ...d,
      reviewerId: ctx.caller.user.id,
      reviewerName: ctx.caller.user.name,
      decidedAt,
      outcome: { status: 'applied' },
    };
    return { doc: doc as Doc, unitId: target.unitId, ownerUserId: ctx.caller.user.id };
  },

  async change(_ctx, m) {
    return reject('unsupportedOp', { op: m.op });
  },
};
