import { defineMigration } from './types';

/*
 * A refusal in the quarantine can be settled by what the device sends later
 * (db/repositories/quarantine.ts):
 *
 * - base_server_seq: the refused mutation's base. An update refused for what the inspector's own
 *   text carried holds its fields on the device, and they go again from that base, so the server
 *   still sees a conflict with what someone else changed meanwhile.
 * - resolved_at / resolution: 'taken' when a later mutation carrying the same fields (or the whole
 *   record) reached the server; 'superseded' when a later one carrying them was refused too (its
 *   own entry stands for them now). A resolved entry stays, as history; it is not counted.
 * - The index: every pulled row asks for the fields its record's refusals hold.
 */
const SQL = `
ALTER TABLE sync_quarantine ADD COLUMN base_server_seq INTEGER;
ALTER TABLE sync_quarantine ADD COLUMN resolved_at TEXT;
ALTER TABLE sync_quarantine ADD COLUMN resolution TEXT
  CHECK (resolution IS NULL OR resolution IN ('taken', 'superseded'));
CREATE INDEX sync_quarantine_entity ON sync_quarantine (entity, entity_id);
`;

export const m008QuarantineResolved = defineMigration(8, 'quarantine resolved', SQL);
