/** review.queue and review.list: what waits for this supervisor, and past decisions. */
import type { ReviewQueueItem } from '../../../shared/api/caseContract';
import { ok, type Result } from '../../../shared/api/result';
import { nextLevel } from '../../../shared/domain/case/machine';
import { chinaDate } from '../../../shared/domain/deadlines/today';
import type { ReviewRecord, ReviewTarget } from '../../../shared/schemas/review';
import { isFailure, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure } from './actor';
import { summaryOf } from './queries';

const waitingSince = (i: ReviewQueueItem): string =>
  (i.targetType === 'case' ? i.requestedAt : i.submittedAt) ?? '';

/**
 * Submitted spot checks and pending case steps of other people, oldest first. The device holds
 * only what the server's scope gave it (the supervisor's unit and those under it).
 */
export function reviewQueue(ctx: ServiceContext): Result<ReviewQueueItem[]> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const refused = permissionFailure(actor, 'review.decide');
  if (refused) return refused;
  const today = chinaDate(ctx.now());
  const items: ReviewQueueItem[] = ctx.store.spotChecks.awaitingReview(actor.id).map((a) => ({
    targetType: 'spotCheck',
    targetId: a.summary.id,
    targetRev: a.rev,
    summary: a.summary,
    ownerName: ctx.store.people.get(a.createdBy)?.name ?? '',
    submittedAt: a.submittedAt,
  }));
  for (const record of ctx.store.cases.awaitingApproval(actor.id)) {
    const round = record.pending;
    if (!round) continue;
    const request = round.signatures.find((s) => s.level === 'handler');
    items.push({
      targetType: 'case',
      targetId: record.id,
      targetRev: record.rev,
      summary: summaryOf(record, today),
      step: round.step,
      level: nextLevel(round, record.rev),
      requestedAt: request?.at ?? record.updatedAt,
      handlerOpinion: request?.opinion ?? '',
    });
  }
  return ok(items.sort((a, b) => waitingSince(a).localeCompare(waitingSince(b))));
}

export function listReviews(
  ctx: ServiceContext,
  input: { targetType: ReviewTarget; targetId: string },
): Result<ReviewRecord[]> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const owner =
    input.targetType === 'case'
      ? ctx.store.cases.get(input.targetId)?.ownerUserId
      : ctx.store.spotChecks.get(input.targetId)?.createdBy;
  if (owner === undefined) return notFound();
  const refused = permissionFailure(actor, 'record.read', owner);
  if (refused) return refused;
  return ok(ctx.store.reviews.listFor(input.targetType, input.targetId));
}
