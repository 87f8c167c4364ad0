import { defineMigration } from './types';

/*
 * Enforcement cases and supervisor review (core/services/cases/).
 *
 * - cases: list columns (stage, pending step, the nearest deadline's last day, 案由/当事人/产品
 *   for the list) beside the two JSON documents the state machine works on: `workflow`
 *   (shared/domain/case/record.ts CaseWorkflow) and `data` (shared/schemas/case.ts CaseData).
 *   `next_due` is derived from both and rewritten on every write, so the list sorts by the
 *   nearest deadline without computing it per row. `server_doc` is the last document received
 *   from the central endpoint: the base a pull rebases pending local changes on (and what an
 *   optimistic review decision falls back to when the server refuses it). NULL until received.
 * - reviews: a supervisor's decisions, records of their own (never edits of the target).
 *   `outcome` is NULL until the server answered.
 * - spot_checks is rebuilt so its status may also be 'returned' and 'approved', with the latest
 *   review decision beside it and `server_rev`, the server's content revision of the record (a
 *   review decision names it; NULL until the record is received). spot_check_documents references it, so it is moved aside and
 *   back (a DROP of a referenced table would count foreign-key violations the rename never
 *   clears); the self-references are declared against the new table's name, which the RENAME
 *   rewrites. seq values are kept, so the search index rows still point at their records.
 * - audit_log is rebuilt so cases and reviews (and their actions) may be recorded.
 */
const SQL = `
CREATE TABLE cases (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  owner_user_id TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  unit_id TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('accepted', 'investigating', 'reviewing', 'notified',
    'decided', 'executing', 'closed', 'notFiled', 'withdrawn', 'transferred')),
  rev INTEGER NOT NULL,
  pending_step TEXT,
  next_due TEXT,
  source TEXT NOT NULL,
  cause TEXT NOT NULL,
  party_name TEXT NOT NULL,
  product_name TEXT NOT NULL,
  workflow TEXT NOT NULL CHECK (json_valid(workflow)),
  data TEXT NOT NULL CHECK (json_valid(data)),
  server_doc TEXT CHECK (server_doc IS NULL OR json_valid(server_doc)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_text TEXT NOT NULL
) STRICT;
CREATE INDEX cases_next_due ON cases (next_due);
CREATE INDEX cases_updated ON cases (updated_at);
CREATE INDEX cases_created ON cases (created_at);
CREATE INDEX cases_stage ON cases (stage);
CREATE INDEX cases_pending ON cases (pending_step) WHERE pending_step IS NOT NULL;
CREATE INDEX cases_owner ON cases (owner_user_id);
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE reviews (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  target_type TEXT NOT NULL CHECK (target_type IN ('spotCheck', 'case')),
  target_id TEXT NOT NULL,
  step TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('review', 'approve')),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'return')),
  comment TEXT NOT NULL,
  target_rev INTEGER NOT NULL,
  reviewer_id TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  outcome TEXT CHECK (outcome IS NULL OR json_valid(outcome))
) STRICT;
CREATE INDEX reviews_target ON reviews (target_type, target_id, seq);

CREATE TABLE spot_check_documents_kept (
  seq INTEGER PRIMARY KEY,
  data TEXT NOT NULL
) STRICT;
INSERT INTO spot_check_documents_kept SELECT seq, data FROM spot_check_documents;
DROP TABLE spot_check_documents;

CREATE TABLE spot_checks_rebuilt (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  version INTEGER NOT NULL,
  supersedes_id TEXT REFERENCES spot_checks_rebuilt (id),
  superseded_by_id TEXT REFERENCES spot_checks_rebuilt (id),
  revision INTEGER NOT NULL,
  record_number TEXT NOT NULL,
  sample_name TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  category_code TEXT NOT NULL,
  region_code TEXT NOT NULL,
  sampling_date TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  search_text TEXT NOT NULL,
  review TEXT CHECK (review IS NULL OR json_valid(review)),
  server_rev INTEGER
) STRICT;
INSERT INTO spot_checks_rebuilt (seq, id, status, version, supersedes_id, superseded_by_id,
  revision, record_number, sample_name, unit_name, category_code, region_code, sampling_date,
  created_by, created_at, updated_at, submitted_at, search_text, review, server_rev)
  SELECT seq, id, status, version, supersedes_id, superseded_by_id, revision, record_number,
  sample_name, unit_name, category_code, region_code, sampling_date, created_by, created_at,
  updated_at, submitted_at, search_text, NULL, NULL FROM spot_checks;
DROP TABLE spot_checks;
ALTER TABLE spot_checks_rebuilt RENAME TO spot_checks;
CREATE INDEX spot_checks_updated ON spot_checks (updated_at);
CREATE INDEX spot_checks_sampling_date ON spot_checks (sampling_date);
CREATE INDEX spot_checks_record_number ON spot_checks (record_number);
CREATE INDEX spot_checks_sample_name ON spot_checks (sample_name);
CREATE INDEX spot_checks_unit_name ON spot_checks (unit_name);
CREATE INDEX spot_checks_status ON spot_checks (status);
CREATE INDEX spot_checks_category ON spot_checks (category_code);
CREATE INDEX spot_checks_region ON spot_checks (region_code);
CREATE INDEX spot_checks_superseded_by ON spot_checks (superseded_by_id);
CREATE UNIQUE INDEX spot_checks_supersedes ON spot_checks (supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE TABLE spot_check_documents (
  seq INTEGER PRIMARY KEY REFERENCES spot_checks (seq),
  data TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
INSERT INTO spot_check_documents SELECT seq, data FROM spot_check_documents_kept;
DROP TABLE spot_check_documents_kept;

CREATE TABLE audit_log_rebuilt (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('enterprise', 'spotCheck', 'profile', 'case',
    'review')),
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'submit', 'correct', 'transition',
    'request', 'approve', 'return')),
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  changes TEXT NOT NULL
) STRICT;
INSERT INTO audit_log_rebuilt SELECT seq, id, entity_type, entity_id, action, actor_id,
  actor_name, at, changes FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);
`;

export const m004Cases = defineMigration(4, 'cases', SQL);
