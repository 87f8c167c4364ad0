import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { HybridClock } from '../../shared/sync/hlc';
import type { Mutation, MutationEntity, MutationOp } from '../../shared/sync/protocol';
import type { EntitySyncRepository } from './entitySync';
import type { SyncStateRepository } from './syncState';

export interface OutboxAppend {
  entity: MutationEntity;
  entityId: string;
  op: MutationOp;
  /**
   * The entity's serverSeq the change was made on. Leave it out to use the last one this device
   * received (null for create and correct, 0 for an entity never received, e.g. created here).
   */
  baseServerSeq?: number | null;
  /** Dotted field path → new value (create: the whole document). */
  changes: Record<string, unknown>;
}

export type OutboxState = 'pending' | 'done';

export interface OutboxEntry extends Mutation {
  bytes: number;
  state: OutboxState;
  createdAt: string;
}

interface Row {
  seq: number;
  mutation_id: string;
  entity: MutationEntity;
  entity_id: string;
  op: MutationOp;
  base_server_seq: number | null;
  changes: string;
  hlc: string;
  bytes: number;
  state: OutboxState;
  created_at: string;
}

const toEntry = (r: Row): OutboxEntry => ({
  seq: r.seq,
  mutationId: r.mutation_id,
  entity: r.entity,
  entityId: r.entity_id,
  op: r.op,
  baseServerSeq: r.base_server_seq,
  changes: JSON.parse(r.changes) as Record<string, unknown>,
  hlc: r.hlc,
  bytes: r.bytes,
  state: r.state,
  createdAt: r.created_at,
});

/** Done entries kept for a server that lost them in a restore (it asks again with 409 GAP). */
export const DONE_RETENTION = 10_000;

/**
 * The outbox: every local change as a mutation, appended in the change's own transaction (the
 * caller's; append opens a savepoint inside it, or its own transaction when called alone).
 */
export class OutboxRepository {
  private readonly insertStmt: Database.Statement;
  private readonly pendingStmt: Database.Statement;
  private readonly countStmt: Database.Statement;
  private readonly entityPendingStmt: Database.Statement;
  private readonly setStateStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly state: SyncStateRepository,
    private readonly entitySync: EntitySyncRepository,
    private readonly now: () => Date,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (seq, mutation_id, entity, entity_id, op, base_server_seq, changes, hlc, bytes, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    this.pendingStmt = db.prepare(
      "SELECT * FROM outbox WHERE state = 'pending' AND seq >= ? ORDER BY seq LIMIT ?",
    );
    this.countStmt = db.prepare('SELECT count(*) AS n FROM outbox WHERE state = ?');
    this.entityPendingStmt = db.prepare(
      "SELECT * FROM outbox WHERE state = 'pending' AND entity = ? AND entity_id = ? ORDER BY seq",
    );
    this.setStateStmt = db.prepare('UPDATE outbox SET state = ?, done_at = ? WHERE seq = ?');
  }

  /** Appends a mutation; returns its seq (per device, contiguous from 1). */
  append(input: OutboxAppend): number {
    return this.db.transaction(() => {
      const seq = (this.state.get('outboxSeq') ?? 0) + 1;
      this.state.set('outboxSeq', seq);
      const hlc = this.nextHlc();
      const base =
        input.baseServerSeq !== undefined
          ? input.baseServerSeq
          : input.op === 'create' || input.op === 'correct'
            ? null
            : (this.entitySync.serverSeq(input.entity, input.entityId) ?? 0);
      const mutation: Mutation = {
        seq,
        mutationId: uuidv7(),
        entity: input.entity,
        entityId: input.entityId,
        op: input.op,
        baseServerSeq: base,
        changes: input.changes,
        hlc,
      };
      const json = JSON.stringify(input.changes);
      const bytes = Buffer.byteLength(JSON.stringify(mutation), 'utf8');
      this.insertStmt.run(
        seq,
        mutation.mutationId,
        input.entity,
        input.entityId,
        input.op,
        base,
        json,
        hlc,
        bytes,
        this.now().toISOString(),
      );
      return seq;
    })();
  }

  /** Pending mutations from `fromSeq` on, in seq order. */
  pending(limit: number, fromSeq = 0): OutboxEntry[] {
    return (this.pendingStmt.all(fromSeq, limit) as Row[]).map(toEntry);
  }

  /** Whether a create of this entity was written after `seq`, whatever became of it. */
  hasCreateAfter(entity: string, entityId: string, seq: number): boolean {
    return (
      this.db
        .prepare(
          "SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND op = 'create' AND seq > ? LIMIT 1",
        )
        .get(entity, entityId, seq) !== undefined
    );
  }

  pendingFor(entity: string, entityId: string): OutboxEntry[] {
    return (this.entityPendingStmt.all(entity, entityId) as Row[]).map(toEntry);
  }

  count(state: OutboxState): number {
    return (this.countStmt.get(state) as { n: number }).n;
  }

  get(seq: number): OutboxEntry | null {
    const r = this.db.prepare('SELECT * FROM outbox WHERE seq = ?').get(seq) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  setState(seq: number, state: OutboxState): void {
    this.setStateStmt.run(state, state === 'pending' ? null : this.now().toISOString(), seq);
  }

  /** Lowest seq still held (any state), or null when the outbox is empty. */
  lowestSeq(): number | null {
    const r = this.db.prepare('SELECT min(seq) AS s FROM outbox').get() as { s: number | null };
    return r.s;
  }

  /** Done entries from `fromSeq` on become pending again (the server lost them). */
  reopenDone(fromSeq: number): number {
    return this.db
      .prepare(
        "UPDATE outbox SET state = 'pending', done_at = NULL WHERE state = 'done' AND seq >= ?",
      )
      .run(fromSeq).changes;
  }

  /** Forgets done entries beyond the retention window. */
  pruneDone(keep = DONE_RETENTION): void {
    this.db
      .prepare(
        `DELETE FROM outbox WHERE state = 'done' AND seq <= (SELECT max(seq) FROM outbox) - ?`,
      )
      .run(keep);
  }

  /** Takes a refused mutation out of the outbox (it is kept whole in sync_quarantine). */
  remove(seq: number): void {
    this.db.prepare('DELETE FROM outbox WHERE seq = ?').run(seq);
  }

  /**
   * Moves every pending entry to seqs from `first` on, keeping their order, and forgets done
   * ones in the way. Used when the server's numbering for this device is not ours any more (a
   * restored laptop reusing seqs the server took, or a new enrollment starting from 1).
   */
  renumber(first: number): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM outbox WHERE state = 'done' AND seq >= ?").run(first);
      const seqs = (
        this.db.prepare("SELECT seq FROM outbox WHERE state = 'pending' ORDER BY seq").all() as {
          seq: number;
        }[]
      ).map((r) => r.seq);
      // Two steps through negative numbers so no new seq collides with an old one midway.
      const move = this.db.prepare('UPDATE outbox SET seq = ? WHERE seq = ?');
      seqs.forEach((s, i) => move.run(-(i + 1), s));
      seqs.forEach((_, i) => move.run(first + i, -(i + 1)));
      this.state.set('outboxSeq', first + seqs.length - 1);
    })();
  }

  /** The HLC for a new mutation: from the persisted last value, so restarts never go back. */
  private nextHlc(): string {
    let node = this.state.get('hlcNode');
    if (!node) {
      node = randomUUID();
      this.state.set('hlcNode', node);
    }
    const last = this.state.get('hlc') ?? undefined;
    const clock = new HybridClock(node, () => this.now().getTime(), last);
    const hlc = clock.send();
    this.state.set('hlc', hlc);
    return hlc;
  }
}
