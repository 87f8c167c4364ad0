import { defineMigration } from '../migrationDef';

/**
 * Organisation, identity and sync state. `entities` holds every synced document (the kinds
 * devices change and the pull-only reference data) so one cursor and one scope query cover them.
 */
export const m001Init = defineMigration(
  1,
  'init',
  `
CREATE TABLE units (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES units(id),
  name text NOT NULL,
  region_code text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
--;
CREATE INDEX units_parent ON units(parent_id);
--;
CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('inspector', 'supervisor', 'admin')),
  unit_id uuid NOT NULL REFERENCES units(id),
  credential_number text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--;
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked boolean NOT NULL DEFAULT false,
  revoked_at timestamptz,
  revoked_reason text
);
--;
CREATE TABLE enroll_codes (
  code_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id uuid
);
--;
CREATE TABLE sync_state (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL,
  epoch text NOT NULL,
  epoch_changed_at timestamptz NOT NULL DEFAULT now()
);
--;
INSERT INTO sync_state (id, last_seq, epoch) VALUES (1, 0, md5(random()::text || clock_timestamp()::text));
--;
CREATE TABLE entities (
  entity text NOT NULL,
  id text NOT NULL,
  unit_id uuid REFERENCES units(id),
  owner_user_id uuid REFERENCES users(id),
  doc jsonb NOT NULL,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  server_seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, id)
);
--;
CREATE UNIQUE INDEX entities_server_seq ON entities(server_seq);
--;
CREATE INDEX entities_unit ON entities(entity, unit_id);
--;
CREATE INDEX entities_owner ON entities(owner_user_id) WHERE owner_user_id IS NOT NULL;
--;
CREATE INDEX entities_credit_code ON entities((doc->>'creditCode')) WHERE entity = 'enterprise';
--;
CREATE TABLE mutations (
  device_id uuid NOT NULL REFERENCES devices(id),
  seq bigint NOT NULL,
  mutation_id uuid NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  op text NOT NULL,
  base_server_seq bigint,
  changes jsonb NOT NULL,
  hlc text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  result jsonb NOT NULL,
  server_seq bigint,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
--;
CREATE INDEX mutations_entity ON mutations(entity, entity_id);
--;
CREATE TABLE conflicts (
  id uuid PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  field text NOT NULL,
  server_value jsonb,
  client_value jsonb,
  server_seq bigint NOT NULL,
  device_id uuid NOT NULL REFERENCES devices(id),
  user_id uuid NOT NULL REFERENCES users(id),
  mutation_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id)
);
--;
CREATE INDEX conflicts_entity ON conflicts(entity, entity_id, status);
`,
);
