/**
 * The `mutations` rows of a push batch (what each device sent and what came of it: the replay
 * record), queued while the batch is applied and written in multi-row INSERTs.
 */
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { sendRows, type MultiRowStatement } from '../storage/multiRow';
import { settleAll } from '../storage/settle';
import type { Queryable } from '../storage/types';

const INSERT: MultiRowStatement = {
  tag: 'mutations_insert',
  sql: `INSERT INTO mutations (device_id, seq, mutation_id, entity, entity_id, op, base_server_seq, changes, hlc, status, result, server_seq) VALUES %VALUES%`,
  casts: [
    '::uuid',
    '::bigint',
    '::uuid',
    '',
    '',
    '',
    '::bigint',
    '::json',
    '',
    '',
    '::json',
    '::bigint',
  ],
};

export class MutationLog {
  private rows: unknown[][] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly deviceId: string,
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
      JSON.stringify(m.changes),
      m.hlc,
      result.status,
      JSON.stringify(result),
      result.status === 'rejected' ? null : result.serverSeq,
    ]);
  }

  /** Sends the queued rows (in call order, like BatchEntities.flush); settles when written. */
  flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    return settleAll(sendRows(this.tx, INSERT, rows));
  }
}
