import { changedLeaves, type Doc } from '../../../shared/sync/paths';
import type { Queryable } from '../../storage/types';
import { num } from '../../storage/types';
import { restamp, type FieldStamps } from '../conflicts';
import type { SeqAllocator } from '../counter';
import { decodeStamps, encodeStamps, stampsForNew, type StoredStamps } from './stampCodec';

export interface EntityRow {
  entity: string;
  id: string;
  unitId: string | null;
  ownerUserId: string | null;
  doc: Doc;
  fields: FieldStamps;
  serverSeq: number;
}

export interface RawEntityRow {
  entity: string;
  id: string;
  unit_id: string | null;
  owner_user_id: string | null;
  /** The document's JSON text (storage/sql/011). */
  doc: string;
  /** See stampCodec.ts. */
  fields: StoredStamps | null;
  server_seq: unknown;
}

export function toEntityRow(r: RawEntityRow): EntityRow {
  const doc = JSON.parse(r.doc) as Doc;
  return {
    entity: r.entity,
    id: r.id,
    unitId: r.unit_id,
    ownerUserId: r.owner_user_id,
    doc,
    fields: decodeStamps(r.fields, doc),
    serverSeq: num(r.server_seq),
  };
}

export async function loadEntity(
  q: Queryable,
  entity: string,
  id: string,
): Promise<EntityRow | null> {
  const { rows } = await q.query<RawEntityRow>(
    'SELECT * FROM entities WHERE entity = $1 AND id = $2',
    [entity, id],
  );
  return rows[0] ? toEntityRow(rows[0]) : null;
}

export async function insertEntity(
  q: Queryable,
  seqs: SeqAllocator,
  row: { entity: string; id: string; unitId: string | null; ownerUserId: string | null; doc: Doc },
  deviceId: string,
): Promise<number> {
  const seq = seqs.next();
  const fields = stampsForNew(row.doc, { s: seq, d: deviceId });
  await q.query(
    `INSERT INTO entities (entity, id, unit_id, owner_user_id, doc, fields, server_seq)
     VALUES ($1, $2, $3, $4, $5, $6::json, $7)`,
    [
      row.entity,
      row.id,
      row.unitId,
      row.ownerUserId,
      JSON.stringify(row.doc),
      JSON.stringify(fields),
      seq,
    ],
  );
  return seq;
}

/** Writes a new document if anything changed; returns the entity's serverSeq afterwards. */
export async function updateEntity(
  q: Queryable,
  seqs: SeqAllocator,
  row: EntityRow,
  doc: Doc,
  deviceId: string,
): Promise<number> {
  const changed = changedLeaves(row.doc, doc);
  if (changed.length === 0) return row.serverSeq;
  const seq = seqs.next();
  const fields = restamp(row.fields, changed, seq, deviceId);
  await q.query(
    `UPDATE entities SET doc = $3, fields = $4::json, server_seq = $5, updated_at = now()
     WHERE entity = $1 AND id = $2`,
    [row.entity, row.id, JSON.stringify(doc), JSON.stringify(encodeStamps(fields, doc)), seq],
  );
  return seq;
}
