import type Database from 'better-sqlite3';
import type { AuditEntityType, AuditEntry } from '../../shared/schemas/audit';

interface AuditRow {
  id: string;
  entity_type: AuditEntityType;
  entity_id: string;
  action: AuditEntry['action'];
  actor_id: string;
  actor_name: string;
  at: string;
  changes: string;
}

export class AuditRepository {
  private readonly insertStmt: Database.Statement;
  private readonly listStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (id, entity_type, entity_id, action, actor_id, actor_name, at, changes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listStmt = db.prepare(
      'SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq',
    );
  }

  append(e: AuditEntry): void {
    this.insertStmt.run(
      e.id,
      e.entityType,
      e.entityId,
      e.action,
      e.actorId,
      e.actorName,
      e.at,
      JSON.stringify(e.changes),
    );
  }

  /** Oldest first: seq follows commit order even when two entries share a timestamp. */
  list(entityType: AuditEntityType, entityId: string): AuditEntry[] {
    return (this.listStmt.all(entityType, entityId) as AuditRow[]).map((r) => ({
      id: r.id,
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
      changes: JSON.parse(r.changes) as AuditEntry['changes'],
    }));
  }
}
