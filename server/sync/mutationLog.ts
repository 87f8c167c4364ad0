/**
 * The `mutations` rows of a push batch (what each device sent and what came of it: the replay
 * record), queued while the batch is applied and written in multi-row INSERTs.
 */
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { insertRows } from '../storage/multiRow';
import { settleAll } from '../storage/settle';
import type { Queryable, RowSet } from '../storage/types';
import type { KnownJson } from './jsonReuse';

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

export class MutationLog {
  private rows: unknown[][] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly deviceId: string,
    /** JSON texts already made for this batch (see jsonReuse.ts). */
    private readonly known: KnownJson = new WeakMap(),
  ) {}

  get queued(): number {
    return this.rows.length;
  }

  add(m: Mutation, result: MutationResult): void {
    this.rows.push([
      this.deviceId,
      m.seq,
      m.mutationId,
      m.entity,
      m.entityId,
      m.op,
      m.baseServerSeq,
      this.known.get(m.changes) ?? JSON.stringify(m.changes),
      m.hlc,
      result.status,
      JSON.stringify(result),
      result.status === 'rejected' ? null : result.serverSeq,
    ]);
  }

  /** Takes the queued rows out, as a row set for a bulk insert. */
  take(): RowSet {
    const rows = this.rows;
    this.rows = [];
    return { ...LOG_COLUMNS, rows };
  }

  /** Sends the queued rows (in call order, like BatchEntities.flush); settles when written. */
  flush(): Promise<void> {
    return settleAll(insertRows(this.tx, [this.take()]));
  }
}
