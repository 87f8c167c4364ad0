/**
 * Spot-check records (抽样单). The document: { status, version, supersedesId, supersededById,
 * createdBy, submittedAt, submittedBy, data }. Devices write `data` only; the rest is the
 * server's workflow state: `submit` asks for the transition, and a submitted record is never
 * edited again — a correction is a new record (op `correct`) linked to it.
 */
import {
  completeSpotCheckData,
  SpotCheckDraftDataSchema,
  SpotCheckSubmitDataSchema,
  type SpotCheckDraftData,
} from '../../../shared/schemas/spotCheck';
import { SPOT_CHECK_GROUPS } from '../../../shared/schemas/spotCheckFields';
import { uuid } from '../../../shared/schemas/fields';
import { applyChanges, isPlainObject, type Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { canWrite } from '../scope';
import { reject, validationRejection, type EntityHandler, type Rejection } from './types';

const WORKFLOW_FIELDS = ['status', 'submittedAt', 'submittedBy'] as const;

function onlyData(m: Mutation, allowed: readonly string[] = []): Rejection | null {
  for (const path of Object.keys(m.changes)) {
    if (path === 'data' || path.startsWith('data.') || allowed.includes(path)) continue;
    return reject('fieldNotWritable', { field: path });
  }
  return null;
}

/**
 * Drafts are stored with every group and field present (blanks where nothing was typed), the
 * same shape the app keeps, so field paths and conflict stamps line up on both sides.
 */
function draftData(data: unknown): Doc | Rejection {
  const raw: unknown = isPlainObject(data) ? { ...data } : (data ?? {});
  if (isPlainObject(raw)) for (const g of SPOT_CHECK_GROUPS) raw[g.key] ??= {};
  const parsed = SpotCheckDraftDataSchema.safeParse(raw);
  if (!parsed.success) return validationRejection(parsed.error.issues, 'data');
  return completeSpotCheckData(parsed.data) as unknown as Doc;
}

function submitData(data: Doc): Doc | Rejection {
  const complete = completeSpotCheckData(data as SpotCheckDraftData);
  const parsed = SpotCheckSubmitDataSchema.safeParse(complete);
  return parsed.success ? (parsed.data as Doc) : validationRejection(parsed.error.issues, 'data');
}

/**
 * The `data` a create names. The app sends the whole document as `{ data: {...} }`; that object
 * is used as it is (draftData copies, never changes it, and it came from JSON), which skips a
 * deep clone per record. Dotted paths go through applyChanges as before.
 */
function createdData(changes: Record<string, unknown>): unknown {
  const keys = Object.keys(changes);
  if (keys.length === 1 && keys[0] === 'data') return changes.data;
  return applyChanges({}, changes).data;
}

const isRej = (v: Doc | Rejection): v is Rejection => 'reject' in v && typeof v.reject === 'string';

export const spotCheckHandler: EntityHandler = {
  entity: 'spotCheck',

  async create(ctx, m) {
    const bad = onlyData(m);
    if (bad) return bad;
    const data = draftData(createdData(m.changes));
    if (isRej(data)) return data;
    const doc: Doc = {
      status: 'draft',
      version: 1,
      supersedesId: null,
      supersededById: null,
      createdBy: ctx.caller.user.id,
      submittedAt: null,
      submittedBy: null,
      data,
    };
    return { doc, unitId: ctx.caller.user.unitId, ownerUserId: ctx.caller.user.id };
  },

  async change(ctx, m, current) {
    if (current.doc.status !== 'draft') return reject(m.op === 'submit' ? 'notDraft' : 'immutable');
    const bad = onlyData(m);
    if (bad) return bad;
    const next = applyChanges(current.doc, m.changes);
    if (m.op === 'update') {
      const data = draftData(next.data);
      if (isRej(data)) return data;
      return { candidate: { ...next, data } };
    }
    if (m.op !== 'submit') return reject('unsupportedOp', { op: m.op });
    const draft = draftData(next.data);
    if (isRej(draft)) return draft;
    const data = submitData(draft);
    if (isRej(data)) return data;
    const candidate = {
      ...next,
      data,
      status: 'submitted',
      submittedAt: ctx.now().toISOString(),
      submittedBy: ctx.caller.user.id,
    };
    return {
      candidate,
      // A record must not freeze with someone else's value silently replaced: with conflicts
      // it stays a draft (the other fields merge) until a person resolves them and resubmits.
      finalize: (merged, conflicts) => {
        if (conflicts.length === 0) return merged;
        const out: Doc = { ...merged };
        for (const f of WORKFLOW_FIELDS) out[f] = current.doc[f];
        const d = draftData(out.data);
        return isRej(d) ? d : { ...out, data: d };
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
    if (old.doc.status !== 'submitted') return reject('notSubmitted');
    if (old.doc.supersededById) return reject('alreadyCorrected');
    const given = applyChanges({}, m.changes).data;
    const data = draftData(isPlainObject(given) ? given : old.doc.data);
    if (isRej(data)) return data;
    const doc: Doc = {
      status: 'draft',
      version: Number(old.doc.version ?? 1) + 1,
      supersedesId: old.id,
      supersededById: null,
      createdBy: ctx.caller.user.id,
      submittedAt: null,
      submittedBy: null,
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
