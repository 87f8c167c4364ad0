/**
 * The server sequence: one counter row, locked FOR UPDATE by every transaction that changes
 * synced data, and released only when that transaction commits or rolls back.
 *
 * Why a locked counter and not a sequence/bigserial: sequence values are handed out at insert
 * time, so a transaction that took seq 10 can commit after one that took seq 11; a client
 * pulling "after 11" in between would skip 10 forever. With the row lock, writers take turns,
 * so seqs become visible in exactly the order they were assigned, and a reader that sees seq N
 * has also seen every seq below N. The cost is that sync writes are serialized — fine for the
 * volumes of a provincial bureau (thousands of batches a year), and a batch is one short
 * transaction. A rolled-back batch releases the lock without consuming any number.
 */
import type { Queryable } from '../storage/types';
import { num } from '../storage/types';

export interface SeqAllocator {
  /** The highest seq committed before this transaction. */
  readonly start: number;
  /** The server epoch, read under the same lock (it is the counter's row). */
  readonly epoch: string;
  next(): number;
  /** The highest seq handed out so far (start if none). */
  current(): number;
  /** Writes the counter back; call before commit. */
  save(): Promise<void>;
}

export async function allocateSeqs(tx: Queryable): Promise<SeqAllocator> {
  const { rows } = await tx.query<{ last_seq: unknown; epoch: string }>(
    'SELECT last_seq, epoch FROM sync_state WHERE id = 1 FOR UPDATE',
  );
  const row = rows[0];
  if (!row) throw new Error('sync_state row missing');
  return seqsFrom(tx, row);
}

/**
 * The allocator over a counter row this transaction has locked FOR UPDATE (by allocateSeqs, or
 * by a caller that locks it together with other rows in one statement: sync/push.ts).
 */
export function seqsFrom(tx: Queryable, row: { last_seq: unknown; epoch: string }): SeqAllocator {
  const start = num(row.last_seq);
  let current = start;
  return {
    start,
    epoch: row.epoch,
    next: () => ++current,
    current: () => current,
    async save() {
      if (current !== start)
        await tx.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [current]);
    },
  };
}
