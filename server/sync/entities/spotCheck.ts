/**
 * Spot-check records (抽样单). The document: { status, version, rev, supersedesId,
 * supersededById, createdBy, submittedAt, submittedBy, review, data }. Devices write `data`
 * only; the rest is the server's workflow state: `submit` asks for the transition, and a
 * submitted record is not edited again — a correction is a new record (op `correct`) linked to
 * it. A supervisor's review (review.ts) approves it (locked for good) or returns it (the owner
 * edits and submits again); `review` keeps the latest decision, `rev` counts content changes so
 * a decision on content the reviewer did not see is refused.
 */
import {
  completeSpotCheckData,
  isCorrectableSpotCheckStatus,
  isEditableSpotCheckStatus,
  SpotCheckSubmitDataSchema,
  type SpotCheckDraftData,
} from '../../../shared/schemas/spotCheck';
import { uuid } from '../../../shared/schemas/fields';
import { changedLeaves, isPlainObject, type Doc } from '../../../shared/sync/paths';
import { canWrite } from '../scope';
import { ruleRejection } from './caseRules';
import { onlyData, withChanges } from './dataChanges';
import { draftData, prepareSpotCheckCreate } from './spotCheckDraft';
import type { EntityRow } from './repo';
import {
  isRejection,
  reject,
  validationRejection,
  type EntityHandler,
  type Rejection,
} from './types';

const WORKFLOW_FIELDS = ['status', 'submittedAt', 'submittedBy'] as const;

/** The content revision (records stored before revisions were counted are at 1). */
export const revOf = (doc: Doc): number => (typeof doc.rev === 'number' ? doc.rev : 1);

function submitData(data: Doc): Doc | Rejection {
  const complete = completeSpotCheckData(data as SpotCheckDraftData);
  const parsed = SpotCheckSubmitDataSchema.safeParse(complete);
  return parsed.success ? (parsed.data as Doc) : validationRejection(parsed.error.issues, 'data');
}

/**
 * Bumps `rev` when the stored content changes. Done after conflict detection: `rev` is the
 * server's bookkeeping, not a field two devices compete for.
 */
function counted(current: EntityRow, merged: Doc): Doc {
  const changed = changedLeaves(current.doc.data as Doc, merged.data as Doc).length > 0;
  return changed ? { ...merged, rev: revOf(current.doc) + 1 } : merged;
}

export const spotCheckHandler: EntityHandler = {
  entity: 'spotCheck',

  prepareCreate: prepareSpotCheckCreate,

  async create(ctx, m, prepared) {
    const data = prepared ?? prepareSpotCheckCreate(m);
    if (isRejection(data)) return data;
    const doc: Doc = {
      status: 'draft',
      version: 1,
      rev: 1,
      supersedesId: null,
      supersededById: null,
      createdBy: ctx.caller.user.id,
      submittedAt: null,
      submittedBy: null,
      review: null,
      data: null,
    };
    return {
      doc,
      dataJson: data.dataJson,
      dataIsSent: data.sameAsSent,
      unitId: ctx.caller.user.unitId,
      ownerUserId: ctx.caller.user.id,
    };
  },

  async change(ctx, m, current) {
    const status = String(current.doc.status);
    if (status === 'approved') return ruleRejection({ key: 'caseRule.approvedLocked' });
    if (!isEditableSpotCheckStatus(status))
      return reject(m.op === 'submit' ? 'notDraft' : 'immutable');
    const bad = onlyData(m);
    if (bad) return bad;
    const next = withChanges(current.doc, m.changes);
    if (isRejection(next)) return next;
    const draft = draftData(next.data);
    if (isRejection(draft)) return draft;
    if (m.op === 'update') {
      return {
        candidate: { ...current.doc, data: draft },
        finalize: (merged) => counted(current, merged),
      };
    }
    if (m.op !== 'submit') return reject('unsupportedOp', { op: m.op });
    const data = submitData(draft);
    if (isRejection(data)) return data;
    return {
      // Only the content is compared for conflicts; the status change is decided below.
      candidate: { ...current.doc, data },
      // A record must not freeze with someone else's value silently replaced: with conflicts
      // it keeps its status (the other fields merge) until a person resolves them and resubmits.
      finalize: (merged, conflicts) => {
        const out = counted(current, merged);
        if (conflicts.length === 0) {
          return {
            ...out,
            status: 'submitted',
            submittedAt: ctx.now().toISOString(),
            submittedBy: ctx.caller.user.id,
          };
        }
        for (const f of WORKFLOW_FIELDS) out[f] = current.doc[f];
        const d = draftData(out.data);
        return isRejection(d) ? d : { ...out, data: d };
      },
    };
  },

  async correct(ctx, m) {
    const bad = onlyData(m, ['supersedesId']);
    if (bad) return bad;
    const oldId = uuid.safeParse(m.changes.supersedesId);
    if (!oldId.success)
      return reject('validation', undefined, { fieldErrors: { supersedesId: { key: 'v.id' } } });
    const old = await ctx.entities.load('spotCheck', oldId.data);
    if (!old) return reject('notFound');
    if (!canWrite(ctx.scope, old)) return reject('outOfScope');
    if (!isCorrectableSpotCheckStatus(old.doc.status)) return reject('notSubmitted');
    if (old.doc.supersededById) return reject('alreadyCorrected');
    const given = withChanges({}, m.changes);
    if (isRejection(given)) return given;
    const data = draftData(isPlainObject(given.data) ? given.data : old.doc.data);
    if (isRejection(data)) return data;
    const doc: Doc = {
      status: 'draft',
      version: Number(old.doc.version ?? 1) + 1,
      rev: 1,
      supersedesId: old.id,
      supersededById: null,
      createdBy: ctx.caller.user.id,
      submittedAt: null,
      submittedBy: null,
      review: null,
      data,
    };
    const device = ctx.caller.deviceId;
    const seq = ctx.entities.insert(
      {
        entity: 'spotCheck',
        id: m.entityId,
        unitId: old.unitId,
        ownerUserId: ctx.caller.user.id,
        doc,
      },
      device,
    );
    // The link is workflow state kept by the server; the old record's content stays untouched.
    ctx.entities.update(old, { ...old.doc, supersededById: m.entityId }, device);
    return seq;
  },
};
