/**
 * Applies one row received from the server to the local store, inside the caller's
 * transaction (one per pull page). Rows come from the server, so they write no outbox entries;
 * their audit entries name the server as the actor, so a record's history says truthfully that
 * this change arrived by sync rather than being typed here.
 */
import type { Store } from '../../db/store';
import type { CatalogCategory } from '../../shared/api/contract';
import { EnterpriseInputSchema, type Enterprise } from '../../shared/schemas/enterprise';
import type { AuditEntry } from '../../shared/schemas/audit';
import { workflowOf as workflowOfCase } from '../../db/repositories/cases';
import type { CaseRecord } from '../../shared/domain/case/record';
import type { ReviewRecord } from '../../shared/schemas/review';
import {
  completeSpotCheckData,
  isEditableSpotCheckStatus,
  SPOT_CHECK_STATUSES,
  type SpotCheckData,
  type SpotCheckDraftData,
  type SpotCheckRecord,
  type SpotCheckStatus,
} from '../../shared/schemas/spotCheck';
import type { SpotCheckDocReview } from '../../shared/sync/caseDoc';
import {
  cloneJson,
  flattenLeaves,
  getPath,
  isPlainObject,
  setPath,
  type Doc,
} from '../../shared/sync/paths';
import type { PullRow } from '../../shared/sync/protocol';
import { applyPulledAttachment } from '../attachments/pulled';
import { diff } from '../audit/diff';
import { newId } from '../services/context';
import { caseDocOf, rebaseCase, unsentReviews } from './caseRebase';
import { covers, pendingFields } from './pending';
import { holdLink } from './links';

/** The audit actor of changes that arrived from the central endpoint. */
export const SERVER_ACTOR = { id: 'server', name: '中心服务器（同步）' } as const;

export interface ApplyContext {
  store: Store;
  now: () => Date;
}

const ENTERPRISE_FIELDS = Object.keys(EnterpriseInputSchema.shape) as (keyof Enterprise)[];

function audit(
  ctx: ApplyContext,
  entityType: AuditEntry['entityType'],
  entityId: string,
  action: AuditEntry['action'],
  changes: AuditEntry['changes'],
): void {
  if (changes.length === 0) return;
  ctx.store.audit.append({
    id: newId(),
    entityType,
    entityId,
    action,
    actorId: SERVER_ACTOR.id,
    actorName: SERVER_ACTOR.name,
    at: ctx.now().toISOString(),
    changes,
  });
}

export function applyRow(ctx: ApplyContext, row: PullRow): void {
  // The server never removes rows yet; if it ever marks one deleted, the local copy stays
  // until a person sees it (nothing held locally is deleted silently).
  if (row.deleted) return;
  switch (row.entity) {
    case 'enterprise':
      return applyEnterprise(ctx, row.entityId, row.doc);
    case 'spotCheck':
      return applySpotCheck(ctx, row.entityId, row.doc);
    case 'person':
      return ctx.store.people.upsert({
        id: row.entityId,
        name: String(row.doc.name ?? ''),
        role: String(row.doc.role ?? ''),
        unitId: String(row.doc.unitId ?? ''),
        credentialNumber: String(row.doc.credentialNumber ?? ''),
      });
    case 'category':
      return ctx.store.catalog.upsertCategory(row.doc as unknown as CatalogCategory);
    case 'attachment':
      return applyPulledAttachment(ctx.store, row.entityId, row.doc);
    case 'case':
      return applyCase(ctx, row.entityId, row.doc);
    case 'review':
      return applyReview(ctx, row.entityId, row.doc);
    default:
      // An entity kind this build does not know (a newer server): skipped, counted by checksum.
      return;
  }
}

function applyEnterprise(ctx: ApplyContext, id: string, doc: Doc): void {
  const at = ctx.now().toISOString();
  const local = ctx.store.enterprises.get(id);
  if (!local) {
    const e = { id, revision: 1, createdAt: at, updatedAt: at } as Enterprise;
    for (const f of ENTERPRISE_FIELDS) (e as unknown as Doc)[f] = doc[f] ?? '';
    ctx.store.enterprises.insert(e);
    audit(ctx, 'enterprise', id, 'create', diff({}, pickFields(e)));
    return;
  }
  const pending = pendingFields(ctx.store, 'enterprise', id);
  const before = pickFields(local);
  const merged: Doc = { ...before };
  for (const f of ENTERPRISE_FIELDS) if (!covers(pending, f) && f in doc) merged[f] = doc[f];
  const changes = diff(before, merged);
  if (changes.length === 0) return;
  ctx.store.enterprises.update({
    ...local,
    ...(merged as Partial<Enterprise>),
    revision: local.revision + 1,
    updatedAt: at,
  });
  audit(ctx, 'enterprise', id, 'update', changes);
}

function pickFields(e: Enterprise): Doc {
  const out: Doc = {};
  for (const f of ENTERPRISE_FIELDS) out[f] = e[f];
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function applySpotCheck(ctx: ApplyContext, id: string, doc: Doc): void {
  const at = ctx.now().toISOString();
  const local = ctx.store.spotChecks.get(id);
  const serverData = completeSpotCheckData(cloneJson(doc.data ?? {}) as SpotCheckDraftData);
  const server = {
    status: statusOf(doc.status),
    version: Number(doc.version ?? 1),
    supersedesId: str(doc.supersedesId),
    supersededById: str(doc.supersededById),
    createdBy: String(doc.createdBy ?? ''),
    submittedAt: str(doc.submittedAt),
  };
  const serverReview = spotCheckReviewOf(doc.review);

  if (!local) {
    const record: SpotCheckRecord = {
      id,
      ...server,
      ...(serverReview ? { review: serverReview } : {}),
      supersedesId: holdLink(ctx.store, id, 'supersedes_id', server.supersedesId),
      supersededById: holdLink(ctx.store, id, 'superseded_by_id', server.supersededById),
      revision: 1,
      data: serverData,
      createdAt: at,
      updatedAt: at,
    };
    ctx.store.spotChecks.insert(record);
    ctx.store.spotChecks.setServerRev(id, serverRevOf(doc));
    audit(ctx, 'spotCheck', id, 'create', diff({}, record.data));
    return;
  }
  ctx.store.spotChecks.setServerRev(id, serverRevOf(doc));

  // Fields a refusal holds stay only while the server's copy can still take them.
  const pending = pendingFields(ctx.store, 'spotCheck', id, {
    held: isEditableSpotCheckStatus(server.status),
  });
  let data: SpotCheckData;
  if (pending.all) data = local.data;
  else {
    const merged = cloneJson(serverData) as unknown as Doc;
    for (const path of flattenLeaves(local.data as unknown as Doc).keys()) {
      if (covers(pending, `data.${path}`)) setPath(merged, path, getPath(local.data, path));
    }
    data = merged as unknown as SpotCheckData;
  }
  const keepWorkflow = pending.all || pending.submit;
  // A decision made here and not yet sent keeps its effect until the server answers it.
  const keepReview = unsentReviews(ctx.store, 'spotCheck', id).length > 0;
  // A correction made here and not yet sent links the old version locally only.
  const correctingHere = ctx.store.outbox
    .pendingFor('spotCheck', local.supersededById ?? '')
    .some((m) => m.op === 'correct');
  const next: SpotCheckRecord = {
    ...local,
    status: keepWorkflow || keepReview ? local.status : server.status,
    submittedAt: keepWorkflow ? local.submittedAt : server.submittedAt,
    version: pending.all ? local.version : server.version,
    createdBy: server.createdBy || local.createdBy,
    supersedesId: pending.all
      ? local.supersedesId
      : holdLink(ctx.store, id, 'supersedes_id', server.supersedesId),
    supersededById: correctingHere
      ? local.supersededById
      : holdLink(ctx.store, id, 'superseded_by_id', server.supersededById),
    data,
  };
  const review = keepReview ? local.review : serverReview;
  if (review) next.review = review;
  else delete next.review;
  const before = { ...workflowOf(local), data: local.data };
  const after = { ...workflowOf(next), data: next.data };
  const changes = diff(before, after);
  if (changes.length === 0) return;
  next.revision = local.revision + 1;
  next.updatedAt = at;
  ctx.store.spotChecks.update(next, local);
  audit(ctx, 'spotCheck', id, spotCheckAction(local.status, next.status), changes);
}

function spotCheckAction(from: SpotCheckStatus, to: SpotCheckStatus): AuditEntry['action'] {
  if (from === to) return 'update';
  if (to === 'submitted') return 'submit';
  if (to === 'approved') return 'approve';
  return to === 'returned' ? 'return' : 'update';
}

/** The content revision a review names; documents written before it was counted are at 1. */
const serverRevOf = (doc: Doc): number => (typeof doc.rev === 'number' ? doc.rev : 1);

function statusOf(v: unknown): SpotCheckStatus {
  return (SPOT_CHECK_STATUSES as readonly unknown[]).includes(v) ? (v as SpotCheckStatus) : 'draft';
}

function spotCheckReviewOf(v: unknown): SpotCheckDocReview | null {
  if (!isPlainObject(v)) return null;
  const decision = v.decision === 'return' ? 'return' : 'approve';
  return {
    decision,
    comment: String(v.comment ?? ''),
    reviewerName: String(v.reviewerName ?? ''),
    decidedAt: String(v.decidedAt ?? ''),
  };
}

/** Comparable parts of a case for the audit of what a pull changed. */
function caseContent(r: CaseRecord): Doc {
  return {
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerName,
    unitId: r.unitId,
    ...workflowOfCase(r),
    data: r.data,
  };
}

function applyCase(ctx: ApplyContext, id: string, doc: Doc): void {
  const server = caseDocOf(doc);
  const local = ctx.store.cases.get(id);
  if (!local) {
    const record = rebaseCase(ctx.store, id, null, server);
    ctx.store.cases.insert(record, server);
    audit(ctx, 'case', id, 'create', diff({}, record.data));
    return;
  }
  ctx.store.cases.setServerDoc(id, server);
  const rebased = rebaseCase(ctx.store, id, local, server);
  const changes = diff(caseContent(local), caseContent(rebased));
  if (changes.length === 0) return;
  ctx.store.cases.update({ ...rebased, updatedAt: ctx.now().toISOString() }, local);
  audit(ctx, 'case', id, 'update', changes);
}

/** The server's copy of a decision replaces this device's (it carries the outcome). */
function applyReview(ctx: ApplyContext, id: string, doc: Doc): void {
  const fields = cloneJson(doc) as Omit<ReviewRecord, 'id'>;
  const record: ReviewRecord = {
    id,
    targetType: fields.targetType,
    targetId: fields.targetId,
    step: fields.step,
    level: fields.level,
    decision: fields.decision,
    comment: String(fields.comment ?? ''),
    targetRev: Number(fields.targetRev ?? 0),
    reviewerId: String(fields.reviewerId ?? ''),
    reviewerName: String(fields.reviewerName ?? ''),
    decidedAt: String(fields.decidedAt ?? ''),
    outcome: fields.outcome ?? null,
  };
  const local = ctx.store.reviews.get(id);
  ctx.store.reviews.put(record);
  const { id: _drop, ...before } = local ?? { id };
  const { id: _id, ...after } = record;
  const changes = diff(before, after);
  audit(ctx, 'review', id, local ? 'update' : record.decision, changes);
}

function workflowOf(r: SpotCheckRecord): Doc {
  return {
    review: r.review ?? null,
    status: r.status,
    version: r.version,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    createdBy: r.createdBy,
    submittedAt: r.submittedAt,
  };
}
