import { defineMigration } from '../migrationDef';

/**
 * Attachment files. The bytes live on disk (server/files/store.ts), content-addressed; this
 * table records which verified files the server holds and who sent them first. The index
 * finds the attachment records naming a hash, which decide who may send or fetch it.
 */
export const m003Files = defineMigration(
  3,
  'files',
  `
CREATE TABLE files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  uploaded_by uuid REFERENCES devices(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
--;
CREATE INDEX entities_attachment_sha ON entities((doc->>'sha256')) WHERE entity = 'attachment';
`,
);
