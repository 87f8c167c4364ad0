/**
 * Enforcement cases (案件). The document: { ownerUserId, ownerName, unitId, createdAt,
 * updatedAt, data, ...CaseWorkflow }. The owner's devices write `data` (op `update`) and ask for
 * steps (op `transition`); the workflow part is changed only by the shared state machine, run
 * here again with the server's clock, so a step the app would not offer is refused even when a
 * client sends it directly. Supervisors sign steps through review records (review.ts).
 */
import { CaseTransitionSchema } from '../../../shared/api/caseContract';
import { isDocumentNumberPath, replacedDocumentNumber } from '../../../shared/documents/numbers';
import { editProblem, requestTransition } from '../../../shared/domain/case/machine';
import { initialWorkflow } from '../../../shared/domain/case/record';
import { permissionProblem } from '../../../shared/domain/permissions';
import { CaseDataSchema, type CaseData } from '../../../shared/schemas/case';
import type { CaseDoc } from '../../../shared/sync/caseDoc';
import { changedLeaves, type Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { actorOf, caseDataOf, machineContext, ruleRejection, workflowOf } from './caseRules';
import { createdData, onlyData, withChanges } from './dataChanges';
import type { EntityRow } from './repo';
import {
  isRejection,
  reject,
  validationRejection,
  type BatchContext,
  type ChangePlan,
  type EntityHandler,
  type Rejection,
} from './types';

const TransitionChangesSchema = CaseTransitionSchema.pick({ transition: true, opinion: true });

function caseData(data: unknown): Doc | Rejection {
  const parsed = CaseDataSchema.safeParse(data ?? {});
  return parsed.success ? (parsed.data as Doc) : validationRejection(parsed.error.issues, 'data');
}

/** Content edits: validated, checked against the stage's locks, `rev` bumped when data changed. */
function edit(ctx: BatchContext, m: Mutation, current: EntityRow): ChangePlan | Rejection {
  const bad = onlyData(m);
  if (bad) return bad;
  const next = withChanges(current.doc, m.changes);
  if (isRejection(next)) return next;
  const data = caseData(next.data);
  if (isRejection(data)) return data;
  const before = caseData(current.doc.data);
  if (isRejection(before)) return before;
  const changed = changedLeaves(before, data);
  if (changed.length === 0) return { candidate: current.doc };
  const problem = editProblem(
    workflowOf(current.doc),
    String(current.ownerUserId),
    actorOf(ctx.caller),
    changed,
  );
  if (problem) return ruleRejection(problem);
  // A 文书字号 once written stays: paper with it may already be with the party.
  const numbersBefore = (before as CaseData).documentNumbers ?? {};
  const replaced = replacedDocumentNumber(numbersBefore, (data as CaseData).documentNumbers ?? {});
  if (replaced !== null) {
    return ruleRejection({
      key: 'caseRule.numberFixed',
      params: { number: numbersBefore[replaced] ?? '' },
    });
  }
  return {
    candidate: { ...current.doc, data },
    // rev and updatedAt are set after conflict detection: they are the server's bookkeeping,
    // not fields a device competes for. A change whose every field conflicted changes nothing.
    finalize: (merged) => {
      const changed = changedLeaves(before, merged.data as Doc);
      if (changed.length === 0) return merged;
      // A 文书字号 is no content an approval covers: writing one leaves `rev` (and a pending
      // approval of it) as it is.
      if (changed.every(isDocumentNumberPath)) {
        return { ...merged, updatedAt: ctx.now().toISOString() };
      }
      return {
        ...merged,
        rev: workflowOf(current.doc).rev + 1,
        updatedAt: ctx.now().toISOString(),
      };
    },
  };
}

/**
 * A step asked for by the owner. The machine decides against the server's current state of the
 * case, so the workflow is not merged field by field: the candidate leaves the document as it
 * is (nothing to conflict with) and the machine's result is what gets written.
 */
function transition(ctx: BatchContext, m: Mutation, current: EntityRow): ChangePlan | Rejection {
  const parsed = TransitionChangesSchema.safeParse(m.changes);
  if (!parsed.success) return validationRejection(parsed.error.issues);
  const mctx = machineContext(ctx.now());
  const result = requestTransition(
    workflowOf(current.doc),
    caseDataOf(current.doc),
    String(current.ownerUserId),
    actorOf(ctx.caller),
    parsed.data,
    mctx,
  );
  if (!result.ok) return ruleRejection(result.error);
  const next: Doc = { ...current.doc, ...result.value, updatedAt: mctx.at };
  return { candidate: current.doc, finalize: () => next };
}

export const caseHandler: EntityHandler = {
  entity: 'case',

  async create(ctx, m) {
    const bad = onlyData(m);
    if (bad) return bad;
    const { user } = ctx.caller;
    const perm = permissionProblem(
      { role: user.role, userId: user.id, unitId: user.unitId },
      'record.create',
    );
    if (perm) return ruleRejection({ key: perm });
    const given = createdData(m.changes);
    if (isRejection(given)) return given;
    const data = caseData(given.data);
    if (isRejection(data)) return data;
    const at = ctx.now().toISOString();
    const doc: CaseDoc = {
      ownerUserId: user.id,
      ownerName: user.name,
      unitId: user.unitId,
      createdAt: at,
      updatedAt: at,
      data: data as unknown as CaseData,
      ...initialWorkflow(),
    };
    return { doc: doc as unknown as Doc, unitId: user.unitId, ownerUserId: user.id };
  },

  async change(ctx, m, current) {
    if (m.op === 'update') return edit(ctx, m, current);
    if (m.op === 'transition') return transition(ctx, m, current);
    return reject('unsupportedOp', { op: m.op });
  },
};
