import { defineMigration } from '../migrationDef';

/**
 * Document numbers (文书字号) handed to devices in blocks (server/numbers/).
 *
 * - number_prefixes: the agency prefix a unit writes a document type's numbers with, set by an
 *   admin (the default is derived from the unit's region and name, shared/documents/numbers.ts).
 *   Sub-units use their nearest ancestor's setting.
 * - number_counters: the next free number of each prefix's yearly sequence. It is keyed by the
 *   prefix, not the unit: two units that write the same prefix share one sequence, so the same
 *   text can never be issued twice. A block is cut from it by one UPDATE … RETURNING, whose row
 *   lock makes concurrent requests take disjoint runs.
 * - number_blocks: every run handed out, with the device and user it went to. request_id makes
 *   a retried request return its block instead of cutting another; exhausted_at is set when the
 *   device reports the block used up (until then it counts towards the outstanding limit).
 */
export const m006DocumentNumbers = defineMigration(
  6,
  'document numbers',
  `
CREATE TABLE number_prefixes (
  unit_id uuid NOT NULL REFERENCES units(id),
  doc_type text NOT NULL,
  prefix text NOT NULL CHECK (char_length(prefix) BETWEEN 1 AND 16),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, doc_type)
);
--;
CREATE TABLE number_counters (
  prefix text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  next_seq bigint NOT NULL CHECK (next_seq >= 1),
  PRIMARY KEY (prefix, year)
);
--;
CREATE TABLE number_blocks (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  doc_type text NOT NULL,
  year integer NOT NULL,
  prefix text NOT NULL,
  seq_start bigint NOT NULL CHECK (seq_start >= 1),
  seq_end bigint NOT NULL CHECK (seq_end >= seq_start),
  device_id uuid NOT NULL REFERENCES devices(id),
  user_id uuid NOT NULL REFERENCES users(id),
  allocated_at timestamptz NOT NULL DEFAULT now(),
  exhausted_at timestamptz,
  UNIQUE (device_id, request_id),
  UNIQUE (prefix, year, seq_start)
);
--;
CREATE INDEX number_blocks_outstanding ON number_blocks(device_id, doc_type, year) WHERE exhausted_at IS NULL;
`,
);
