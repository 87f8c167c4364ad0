/**
 * The `mutations` rows of a push batch (what each device sent and what came of it: the replay
 * record), queued while the batch is applied and bulk-inserted with the batch's new entities.
 * A create whose entity row holds its payload is logged by reference (see take).
 */
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { insertRows } from '../storage/multiRow';
import { settleAll } from '../storage/settle';
import type { Queryable, RowSet } from '../storage/types';
import type { HoldCreatePayload } from './entities/batchEntities';
import type { JsonText, KnownJson } from './jsonReuse';

/** Bulk-inserted with the batch's new entities (binary COPY on PostgreSQL). */
const LOG_COLUMNS = {
  table: 'mutations',
  columns: [
    'device_id',
    'seq',
    'mutation_id',
    'entity',
    'entity_id',
    'op',
    'base_server_seq',
    'changes',
    'hlc',
    'status',
    'result',
    'server_seq',
  ],
  types: [
    'uuid',
    'int8',
    'uuid',
    'text',
    'text',
    'text',
    'int8',
    'json',
    'text',
    'text',
    'json',
    'int8',
  ],
} as const;

const CHANGES = 7;

/** A queued create whose payload its new entity row may hold (see take). */
interface RefCandidate {
  row: unknown[];
  entity: string;
  id: string;
  serverSeq: number;
}

export class MutationLog {
  private rows: unknown[][] = [];
  private candidates: RefCandidate[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly deviceId: string,
    /** JSON texts already made for this batch (see jsonReuse.ts). */
    private readonly known: KnownJson = new WeakMap(),
  ) {}

  /** `changes` were sent as exactly this JSON text (a prepared create: pushInput.ts). */
  sentAs(changes: object, text: JsonText): void {
    this.known.set(changes, text);
  }

  get queued(): number {
    return this.rows.length;
  }

  add(m: Mutation, result: MutationResult): void {
    // Known: the create's data was stored as the document's data, the same JSON (jsonReuse.ts).
    const known = this.known.get(m.changes);
    const row = [
      this.deviceId,
      m.seq,
      m.mutationId,
      m.entity,
      m.entityId,
      m.op,
      m.baseServerSeq,
      known ?? JSON.stringify(m.changes),
      m.hlc,
      result.status,
      JSON.stringify(result),
      result.status === 'rejected' ? null : result.serverSeq,
    ];
    this.rows.push(row);
    if (
      known !== undefined &&
      m.op === 'create' &&
      result.status === 'applied' &&
      typeof result.serverSeq === 'number'
    )
      this.candidates.push({ row, entity: m.entity, id: m.entityId, serverSeq: result.serverSeq });
  }

  /**
   * Takes the queued rows out, as a row set for a bulk insert. With `hold` (the entity rows
   * written in the same statement, see BatchEntities.take): a create whose new entity row holds
   * its payload is logged by reference, `changes` NULL (storage/sql/007_create_payload_ref.ts).
   */
  take(hold?: HoldCreatePayload): RowSet {
    const rows = this.rows;
    const candidates = this.candidates;
    this.rows = [];
    this.candidates = [];
    if (hold)
      for (const c of candidates) if (hold(c.entity, c.id, c.serverSeq)) c.row[CHANGES] = null;
    return { ...LOG_COLUMNS, rows };
  }

  /** Sends the queued rows (in call order, like BatchEntities.flush); settles when written. */
  flush(): Promise<void> {
    return settleAll(insertRows(this.tx, [this.take()]));
  }
}
