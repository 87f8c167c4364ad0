/**
 * review.decide: a supervisor approves or returns a submitted spot check or a case step.
 * The decision is a record of its own (entity 'review'); its effect on the target is applied
 * here at once (optimistically, so the queue empties) by the same shared rules the server runs
 * (decideApproval, spotCheckStatusAfterReview). The server's answer, pulled later, replaces it.
 */
import { fail, ok, type Result } from '../../../shared/api/result';
import { decideApproval, type MachineContext } from '../../../shared/domain/case/machine';
import type { CaseRecord } from '../../../shared/domain/case/record';
import type { ApprovalStep } from '../../../shared/domain/case/stages';
import type { FieldChange } from '../../../shared/schemas/audit';
import {
  spotCheckStatusAfterReview,
  type ReviewDecisionInput,
  type ReviewRecord,
} from '../../../shared/schemas/review';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import type { ReviewCreateChanges } from '../../../shared/sync/caseDoc';
import { diff } from '../../audit/diff';
import {
  appendAudit,
  inTransaction,
  isFailure,
  newId,
  type Failure,
  type ServiceContext,
} from '../context';
import {
  currentActor,
  machineContext,
  notFound,
  permissionFailure,
  ruleFailure,
  type CaseActor,
} from './actor';

function decideOnCase(
  ctx: ServiceContext,
  actor: CaseActor,
  d: ReviewDecisionInput,
  mctx: MachineContext,
): Failure | null {
  const current = ctx.store.cases.get(d.targetId);
  if (!current) return notFound();
  const result = decideApproval(
    current,
    current.data,
    { ownerUserId: current.ownerUserId, inCallersUnit: true },
    actor,
    {
      // The input schema allows only approval steps for a case.
      step: d.step as ApprovalStep,
      level: d.level,
      decision: d.decision,
      comment: d.comment,
      targetRev: d.targetRev,
    },
    mctx,
  );
  if (!result.ok) return ruleFailure(result.error);
  const next: CaseRecord = { ...current, ...result.value, updatedAt: mctx.at };
  ctx.store.cases.update(next, current);
  const changes: FieldChange[] = [
    { path: 'approval', old: null, new: { step: d.step, level: d.level, decision: d.decision } },
  ];
  if (d.comment) changes.push({ path: 'opinion', old: null, new: d.comment });
  if (next.stage !== current.stage)
    changes.push({ path: 'stage', old: current.stage, new: next.stage });
  appendAudit(ctx, actor.profile, 'case', next.id, d.decision, changes, mctx.at);
  return null;
}

function decideOnSpotCheck(
  ctx: ServiceContext,
  actor: CaseActor,
  d: ReviewDecisionInput,
  at: string,
): Failure | null {
  const current = ctx.store.spotChecks.get(d.targetId);
  if (!current) return notFound();
  const refused = permissionFailure(actor, 'review.decide', current.createdBy);
  if (refused) return refused;
  const status = spotCheckStatusAfterReview(current.status, d.decision);
  if (!status) return fail('RULE', 'caseRule.spotCheckNotSubmitted');
  // The decision names the content it saw: the server's revision of the record (a record
  // received before this build kept it is at 1, as the server counts records without one).
  const rev = ctx.store.spotChecks.serverRev(current.id) ?? 1;
  if (d.targetRev !== rev) return fail('RULE', 'caseRule.stale', { rev });
  const review = {
    decision: d.decision,
    comment: d.comment,
    reviewerName: actor.name,
    decidedAt: at,
  };
  const next: SpotCheckRecord = {
    ...current,
    status,
    review,
    revision: current.revision + 1,
    updatedAt: at,
  };
  ctx.store.spotChecks.update(next, current);
  const changes = [
    { path: 'status', old: current.status, new: status },
    ...diff({ review: current.review ?? null }, { review }),
  ];
  appendAudit(ctx, actor.profile, 'spotCheck', next.id, d.decision, changes, at);
  return null;
}

export function decideReview(
  ctx: ServiceContext,
  input: ReviewDecisionInput,
): Result<ReviewRecord> {
  return inTransaction(ctx, () => {
    const actor = currentActor(ctx);
    if (isFailure(actor)) return actor;
    const refused = permissionFailure(actor, 'review.decide');
    if (refused) return refused;
    const mctx = machineContext(ctx.now());
    const problem =
      input.targetType === 'case'
        ? decideOnCase(ctx, actor, input, mctx)
        : decideOnSpotCheck(ctx, actor, input, mctx.at);
    if (problem) return problem;
    const changes: ReviewCreateChanges = {
      targetType: input.targetType,
      targetId: input.targetId,
      step: input.step,
      level: input.level,
      decision: input.decision,
      comment: input.comment,
      targetRev: input.targetRev,
    };
    const review: ReviewRecord = {
      id: newId(),
      ...changes,
      reviewerId: actor.id,
      reviewerName: actor.name,
      decidedAt: mctx.at,
      outcome: null,
    };
    ctx.store.reviews.put(review);
    appendAudit(
      ctx,
      actor.profile,
      'review',
      review.id,
      input.decision,
      diff({}, changes),
      mctx.at,
    );
    ctx.store.outbox.append({
      entity: 'review',
      entityId: review.id,
      op: 'create',
      changes: { ...changes },
    });
    return ok(review);
  });
}
