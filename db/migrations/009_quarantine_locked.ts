import { defineMigration } from './types';

/*
 * A held refusal can also be settled as 'locked': the record no longer lets any of its fields
 * change (a case's stage locked them), so nothing of it can go again and it would otherwise stay
 * open for ever (db/repositories/quarantine.ts settleLocked). SQLite cannot change a CHECK in
 * place: the table is rebuilt with the wider one, every row kept.
 */
const SQL = `
CREATE TABLE sync_quarantine_new (
  mutation_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  field_errors TEXT CHECK (field_errors IS NULL OR json_valid(field_errors)),
  details TEXT CHECK (details IS NULL OR json_valid(details)),
  at TEXT NOT NULL,
  base_server_seq INTEGER,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('taken', 'superseded', 'locked'))
) STRICT;
INSERT INTO sync_quarantine_new
  SELECT mutation_id, seq, entity, entity_id, op, changes, reason, message, field_errors, details,
         at, base_server_seq, resolved_at, resolution
  FROM sync_quarantine;
DROP TABLE sync_quarantine;
ALTER TABLE sync_quarantine_new RENAME TO sync_quarantine;
CREATE INDEX sync_quarantine_entity ON sync_quarantine (entity, entity_id);
`;

export const m009QuarantineLocked = defineMigration(9, 'quarantine locked', SQL);
