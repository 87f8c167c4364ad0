/**
 * Server side of shared/sync/maintenance.ts: conflict list and close, fetch by id, seq reset.
 * Every read is limited by the same scope filter as pull (scope.ts).
 */
import type { ConflictListItem, FetchResponse } from '../../shared/sync/maintenance';
import type { PullEntity, PullRow } from '../../shared/sync/protocol';
import type { Queryable, Storage } from '../storage/types';
import { num } from '../storage/types';
import { scopeFor, scopeSql, type Caller } from './scope';

const MAX_CONFLICTS = 1000;

export async function listOpenConflicts(q: Queryable, caller: Caller): Promise<ConflictListItem[]> {
  const scope = scopeSql(scopeFor(caller), 2);
  const { rows } = await q.query<{
    id: string;
    entity: string;
    entity_id: string;
    field: string;
    server_value: unknown;
    client_value: unknown;
    server_seq: unknown;
    created_at: Date | string;
  }>(
    `SELECT id, entity, entity_id, field, server_value, client_value, server_seq, created_at
     FROM conflicts WHERE status = 'open'
       AND (entity, entity_id) IN (SELECT entity, id FROM entities WHERE ${scope.sql})
     ORDER BY created_at, id LIMIT $1`,
    [MAX_CONFLICTS, ...scope.params],
  );
  return rows.map((r) => ({
    conflictId: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    serverValue: r.server_value,
    clientValue: r.client_value,
    serverSeq: num(r.server_seq),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function resolveConflicts(
  storage: Storage,
  caller: Caller,
  ids: readonly string[],
): Promise<string[]> {
  const scope = scopeSql(scopeFor(caller), 3);
  const { rows } = await storage.query<{ id: string }>(
    `UPDATE conflicts SET status = 'resolved', resolved_at = now(), resolved_by = $2
     WHERE id = ANY($1::uuid[]) AND status = 'open'
       AND (entity, entity_id) IN (SELECT entity, id FROM entities WHERE ${scope.sql})
     RETURNING id`,
    [ids, caller.user.id, ...scope.params],
  );
  return rows.map((r) => r.id);
}

export async function fetchRows(
  q: Queryable,
  caller: Caller,
  refs: readonly { entity: PullEntity; id: string }[],
): Promise<FetchResponse> {
  const scope = scopeSql(scopeFor(caller), 3);
  const { rows } = await q.query<{
    entity: PullEntity;
    id: string;
    /** JSON text (storage/sql/011). */
    doc: string;
    server_seq: unknown;
    deleted: boolean;
  }>(
    `SELECT entity, id, doc, server_seq, deleted FROM entities
     WHERE (entity, id) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND ${scope.sql}
     ORDER BY server_seq`,
    [refs.map((r) => r.entity), refs.map((r) => r.id), ...scope.params],
  );
  return {
    rows: rows.map((r): PullRow => ({
      serverSeq: num(r.server_seq),
      entity: r.entity,
      entityId: r.id,
      doc: JSON.parse(r.doc) as Record<string, unknown>,
      ...(r.deleted ? { deleted: true } : {}),
    })),
  };
}

/** Moves the device's last seq forward to nextSeq - 1 (never back); returns the last seq now. */
export async function resetDeviceSeq(
  storage: Storage,
  deviceId: string,
  nextSeq: number,
): Promise<number> {
  const { rows } = await storage.query<{ last_seq: unknown }>(
    `UPDATE devices SET last_seq = GREATEST(last_seq, $2::bigint) WHERE id = $1 RETURNING last_seq`,
    [deviceId, nextSeq - 1],
  );
  return num(rows[0]?.last_seq);
}
