/**
 * case.transition: the owner asks for a step. The shared state machine decides: a step without
 * approval happens at once, one with approval becomes the pending round signed by the 承办人.
 * The server runs the same machine again when the mutation arrives.
 */
import { fail, ok, type Result } from '../../../shared/api/result';
import { requestTransition } from '../../../shared/domain/case/machine';
import type { CaseRecord } from '../../../shared/domain/case/record';
import type { CaseTransition } from '../../../shared/domain/case/stages';
import type { FieldChange } from '../../../shared/schemas/audit';
import type { CaseTransitionChanges } from '../../../shared/sync/caseDoc';
import { appendAudit, inTransaction, isFailure, type ServiceContext } from '../context';
import { currentActor, machineContext, notFound, ruleFailure } from './actor';

export interface CaseTransitionInput {
  id: string;
  expectedRev: number;
  transition: CaseTransition;
  opinion: string;
}

export function transitionCase(
  ctx: ServiceContext,
  input: CaseTransitionInput,
): Result<CaseRecord> {
  return inTransaction(ctx, () => {
    const actor = currentActor(ctx);
    if (isFailure(actor)) return actor;
    const current = ctx.store.cases.get(input.id);
    if (!current) return notFound();
    if (current.rev !== input.expectedRev) {
      return fail('CONFLICT', 'e.conflict', { revision: current.rev });
    }
    const now = ctx.now();
    const mctx = machineContext(now);
    const request: CaseTransitionChanges = {
      transition: input.transition,
      opinion: input.opinion,
    };
    const result = requestTransition(
      current,
      current.data,
      current.ownerUserId,
      actor,
      request,
      mctx,
    );
    if (!result.ok) return ruleFailure(result.error);
    const next: CaseRecord = { ...current, ...result.value, updatedAt: mctx.at };
    ctx.store.cases.update(next, current);
    const asked = next.pending !== null;
    const changes: FieldChange[] = [{ path: 'transition', old: null, new: input.transition }];
    if (request.opinion) changes.push({ path: 'opinion', old: null, new: request.opinion });
    if (next.stage !== current.stage)
      changes.push({ path: 'stage', old: current.stage, new: next.stage });
    if (asked) changes.push({ path: 'pending.step', old: null, new: input.transition });
    appendAudit(
      ctx,
      actor.profile,
      'case',
      next.id,
      asked ? 'request' : 'transition',
      changes,
      mctx.at,
    );
    ctx.store.outbox.append({
      entity: 'case',
      entityId: next.id,
      op: 'transition',
      changes: { ...request },
    });
    return ok(next);
  });
}
