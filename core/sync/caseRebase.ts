/**
 * A case as the device should hold it after the server's document arrived: the server's
 * document with this device's changes not yet taken by the server replayed on top (rebase).
 *
 * - content: the server's values, except the fields with pending local edits;
 * - `rev`: the server's plus one per pending update (the server raises it by one for each);
 * - workflow: the server's, unless the owner asked for a step not yet answered (then the local
 *   machine's result stands until the server's answer arrives); a supervisor's decisions not
 *   yet sent are applied again by the same machine (decideApproval), so an optimistic approval
 *   survives a pull that crossed it and disappears once the server answered.
 */
import type { Store } from '../../db/store';
import { workflowOf } from '../../db/repositories/cases';
import { decideApproval } from '../../shared/domain/case/machine';
import {
  initialWorkflow,
  type CaseRecord,
  type CaseWorkflow,
} from '../../shared/domain/case/record';
import type { ApprovalStep } from '../../shared/domain/case/stages';
import { chinaDate } from '../../shared/domain/deadlines/today';
import { CaseDataSchema, type CaseData } from '../../shared/schemas/case';
import type { ReviewRecord, ReviewTarget } from '../../shared/schemas/review';
import type { CaseDoc } from '../../shared/sync/caseDoc';
import { cloneJson, flattenLeaves, getPath, setPath, type Doc } from '../../shared/sync/paths';
import { caseFieldLocked } from './lockedFields';
import { covers, pendingFields } from './pending';

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A pulled case document in the shape the app keeps (missing parts filled with defaults). */
export function caseDocOf(doc: Doc): CaseDoc {
  const parsed = CaseDataSchema.safeParse(doc.data ?? {});
  // The server validated the content when it was written; keep what it sent either way.
  const data = parsed.success ? parsed.data : (cloneJson(doc.data) as CaseData);
  const blank = initialWorkflow();
  const wf = { ...blank } as Record<keyof CaseWorkflow, unknown>;
  for (const k of Object.keys(blank) as (keyof CaseWorkflow)[]) {
    if (doc[k] !== undefined) wf[k] = cloneJson(doc[k]);
  }
  return {
    ownerUserId: str(doc.ownerUserId),
    ownerName: str(doc.ownerName),
    unitId: strOrNull(doc.unitId),
    createdAt: str(doc.createdAt),
    updatedAt: str(doc.updatedAt),
    ...(wf as unknown as CaseWorkflow),
    data,
  };
}

/** Decisions made on this device and not yet taken by the server, oldest first. */
export function unsentReviews(store: Store, type: ReviewTarget, id: string): ReviewRecord[] {
  return store.reviews
    .listFor(type, id)
    .filter((r) => r.outcome === null && store.outbox.pendingFor('review', r.id).length > 0);
}

function replayReviews(
  store: Store,
  wf: CaseWorkflow,
  data: CaseData,
  id: string,
  ownerUserId: string,
): CaseWorkflow {
  let out = wf;
  for (const r of unsentReviews(store, 'case', id)) {
    const result = decideApproval(
      out,
      data,
      { ownerUserId, inCallersUnit: true },
      // The decision passed the role check when it was made here.
      { id: r.reviewerId, name: r.reviewerName, role: 'supervisor' },
      {
        step: r.step as ApprovalStep,
        level: r.level,
        decision: r.decision,
        comment: r.comment,
        targetRev: r.targetRev,
      },
      { today: chinaDate(new Date(r.decidedAt)), at: r.decidedAt },
    );
    // Refused now (the case moved on): the server refuses it too and says so.
    if (result.ok) out = result.value;
  }
  return out;
}

function mergedData(local: CaseData, server: CaseData, pending: ReturnType<typeof pendingFields>) {
  const merged = cloneJson(server) as unknown as Doc;
  for (const path of flattenLeaves(local as unknown as Doc).keys()) {
    if (covers(pending, `data.${path}`)) setPath(merged, path, getPath(local, path));
  }
  return merged as unknown as CaseData;
}

/** The case to hold given the server's document; `local` is the copy held now, if any. */
export function rebaseCase(
  store: Store,
  id: string,
  local: CaseRecord | null,
  server: CaseDoc,
): CaseRecord {
  // A held field the server's stage has locked since can no longer go: the server's value stands.
  const pending = pendingFields(store, 'case', id, {
    held: (path) => !caseFieldLocked(server.stage)(path),
  });
  // Created here and not yet taken: the document is still entirely the device's.
  if (local && pending.all) return local;
  const data = local ? mergedData(local.data, server.data, pending) : server.data;
  let wf: CaseWorkflow;
  if (local && pending.transition) wf = workflowOf(local);
  else {
    wf = { ...workflowOf(server), rev: server.rev + pending.updates };
    wf = replayReviews(store, wf, data, id, server.ownerUserId);
  }
  return {
    id,
    ownerUserId: server.ownerUserId,
    ownerName: server.ownerName,
    unitId: server.unitId,
    createdAt: server.createdAt || local?.createdAt || '',
    updatedAt: local?.updatedAt ?? server.updatedAt,
    ...wf,
    data,
  };
}
