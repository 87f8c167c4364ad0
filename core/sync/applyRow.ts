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
import {
  completeSpotCheckData,
  type SpotCheckData,
  type SpotCheckDraftData,
  type SpotCheckRecord,
} from '../../shared/schemas/spotCheck';
import { cloneJson, flattenLeaves, getPath, setPath, type Doc } from '../../shared/sync/paths';
import type { PullRow } from '../../shared/sync/protocol';
import { applyPulledAttachment } from '../attachments/pulled';
import { diff } from '../audit/diff';
import { newId } from '../services/context';
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
    status: doc.status === 'submitted' ? 'submitted' : 'draft',
    version: Number(doc.version ?? 1),
    supersedesId: str(doc.supersedesId),
    supersededById: str(doc.supersededById),
    createdBy: String(doc.createdBy ?? ''),
    submittedAt: str(doc.submittedAt),
  } as const;

  if (!local) {
    const record: SpotCheckRecord = {
      id,
      ...server,
      supersedesId: holdLink(ctx.store, id, 'supersedes_id', server.supersedesId),
      supersededById: holdLink(ctx.store, id, 'superseded_by_id', server.supersededById),
      revision: 1,
      data: serverData,
      createdAt: at,
      updatedAt: at,
    };
    ctx.store.spotChecks.insert(record);
    audit(ctx, 'spotCheck', id, 'create', diff({}, record.data));
    return;
  }

  const pending = pendingFields(ctx.store, 'spotCheck', id);
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
  // A correction made here and not yet sent links the old version locally only.
  const correctingHere = ctx.store.outbox
    .pendingFor('spotCheck', local.supersededById ?? '')
    .some((m) => m.op === 'correct');
  const next: SpotCheckRecord = {
    ...local,
    status: keepWorkflow ? local.status : server.status,
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
  const before = { ...workflowOf(local), data: local.data };
  const after = { ...workflowOf(next), data: next.data };
  const changes = diff(before, after);
  if (changes.length === 0) return;
  next.revision = local.revision + 1;
  next.updatedAt = at;
  ctx.store.spotChecks.update(next, local);
  const action = local.status === 'draft' && next.status === 'submitted' ? 'submit' : 'update';
  audit(ctx, 'spotCheck', id, action, changes);
}

function workflowOf(r: SpotCheckRecord): Doc {
  return {
    status: r.status,
    version: r.version,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    createdBy: r.createdBy,
    submittedAt: r.submittedAt,
  };
}
