import type Database from 'better-sqlite3';

export interface StoredConflict {
  id: string;
  entity: string;
  entityId: string;
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  serverSeq: number;
  state: 'open' | 'resolved';
  choice: 'server' | 'client' | null;
  createdAt: string;
}

interface Row {
  id: string;
  entity: string;
  entity_id: string;
  field: string;
  server_value: string | null;
  client_value: string | null;
  server_seq: number;
  state: 'open' | 'resolved';
  choice: 'server' | 'client' | null;
  created_at: string;
}

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));
const toConflict = (r: Row): StoredConflict => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  field: r.field,
  serverValue: parse(r.server_value),
  clientValue: parse(r.client_value),
  serverSeq: r.server_seq,
  state: r.state,
  choice: r.choice,
  createdAt: r.created_at,
});

/**
 * Same-field conflicts: both values kept until a person chooses. Ids are the server's, so a
 * conflict learnt from a push result and the same one listed by the server are one row.
 */
export class ConflictRepository {
  constructor(private readonly db: Database.Database) {}

  /** Records an open conflict unless this device already knows it (open or resolved). */
  upsertOpen(c: Omit<StoredConflict, 'state' | 'choice'>): void {
    this.db
      .prepare(
        `INSERT INTO sync_conflicts (id, entity, entity_id, field, server_value, client_value, server_seq, state, reported, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'open', 1, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        c.id,
        c.entity,
        c.entityId,
        c.field,
        JSON.stringify(c.serverValue ?? null),
        JSON.stringify(c.clientValue ?? null),
        c.serverSeq,
        c.createdAt,
      );
  }

  get(id: string): StoredConflict | null {
    const r = this.db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as
      Row | undefined;
    return r ? toConflict(r) : null;
  }

  listOpen(entityId?: string): StoredConflict[] {
    const rows = entityId
      ? this.db
          .prepare(
            "SELECT * FROM sync_conflicts WHERE state = 'open' AND entity_id = ? ORDER BY created_at, id",
          )
          .all(entityId)
      : this.db
          .prepare("SELECT * FROM sync_conflicts WHERE state = 'open' ORDER BY created_at, id")
          .all();
    return (rows as Row[]).map(toConflict);
  }

  countOpen(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM sync_conflicts WHERE state = 'open'").get() as {
        n: number;
      }
    ).n;
  }

  /** Resolved here; `reported` stays 0 until the server has been told. */
  resolve(id: string, choice: 'server' | 'client', at: string): void {
    this.db
      .prepare(
        "UPDATE sync_conflicts SET state = 'resolved', choice = ?, reported = 0, resolved_at = ? WHERE id = ?",
      )
      .run(choice, at, id);
  }

  unreported(): StoredConflict[] {
    return (
      this.db.prepare('SELECT * FROM sync_conflicts WHERE reported = 0 ORDER BY id').all() as Row[]
    ).map(toConflict);
  }

  markReported(ids: readonly string[]): void {
    const stmt = this.db.prepare('UPDATE sync_conflicts SET reported = 1 WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  /** Open here but no longer open on the server: someone resolved it on another device. */
  closeMissing(openOnServer: ReadonlySet<string>, at: string): void {
    const stmt = this.db.prepare(
      "UPDATE sync_conflicts SET state = 'resolved', resolved_at = ? WHERE id = ? AND state = 'open' AND reported = 1",
    );
    for (const c of this.listOpen()) if (!openOnServer.has(c.id)) stmt.run(at, c.id);
  }
}
