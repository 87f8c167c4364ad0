import type { z } from 'zod';
import type { SpotCheckWithHistory } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import { validationError } from '../../shared/api/validation';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { Page, SpotCheckListQuery, SpotCheckSummary } from '../../shared/schemas/lists';
import type { Profile } from '../../shared/schemas/profile';
import {
  SpotCheckSubmitDataSchema,
  completeSpotCheckData,
  isCorrectableSpotCheckStatus,
  isEditableSpotCheckStatus,
  type SpotCheckCreateSchema,
  type SpotCheckData,
  type SpotCheckRecord,
  type SpotCheckSaveDraftSchema,
  type SpotCheckSubmitSchema,
} from '../../shared/schemas/spotCheck';
import { diff } from '../audit/diff';
import { changedPaths, updatesWithHeld, withHeldFields } from '../sync/changes';
import type { Doc } from '../../shared/sync/paths';
import { currentActor, permissionFailure, type CaseActor } from './cases/actor';
import { appendAudit, inTransaction, isFailure, newId, type ServiceContext } from './context';

type CreateInput = z.output<typeof SpotCheckCreateSchema>;
type SaveDraftInput = z.output<typeof SpotCheckSaveDraftSchema>;
type SubmitInput = z.output<typeof SpotCheckSubmitSchema>;

const notFound = () => fail('NOT_FOUND', 'e.notFound');

function prefillFromEnterprise(data: SpotCheckData, e: Enterprise): void {
  data.sampledUnit = {
    ...data.sampledUnit,
    enterpriseId: e.id,
    name: e.name,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    address: e.address,
    licenceType: e.licenceType,
    licenceNumber: e.licenceNumber,
    legalRepresentative: e.legalRepresentative,
    contactPerson: e.contactPerson,
    contactPhone: e.contactPhone,
  };
}

function prefillSampler(data: SpotCheckData, p: Profile): void {
  const first = data.samplers[0];
  if (first && first.name === '' && first.credentialNumber === '') {
    data.samplers[0] = { name: p.name, credentialNumber: p.credentialNumber };
  }
}

export function createSpotCheck(ctx: ServiceContext, input: CreateInput): Result<SpotCheckRecord> {
  return inTransaction(ctx, () => {
    const acting = currentActor(ctx);
    if (isFailure(acting)) return acting;
    const refused = permissionFailure(acting, 'record.create');
    if (refused) return refused;
    const actor = acting.profile;
    const data = completeSpotCheckData(input.data ?? {});
    if (input.enterpriseId) {
      const e = ctx.store.enterprises.get(input.enterpriseId);
      if (!e) return notFound();
      prefillFromEnterprise(data, e);
    }
    prefillSampler(data, actor);
    const at = ctx.now().toISOString();
    const record: SpotCheckRecord = {
      id: newId(),
      status: 'draft',
      version: 1,
      supersedesId: null,
      supersededById: null,
      revision: 1,
      data,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
    };
    ctx.store.spotChecks.insert(record);
    appendAudit(ctx, actor, 'spotCheck', record.id, 'create', diff({}, data), at);
    ctx.store.outbox.append({
      entity: 'spotCheck',
      entityId: record.id,
      op: 'create',
      changes: { data: structuredClone(data) },
    });
    return ok(record);
  });
}

/**
 * Loads a record the actor may change (or submit), or the reason they may not. An approved
 * record is locked for good; a submitted one waits for review (a correction is a new version).
 */
function editableRecord(
  ctx: ServiceContext,
  actor: CaseActor,
  id: string,
  expectedRevision: number,
  notEditableKey: string,
) {
  const current = ctx.store.spotChecks.get(id);
  if (!current) return notFound();
  const refused = permissionFailure(actor, 'record.edit', current.createdBy);
  if (refused) return refused;
  if (current.status === 'approved') return fail('READ_ONLY', 'caseRule.approvedLocked');
  if (!isEditableSpotCheckStatus(current.status)) return fail('READ_ONLY', notEditableKey);
  if (current.revision !== expectedRevision) {
    return fail('CONFLICT', 'e.conflict', { revision: current.revision });
  }
  return current;
}

export function saveDraft(ctx: ServiceContext, input: SaveDraftInput): Result<SpotCheckRecord> {
  return inTransaction(ctx, () => {
    const acting = currentActor(ctx);
    if (isFailure(acting)) return acting;
    const actor = acting.profile;
    const current = editableRecord(ctx, acting, input.id, input.expectedRevision, 'e.readOnly');
    if (isFailure(current)) return current;
    const data = completeSpotCheckData(input.data);
    const changes = diff(current.data, data);
    // Autosave repeats the same content; an unchanged save is not a new revision.
    if (changes.length === 0) return ok(current);
    const at = ctx.now().toISOString();
    const next: SpotCheckRecord = {
      ...current,
      data,
      revision: current.revision + 1,
      updatedAt: at,
    };
    ctx.store.spotChecks.update(next, current);
    appendAudit(ctx, actor, 'spotCheck', next.id, 'update', changes, at);
    if (createRefused(ctx, next.id)) {
      // The server never took this draft: saved again (e.g. after fixing what it refused), it
      // goes as a new create of the whole draft, not as changes to a record it lacks.
      ctx.store.outbox.append({
        entity: 'spotCheck',
        entityId: next.id,
        op: 'create',
        changes: { data: structuredClone(data) },
      });
      return ok(next);
    }
    // The fields it changed, and apart from them those a refusal holds.
    const changed = changedPaths(current.data as unknown as Doc, data as unknown as Doc, 'data');
    const after = data as unknown as Doc;
    for (const u of updatesWithHeld(ctx.store, 'spotCheck', next.id, changed, after, 'data')) {
      ctx.store.outbox.append({ entity: 'spotCheck', entityId: next.id, op: 'update', ...u });
    }
    return ok(next);
  });
}

/**
 * The server refused the draft's create for what it carried (quarantined) and no create of it
 * since was written (sent or not, applied or not): so the server has no copy, and nothing on its
 * way will give it one.
 */
function createRefused(ctx: ServiceContext, id: string): boolean {
  const { store } = ctx;
  if (store.entitySync.serverSeq('spotCheck', id) !== null) return false;
  const refused = store.quarantine.lastRefusedCreate('spotCheck', id);
  return refused !== null && !store.outbox.hasCreateAfter('spotCheck', id, refused);
}

export function getSpotCheck(ctx: ServiceContext, id: string): Result<SpotCheckWithHistory> {
  const record = ctx.store.spotChecks.get(id);
  if (!record) return notFound();
  return ok({ record, versions: ctx.store.spotChecks.versions(id) });
}

export function listSpotChecks(
  ctx: ServiceContext,
  q: SpotCheckListQuery,
): Result<Page<SpotCheckSummary>> {
  return ok(ctx.store.spotChecks.list(q));
}

export function submitSpotCheck(ctx: ServiceContext, input: SubmitInput): Result<SpotCheckRecord> {
  return inTransaction(ctx, () => {
    const acting = currentActor(ctx);
    if (isFailure(acting)) return acting;
    const actor = acting.profile;
    const current = editableRecord(ctx, acting, input.id, input.expectedRevision, 'e.notDraft');
    if (isFailure(current)) return current;
    const parsed = SpotCheckSubmitDataSchema.safeParse(current.data);
    if (!parsed.success) return validationError(parsed.error.issues);
    // Store what was validated (trimmed, credit codes upper-cased): the record is final now.
    const data = parsed.data as unknown as SpotCheckData;
    const at = ctx.now().toISOString();
    const next: SpotCheckRecord = {
      ...current,
      data,
      status: 'submitted',
      revision: current.revision + 1,
      updatedAt: at,
      submittedAt: at,
    };
    ctx.store.spotChecks.update(next, current);
    const changes = [
      { path: 'status', old: current.status, new: 'submitted' },
      ...diff(current.data, data),
    ];
    appendAudit(ctx, actor, 'spotCheck', next.id, 'submit', changes, at);
    // The server runs its own state machine on `submit`; the changes are what validation
    // normalized (trimmed text, upper-cased codes), usually nothing, and any field a refused
    // save still holds here (the submitted record must carry what the inspector typed).
    ctx.store.outbox.append({
      entity: 'spotCheck',
      entityId: next.id,
      op: 'submit',
      ...withHeldFields(
        ctx.store,
        'spotCheck',
        next.id,
        changedPaths(current.data as unknown as Doc, data as unknown as Doc, 'data'),
        data as unknown as Doc,
        'data',
      ),
    });
    return ok(next);
  });
}

/**
 * A signed record is never edited in place: the correction is a new draft, one version up,
 * linked both ways to the record it replaces, which stays read-only.
 */
export function createCorrection(ctx: ServiceContext, id: string): Result<SpotCheckRecord> {
  return inTransaction(ctx, () => {
    const acting = currentActor(ctx);
    if (isFailure(acting)) return acting;
    const actor = acting.profile;
    const old = ctx.store.spotChecks.get(id);
    if (!old) return notFound();
    const refused = permissionFailure(acting, 'record.edit', old.createdBy);
    if (refused) return refused;
    // A signed record (submitted, or approved and locked) is corrected by a new version.
    if (!isCorrectableSpotCheckStatus(old.status)) return fail('CONFLICT', 'e.notSubmitted');
    if (old.supersededById) {
      const existing = ctx.store.spotChecks.get(old.supersededById);
      return fail('CONFLICT', 'e.alreadyCorrected', {
        version: existing?.version ?? old.version + 1,
      });
    }
    const at = ctx.now().toISOString();
    const correction: SpotCheckRecord = {
      id: newId(),
      status: 'draft',
      version: old.version + 1,
      supersedesId: old.id,
      supersededById: null,
      revision: 1,
      data: structuredClone(old.data),
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
    };
    ctx.store.spotChecks.insert(correction);
    ctx.store.spotChecks.update(
      { ...old, supersededById: correction.id, revision: old.revision + 1, updatedAt: at },
      old,
    );
    appendAudit(
      ctx,
      actor,
      'spotCheck',
      correction.id,
      'correct',
      [
        { path: 'supersedesId', old: null, new: old.id },
        { path: 'version', old: null, new: correction.version },
      ],
      at,
    );
    appendAudit(
      ctx,
      actor,
      'spotCheck',
      old.id,
      'correct',
      [{ path: 'supersededById', old: null, new: correction.id }],
      at,
    );
    // One mutation: the server creates the new version and links the old one itself.
    ctx.store.outbox.append({
      entity: 'spotCheck',
      entityId: correction.id,
      op: 'correct',
      changes: { supersedesId: old.id, data: structuredClone(correction.data) },
    });
    return ok(correction);
  });
}
