import type Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../../shared/audit/chain';
import type { AuditEntityType, AuditEntry } from '../../shared/schemas/audit';

/** An audit_log row's entry columns (the hashed body; see auditBodyOf). */
export interface AuditRow {
  id: string;
  entity_type: AuditEntityType;
  entity_id: string;
  action: AuditEntry['action'];
  actor_id: string;
  actor_name: string;
  at: string;
  changes: string;
}

interface ChainedRow extends AuditRow {
  chain_seq: number;
  prev_hash: string;
  hash: string;
}

/** An audit entry with its place in this device's chain (shared/audit/chain.ts). */
export interface ChainedAuditEntry extends ChainedFields {
  body: AuditEntry;
}

export interface ChainHead {
  chainSeq: number;
  hash: string;
}

/** The hashed part of an entry: exactly the fields of AuditEntry, as stored and read back. */
export function auditEntryBody(e: AuditEntry): AuditEntry {
  return {
    id: e.id,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    at: e.at,
    changes: e.changes,
  };
}

/**
 * A stored row as an entry: the body that is hashed, uploaded and verified (the changes as they
 * read back from their JSON text). Migration 005 chains the rows it finds with this too.
 */
export function auditBodyOf(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.at,
    changes: JSON.parse(r.changes) as AuditEntry['changes'],
  };
}

const INSERT = `INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at,
  changes, chain_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const HEAD =
  'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1';
const AFTER = 'SELECT * FROM audit_log WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?';
const LIST = 'SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq';

/**
 * The audit trail: append-only (migration 005's triggers refuse UPDATE and DELETE) and
 * hash-chained. append() links each entry to the current head, so it must run inside the
 * transaction of the write it records (every caller's does): the head read and the insert are
 * then one step, and a rolled-back write takes its entry and its chain position with it.
 */
export class AuditRepository {
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /**
   * Prepared on first use, not in the constructor: a store opened at an older schema version
   * (a migration test does that) must not fail on columns its version does not have yet.
   */
  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  append(e: AuditEntry): void {
    const changes = JSON.stringify(e.changes);
    // Hash what is stored: the changes as they read back from their JSON text.
    const body = auditEntryBody({ ...e, changes: JSON.parse(changes) as AuditEntry['changes'] });
    const head = this.head();
    const hash = entryHash(head.hash, { ...body });
    this.stmt(INSERT).run(
      e.id,
      e.entityType,
      e.entityId,
      e.action,
      e.actorId,
      e.actorName,
      e.at,
      changes,
      head.chainSeq + 1,
      head.hash,
      hash,
    );
  }

  /** The last entry of the chain, or the genesis link (0, GENESIS_HASH) when there is none. */
  head(): ChainHead {
    const row = this.stmt(HEAD).get() as { chain_seq: number; hash: string } | undefined;
    return row ? { chainSeq: row.chain_seq, hash: row.hash } : { chainSeq: 0, hash: GENESIS_HASH };
  }

  /** Up to `limit` entries after chain position `afterSeq`, in chain order. */
  chainAfter(afterSeq: number, limit: number): ChainedAuditEntry[] {
    return (this.stmt(AFTER).all(afterSeq, limit) as ChainedRow[]).map((r) => ({
      chainSeq: r.chain_seq,
      prevHash: r.prev_hash,
      hash: r.hash,
      body: auditBodyOf(r),
    }));
  }

  /** Oldest first: seq follows commit order even when two entries share a timestamp. */
  list(entityType: AuditEntityType, entityId: string): AuditEntry[] {
    return (this.stmt(LIST).all(entityType, entityId) as AuditRow[]).map(auditBodyOf);
  }
}
