import { defineMigration } from './types';

/*
 * Document numbers (core/numbers/) and attachments on cases.
 *
 * - number_blocks: runs of a prefix's yearly sequence the central endpoint gave this device
 *   (shared/sync/numberProtocol.ts). `next_seq` is the next number to issue; a block whose
 *   next_seq passed seq_end is used up, and `reported` turns 1 once the server was told.
 * - issued_numbers: every number issued here, and the document it went to. One number per
 *   document (doc type + owner + item), and never the same number twice: both are UNIQUE, so
 *   asking again for a document returns its number and a second use of a number cannot commit.
 * - number_requests: a block request sent or about to be sent, kept until answered. A retry
 *   sends the same request id, so a lost response costs no second block.
 * - attachments is rebuilt so a case may hold attachments too (signatures, photos, scans).
 *   Nothing references it, so it is copied, dropped and renamed; seq values are kept.
 */
const SQL = `
CREATE TABLE number_blocks (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  prefix TEXT NOT NULL,
  seq_start INTEGER NOT NULL CHECK (seq_start >= 1),
  seq_end INTEGER NOT NULL CHECK (seq_end >= seq_start),
  next_seq INTEGER NOT NULL CHECK (next_seq BETWEEN seq_start AND seq_end + 1),
  received_at TEXT NOT NULL,
  reported INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1))
) STRICT;
CREATE INDEX number_blocks_open ON number_blocks (doc_type, year, seq_start) WHERE next_seq <= seq_end;

CREATE TABLE issued_numbers (
  seq INTEGER PRIMARY KEY,
  doc_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  prefix TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  block_id TEXT NOT NULL REFERENCES number_blocks (id),
  owner_type TEXT NOT NULL CHECK (owner_type IN ('spotCheck', 'case')),
  owner_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (doc_type, owner_type, owner_id, item_id),
  UNIQUE (prefix, year, number)
) STRICT;
CREATE INDEX issued_numbers_owner ON issued_numbers (owner_type, owner_id, seq);

CREATE TABLE number_requests (
  request_id TEXT PRIMARY KEY,
  doc_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (doc_type, year)
) STRICT;

CREATE TABLE attachments_next (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('spotCheck', 'case')),
  owner_id TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('local', 'pulled')),
  uploaded INTEGER NOT NULL DEFAULT 0 CHECK (uploaded IN (0, 1))
) STRICT;
INSERT INTO attachments_next (seq, id, owner_type, owner_id, sha256, file_name, mime_type, size,
  created_by, created_at, origin, uploaded)
  SELECT seq, id, owner_type, owner_id, sha256, file_name, mime_type, size,
    created_by, created_at, origin, uploaded FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_next RENAME TO attachments;
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id, seq);
CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE INDEX attachments_pending ON attachments (seq) WHERE uploaded = 0;
`;

export const m007NumbersAndCaseAttachments = defineMigration(
  7,
  'document numbers and case attachments',
  SQL,
);
