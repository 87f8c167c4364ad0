import { defineMigration } from './types';

/*
 * Batch sync with the central endpoint (core/sync/).
 *
 * - sync_state: small key → JSON value settings (device credential, cursor, epoch, HLC, the
 *   next outbox seq, the local scope checksum). Key/value so a new setting needs no migration.
 * - outbox: every local change as a mutation, written in the change's own transaction. `seq` is
 *   the per-device sequence the server deduplicates by, so it is allocated here, contiguous from
 *   1. Rows stay after they are sent ('done') for a while: after a server restore the server may
 *   ask for them again (409 GAP), and resending is then exactly right.
 * - entity_sync: the serverSeq of every row received from the server (the base of the next
 *   local change, and the terms of the local scope checksum).
 * - sync_conflicts / sync_quarantine: what a person must look at; nothing is dropped silently.
 * - sync_pending_links: version links waiting for the other version to arrive.
 * - people: the pull-only register of officers (the second officer on a form).
 *
 * The enterprises table is rebuilt without UNIQUE(credit_code): two inspectors may register the
 * same enterprise offline; the server refuses the second and the app must be able to hold the
 * server's row next to the refused local one until a person merges them (the service still
 * refuses a duplicate typed on this device).
 */
const SQL = `
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  mutation_id TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL,
  base_server_seq INTEGER,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  hlc TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
  created_at TEXT NOT NULL,
  done_at TEXT
) STRICT;
CREATE INDEX outbox_state ON outbox (state, seq);
CREATE INDEX outbox_pending_entity ON outbox (entity, entity_id) WHERE state = 'pending';

-- A refused mutation leaves the outbox (it never blocks the ones after it) and is kept here
-- whole, with the server's reason, for the inspector to see.
CREATE TABLE sync_quarantine (
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
  at TEXT NOT NULL
) STRICT;

-- A received spot check may name a version (supersedes / superseded by) not received yet; the
-- link waits here, the column stays NULL (it is a foreign key) until the other row arrives.
CREATE TABLE sync_pending_links (
  id TEXT NOT NULL,
  col TEXT NOT NULL CHECK (col IN ('supersedes_id', 'superseded_by_id')),
  target TEXT NOT NULL,
  PRIMARY KEY (id, col)
) STRICT;

CREATE TABLE entity_sync (
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  server_seq INTEGER NOT NULL,
  in_checksum INTEGER NOT NULL DEFAULT 1 CHECK (in_checksum IN (0, 1)),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  server_value TEXT CHECK (server_value IS NULL OR json_valid(server_value)),
  client_value TEXT CHECK (client_value IS NULL OR json_valid(client_value)),
  server_seq INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
  choice TEXT CHECK (choice IS NULL OR choice IN ('server', 'client')),
  reported INTEGER NOT NULL DEFAULT 1 CHECK (reported IN (0, 1)),
  created_at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;
CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity_id, state);
CREATE INDEX sync_conflicts_unreported ON sync_conflicts (reported) WHERE reported = 0;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  credential_number TEXT NOT NULL
) STRICT;

CREATE TABLE enterprises_rebuilt (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  address TEXT NOT NULL,
  region_code TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  contact_person TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  licence_type TEXT NOT NULL,
  licence_number TEXT NOT NULL,
  credit_grade TEXT NOT NULL,
  list_status TEXT NOT NULL CHECK (list_status IN ('none', 'red', 'black')),
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_text TEXT NOT NULL
) STRICT;
INSERT INTO enterprises_rebuilt SELECT seq, id, name, credit_code, address, region_code,
  legal_representative, contact_person, contact_phone, licence_type, licence_number,
  credit_grade, list_status, revision, created_at, updated_at, search_text FROM enterprises;
DROP TABLE enterprises;
ALTER TABLE enterprises_rebuilt RENAME TO enterprises;
CREATE INDEX enterprises_name ON enterprises (name);
CREATE INDEX enterprises_updated ON enterprises (updated_at);
CREATE INDEX enterprises_region ON enterprises (region_code, updated_at);
CREATE INDEX enterprises_list_status ON enterprises (list_status, updated_at);
CREATE INDEX enterprises_credit_code ON enterprises (credit_code);
`;

export const m002Sync = defineMigration(2, 'sync', SQL);
