import { defineMigration } from './types';

/*
 * The print log (core/documents/): every printed form or saved PDF, who made it and when, with
 * the content hash its QR code carries. A print whose content hash was printed before is a copy
 * (副本) and is marked so on the paper. Local to this device: the paper was made here.
 *
 * - item_id: the inquiry or measure a per-item form was made for; '' for the others.
 * - record_version: the record's revision the form was filled from.
 * - output: 'pdf' (saved as a file) or 'print' (sent to a printer).
 */
const SQL = `
CREATE TABLE print_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('spotCheck', 'case')),
  owner_id TEXT NOT NULL,
  document_kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  document_number TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  copy INTEGER NOT NULL CHECK (copy IN (0, 1)),
  output TEXT NOT NULL CHECK (output IN ('pdf', 'print')),
  printed_by_id TEXT NOT NULL,
  printed_by_name TEXT NOT NULL,
  printed_at TEXT NOT NULL
) STRICT;
CREATE INDEX print_log_owner ON print_log (owner_type, owner_id, seq);
CREATE INDEX print_log_content ON print_log (content_hash);
`;

export const m006PrintLog = defineMigration(6, 'print log', SQL);
