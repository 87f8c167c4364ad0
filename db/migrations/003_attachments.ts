import { defineMigration } from './types';

/*
 * Attachments (photos and scans of a spot check). The bytes live in files named by their
 * SHA-256 under <dataDir>/files (core/attachments/fileStore.ts); this table holds the metadata.
 * Several rows may name one file (the same photo on two records): the file is stored once.
 *
 * - origin 'local': added on this device; `uploaded` turns 1 once the server verified the file.
 * - origin 'pulled': metadata received from the server (a supervisor's device); the server has
 *   the file by definition (uploaded = 1), the bytes are fetched on first read.
 */
const SQL = `
CREATE TABLE attachments (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('spotCheck')),
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
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id, seq);
CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE INDEX attachments_pending ON attachments (seq) WHERE uploaded = 0;
`;

export const m003Attachments = defineMigration(3, 'attachments', SQL);
