import type Database from 'better-sqlite3';

export interface EntitySyncRow {
  entity: string;
  entityId: string;
  serverSeq: number;
  inChecksum: boolean;
}

/**
 * The serverSeq of every row this device received from the server. It is the base of the next
 * local change to that entity (what the inspector saw), and a term of the local scope checksum.
 * Only pulled (or fetched) rows are recorded: a push result does not mean this device holds the
 * server's document, so it must not move the base (that would hide other devices' changes).
 */
export class EntitySyncRepository {
  private readonly getStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare(
      'SELECT server_seq, in_checksum FROM entity_sync WHERE entity = ? AND entity_id = ?',
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO entity_sync (entity, entity_id, server_seq, in_checksum, deleted) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (entity, entity_id) DO UPDATE SET server_seq = excluded.server_seq,
         in_checksum = 1, deleted = excluded.deleted`,
    );
  }

  get(entity: string, entityId: string): EntitySyncRow | null {
    const r = this.getStmt.get(entity, entityId) as
      { server_seq: number; in_checksum: number } | undefined;
    return r
      ? { entity, entityId, serverSeq: r.server_seq, inChecksum: r.in_checksum === 1 }
      : null;
  }

  serverSeq(entity: string, entityId: string): number | null {
    return this.get(entity, entityId)?.serverSeq ?? null;
  }

  record(entity: string, entityId: string, serverSeq: number, deleted = false): void {
    this.upsertStmt.run(entity, entityId, serverSeq, deleted ? 1 : 0);
  }

  /** Before a full re-pull: every row must be received again to count in the checksum. */
  clearChecksumFlags(): void {
    this.db.prepare('UPDATE entity_sync SET in_checksum = 0 WHERE in_checksum = 1').run();
  }
}
