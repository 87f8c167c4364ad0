import { defineMigration } from '../migrationDef';

/**
 * Each device's hash-chained audit trail (shared/audit/chain.ts), as the server accepted it.
 *
 * - audit_heads: the last accepted entry per device; a push locks this row, so two pushes of
 *   one device are verified one after the other against the same head.
 * - audit_entries: the accepted entries, kept as received (`json`: the text is evidence).
 * - audit_breaks: a broken or missing link found while verifying a push. The head never moves
 *   past it; a replay that finds the same break again does not add a second report.
 */
export const m005AuditChain = defineMigration(
  5,
  'audit chain',
  `
CREATE TABLE audit_heads (
  device_id uuid PRIMARY KEY REFERENCES devices(id),
  chain_seq bigint NOT NULL CHECK (chain_seq >= 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--;
CREATE TABLE audit_entries (
  device_id uuid NOT NULL REFERENCES devices(id),
  chain_seq bigint NOT NULL CHECK (chain_seq > 0),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  body json NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, chain_seq)
);
--;
CREATE TABLE audit_breaks (
  id bigserial PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices(id),
  chain_seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('missing', 'link', 'hash')),
  entry json NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, chain_seq, kind)
);
--;
CREATE INDEX audit_breaks_detected ON audit_breaks(detected_at);
`,
);
