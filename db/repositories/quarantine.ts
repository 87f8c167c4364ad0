import type Database from 'better-sqlite3';
import type { MessageRef } from '../../shared/api/result';

export interface QuarantineEntry {
  mutationId: string;
  seq: number;
  entity: string;
  entityId: string;
  op: string;
  changes: Record<string, unknown>;
  reason: string;
  message: string;
  fieldErrors?: Record<string, MessageRef>;
  details?: Record<string, unknown>;
  at: string;
}

interface Row {
  mutation_id: string;
  seq: number;
  entity: string;
  entity_id: string;
  op: string;
  changes: string;
  reason: string;
  message: string;
  field_errors: string | null;
  details: string | null;
  at: string;
}

/** Mutations the server refused, kept whole with the reason, for a person to act on. */
export class QuarantineRepository {
  constructor(private readonly db: Database.Database) {}

  add(e: QuarantineEntry): void {
    this.db
      .prepare(
        `INSERT INTO sync_quarantine (mutation_id, seq, entity, entity_id, op, changes, reason, message, field_errors, details, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING`,
      )
      .run(
        e.mutationId,
        e.seq,
        e.entity,
        e.entityId,
        e.op,
        JSON.stringify(e.changes),
        e.reason,
        e.message,
        e.fieldErrors ? JSON.stringify(e.fieldErrors) : null,
        e.details ? JSON.stringify(e.details) : null,
        e.at,
      );
  }

  list(): QuarantineEntry[] {
    return (this.db.prepare('SELECT * FROM sync_quarantine ORDER BY seq').all() as Row[]).map(
      (r) => ({
        mutationId: r.mutation_id,
        seq: r.seq,
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        changes: JSON.parse(r.changes) as Record<string, unknown>,
        reason: r.reason,
        message: r.message,
        ...(r.field_errors
          ? { fieldErrors: JSON.parse(r.field_errors) as Record<string, MessageRef> }
          : {}),
        ...(r.details ? { details: JSON.parse(r.details) as Record<string, unknown> } : {}),
        at: r.at,
      }),
    );
  }

  /**
   * The seq of the last create of this entity the server refused for what it carried (not
   * `alreadyExists`: then the server has a copy), or null.
   */
  lastRefusedCreate(entity: string, entityId: string): number | null {
    const row = this.db
      .prepare(
        `SELECT max(seq) AS seq FROM sync_quarantine
         WHERE entity = ? AND entity_id = ? AND op = 'create' AND reason <> 'alreadyExists'`,
      )
      .get(entity, entityId) as { seq: number | null };
    return row.seq;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM sync_quarantine').get() as { n: number }).n;
  }
}
