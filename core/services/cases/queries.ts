/** case.get, case.list and deadlines.rules: reads, with deadlines computed for today. */
import type { CaseDetail, CaseListQuery, CaseSummary } from '../../../shared/api/caseContract';
import { ok, type Result } from '../../../shared/api/result';
import { availableTransitions, editProblem, nextLevel } from '../../../shared/domain/case/machine';
import { caseDeadlines, nearestDeadline } from '../../../shared/domain/deadlines/compute';
import { DEADLINE_RULE_SETS, type DeadlineRuleSet } from '../../../shared/domain/deadlines/rules';
import { chinaDate } from '../../../shared/domain/deadlines/today';
import { can, type PermissionSubject } from '../../../shared/domain/permissions';
import type { Page } from '../../../shared/schemas/lists';
import { deadlineFacts, type CaseListRow } from '../../../db/repositories/cases';
import type { CaseRecord } from '../../../shared/domain/case/record';
import { isFailure, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure, type CaseActor } from './actor';

const subject = (a: CaseActor): PermissionSubject => ({
  role: a.role,
  userId: a.id,
  unitId: a.unitId,
});

export function getCase(ctx: ServiceContext, id: string): Result<CaseDetail> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const record = ctx.store.cases.get(id);
  if (!record) return notFound();
  const refused = permissionFailure(actor, 'record.read', record.ownerUserId);
  if (refused) return refused;
  const target = { ownerUserId: record.ownerUserId, inCallersUnit: true };
  const canEdit = editProblem(record, record.ownerUserId, actor, []) === null;
  const canReview = can(subject(actor), 'review.decide', target) && record.pending !== null;
  return ok({
    record,
    deadlines: caseDeadlines(deadlineFacts(record), { today: chinaDate(ctx.now()) }),
    available: canEdit ? availableTransitions(record) : [],
    nextLevel: record.pending ? nextLevel(record.pending, record.rev) : null,
    reviews: ctx.store.reviews.listFor('case', id),
    canEdit,
    canReview,
  });
}

/** A case as the list and the review queue show it. */
export function summaryOf(r: CaseRecord, today: string): CaseSummary {
  return toSummary(
    {
      id: r.id,
      stage: r.stage,
      pendingStep: r.pending?.step ?? null,
      cause: r.data.cause,
      partyName: r.data.parties.find((p) => p.name.trim() !== '')?.name ?? '',
      productName: r.data.product.name,
      source: r.data.source,
      ownerUserId: r.ownerUserId,
      ownerName: r.ownerName,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      rev: r.rev,
      facts: deadlineFacts(r),
    },
    today,
  );
}

function toSummary(r: CaseListRow, today: string): CaseSummary {
  return {
    id: r.id,
    stage: r.stage,
    pendingStep: r.pendingStep,
    cause: r.cause,
    partyName: r.partyName,
    productName: r.productName,
    source: r.source,
    ownerName: r.ownerName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    nearestDeadline: nearestDeadline(r.facts, { today }),
  };
}

/** An inspector lists their own cases; supervisors and admins every case held here. */
export function listCases(ctx: ServiceContext, q: CaseListQuery): Result<Page<CaseSummary>> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const refused = permissionFailure(actor, 'record.read');
  if (refused) return refused;
  const owner = actor.role === 'inspector' ? actor.id : null;
  const { total, rows } = ctx.store.cases.list(q, owner);
  const today = chinaDate(ctx.now());
  return ok({ total, rows: rows.map((r) => toSummary(r, today)) });
}

export function deadlineRules(): Result<DeadlineRuleSet[]> {
  return ok([...DEADLINE_RULE_SETS]);
}
