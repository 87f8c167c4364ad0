import type Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH } from '../../shared/audit/chain';
import { auditBodyOf, type AuditRow } from '../repositories/audit';
import { defineMigration } from './types';

/*
 * The audit trail becomes append-only and hash-chained (shared/audit/chain.ts): every entry
 * holds its position in this device's chain, the hash of the entry before it and its own hash.
 * The server verifies the chain as the device uploads it (core/sync/auditUpload.ts).
 *
 * The columns are added (not a table rebuild) so the rows and their seq stay exactly as they
 * were. The data step below chains the entries already present in seq order (commit order);
 * that is the one update an entry ever gets: the triggers refuse changing an entry that has a
 * hash and refuse deleting any entry. Anyone who edits the file directly can drop a trigger —
 * that is what the chain is for: the server then finds the broken link.
 *
 * The columns stay nullable because SQLite adds NOT NULL columns only with a default; the
 * repository (db/repositories/audit.ts) is the only writer and always fills them, and the
 * unique index keeps one entry per chain position.
 */
const SQL = `
ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (chain_seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
`;

/** Chains the entries written before this migration, oldest first. */
function chainExisting(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT seq, id, entity_type, entity_id, action, actor_id, actor_name, at, changes
       FROM audit_log ORDER BY seq`,
    )
    .all() as (AuditRow & { seq: number })[];
  const update = db.prepare(
    'UPDATE audit_log SET chain_seq = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  );
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    const hash = entryHash(prev, { ...auditBodyOf(r) });
    update.run(i + 1, prev, hash, r.seq);
    prev = hash;
  });
}

export const m005AuditChain = defineMigration(5, 'audit chain', SQL, chainExisting);
