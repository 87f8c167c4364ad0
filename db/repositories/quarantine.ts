import type Database from 'better-sqlite3';
import type { MessageRef } from '../../shared/api/result';
import type { QuarantineResolution } from '../../shared/schemas/sync';
import { isKeptOnDevice, KEPT_ON_DEVICE_REASONS } from '../../shared/sync/errors';

/** SQL list of KEPT_ON_DEVICE_REASONS (fixed identifiers, not input). */
const KEPT = KEPT_ON_DEVICE_REASONS.map((r) => `'${r}'`).join(', ');

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
  /** The refused mutation's baseServerSeq (held fields go again from it). */
  baseServerSeq?: number | null;
  /** When a later mutation settled it (see resolveSent and supersede). */
  resolvedAt?: string;
  resolution?: QuarantineResolution;
}

export interface SettleOptions {
  /** The server applied the mutation (not a conflict). */
  applied: boolean;
  /** Held fields the record no longer lets change: they count as settled. */
  gone?: (path: string) => boolean;
}

/** What a device sent that may settle earlier refusals of the same record. */
export interface SentMutation {
  op: string;
  changes: Record<string, unknown>;
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
  base_server_seq: number | null;
  resolved_at: string | null;
  resolution: QuarantineResolution | null;
}

/** Mutations the server refused, kept whole with the reason, for a person to act on. */
export class QuarantineRepository {
  constructor(private readonly db: Database.Database) {}

  add(e: QuarantineEntry): void {
    this.db
      .prepare(
        `INSERT INTO sync_quarantine (mutation_id, seq, entity, entity_id, op, changes, reason, message, field_errors, details, at, base_server_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mutation_id) DO NOTHING`,
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
        e.baseServerSeq ?? null,
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
        baseServerSeq: r.base_server_seq,
        ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
        ...(r.resolution ? { resolution: r.resolution } : {}),
      }),
    );
  }

  /**
   * The seq of the last create of this entity the server refused for what it carried (not
   * `alreadyExists`: then the server has a copy) and not resolved since, or null.
   */
  lastRefusedCreate(entity: string, entityId: string): number | null {
    const row = this.db
      .prepare(
        `SELECT max(seq) AS seq FROM sync_quarantine
         WHERE entity = ? AND entity_id = ? AND op = 'create' AND reason <> 'alreadyExists'
           AND resolved_at IS NULL`,
      )
      .get(entity, entityId) as { seq: number | null };
    return row.seq;
  }

  /**
   * Fields of the record that refused updates still hold on the device (KEPT_ON_DEVICE_REASONS,
   * not resolved), each with the base it was first refused from (the oldest, when refused more
   * than once): the record keeps its values of them, and saving it sends them again from that
   * base (core/sync/changes.ts updatesWithHeld).
   */
  held(entity: string, entityId: string): { paths: string[]; baseOf: Record<string, number> } {
    const rows = this.db
      .prepare(
        `SELECT changes, base_server_seq FROM sync_quarantine
         WHERE entity = ? AND entity_id = ? AND op = 'update'
           AND reason IN (${KEPT}) AND resolved_at IS NULL ORDER BY seq`,
      )
      .all(entity, entityId) as Pick<Row, 'changes' | 'base_server_seq'>[];
    const baseOf: Record<string, number> = {};
    for (const r of rows) {
      const b = r.base_server_seq ?? 0;
      for (const p of Object.keys(JSON.parse(r.changes) as object)) {
        baseOf[p] = Math.min(baseOf[p] ?? b, b);
      }
    }
    return { paths: Object.keys(baseOf), baseOf };
  }

  /**
   * A mutation of the record reached the server: the refusals it makes good are resolved as
   * 'taken'. A create makes good the record's refused creates (not `alreadyExists`) and held
   * updates: the server has the whole record. An update (or submit) makes good each held update
   * whose every field it sent or `gone` says the record no longer lets change (a case stage's
   * locks); a submit the server applied (`applied`: not a conflict), the record's refused
   * submits. Returns how many were resolved.
   */
  resolveSent(
    entity: string,
    entityId: string,
    sent: SentMutation,
    at: string,
    opts: SettleOptions,
  ): number {
    return this.settle(entity, entityId, sent, at, 'taken', opts);
  }

  /**
   * A mutation of the record was refused too: the earlier refusals it carried everything of
   * (as for resolveSent; a submit: refused submits only, its held fields stay held) are
   * 'superseded', its own entry stands for them. Call before adding it.
   */
  supersede(
    entity: string,
    entityId: string,
    sent: SentMutation,
    at: string,
    opts: Pick<SettleOptions, 'gone'> = {},
  ): number {
    return this.settle(entity, entityId, sent, at, 'superseded', { ...opts, applied: false });
  }

  /**
   * Records with refused updates still held (the entity and id of each, once), for
   * settleLocked.
   */
  heldRecords(): { entity: string; entityId: string }[] {
    return this.db
      .prepare(
        `SELECT DISTINCT entity, entity_id AS entityId FROM sync_quarantine
         WHERE op = 'update' AND reason IN (${KEPT}) AND resolved_at IS NULL`,
      )
      .all() as { entity: string; entityId: string }[];
  }

  /**
   * Held updates of the record whose every field `locked` says it no longer lets change are
   * resolved as 'locked': no save can send them again, so they would stay open for ever.
   * Returns how many.
   */
  settleLocked(
    entity: string,
    entityId: string,
    locked: (path: string) => boolean,
    at: string,
  ): number {
    const open = this.db
      .prepare(
        `SELECT mutation_id, changes FROM sync_quarantine
         WHERE entity = ? AND entity_id = ? AND op = 'update' AND reason IN (${KEPT})
           AND resolved_at IS NULL`,
      )
      .all(entity, entityId) as Pick<Row, 'mutation_id' | 'changes'>[];
    const done = open.filter((q) => {
      const paths = Object.keys(JSON.parse(q.changes) as object);
      return paths.length > 0 && paths.every(locked);
    });
    this.mark(done, at, 'locked');
    return done.length;
  }

  private mark(
    rows: readonly Pick<Row, 'mutation_id'>[],
    at: string,
    resolution: QuarantineResolution,
  ): void {
    const mark = this.db.prepare(
      'UPDATE sync_quarantine SET resolved_at = ?, resolution = ? WHERE mutation_id = ?',
    );
    for (const q of rows) mark.run(at, resolution, q.mutation_id);
  }

  private settle(
    entity: string,
    entityId: string,
    sent: SentMutation,
    at: string,
    resolution: QuarantineResolution,
    { applied, gone = () => false }: SettleOptions,
  ): number {
    const whole = sent.op === 'create';
    const sentKeys = Object.keys(sent.changes);
    if (!whole && sent.op !== 'update' && sent.op !== 'submit') return 0;
    const open = this.db
      .prepare(
        `SELECT mutation_id, op, reason, changes FROM sync_quarantine
         WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL`,
      )
      .all(entity, entityId) as Pick<Row, 'mutation_id' | 'op' | 'reason' | 'changes'>[];
    const covered = (path: string) =>
      gone(path) || sentKeys.some((k) => k === path || path.startsWith(`${k}.`));
    const done = open.filter((q) => {
      if (q.op === 'create') return whole && q.reason !== 'alreadyExists';
      // Signed after all, or refused again as a submit: the submit's refusal is settled.
      if (q.op === 'submit')
        return sent.op === 'submit' && (applied || resolution === 'superseded');
      if (q.op !== 'update' || !isKeptOnDevice(q.reason)) return false;
      // A refused submit holds nothing: what it carried stays held by the update's refusal.
      if (resolution === 'superseded' && sent.op === 'submit') return false;
      const paths = Object.keys(JSON.parse(q.changes) as object);
      return whole || (paths.length > 0 && paths.every(covered));
    });
    this.mark(done, at, resolution);
    return done.length;
  }

  /** Entries still to act on (resolved ones are history). */
  count(): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM sync_quarantine WHERE resolved_at IS NULL')
        .get() as { n: number }
    ).n;
  }
}
