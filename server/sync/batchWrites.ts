/**
 * The writes of one push batch: entity rows (entities/batchEntities.ts) and push-log rows
 * (mutationLog.ts) are queued while mutations are applied and sent a chunk at a time (new rows of
 * both tables in one bulk insert, then any entity UPDATEs), so the database stores one chunk
 * while the server prepares the next.
 *
 * Order is kept: `raw` must run statements in call order (storage/serial.ts), and `tx` (what
 * handlers get) sends and waits for everything queued before any statement of its own, so a
 * handler's query sees every earlier write of the batch.
 */
import { CHUNK_ROWS, insertRows } from '../storage/multiRow';
import { settleAll } from '../storage/settle';
import type { Queryable, QueryOptions } from '../storage/types';
import type { SeqAllocator } from './counter';
import { BatchEntities } from './entities/batchEntities';
import type { KnownJson } from './jsonReuse';
import { MutationLog } from './mutationLog';

/**
 * Mutations between turns of the event loop. The connection hands the next chunk to the database
 * only when the loop runs (after the previous one's answer came in), so turns come more often
 * than chunks: the database waits less between chunks.
 */
const YIELD_EVERY = 20;

/**
 * Rows in a batch's first chunk (the later ones have CHUNK_ROWS). The database cannot start on a
 * batch before its first chunk arrives, and it takes longer per row than the server takes to
 * prepare one, so a small first chunk starts it sooner and the server stays ahead of it from
 * then on. Measured on 2 cores (500-record batches): 73–74 ms a batch against 77–78 ms with a
 * first chunk of 250.
 */
const FIRST_CHUNK_ROWS = 50;

/** SQL that may change `entities` behind the batch's cache (anything but a plain SELECT). */
const writesEntities = (sql: string) => !/^\s*select\b/i.test(sql) && /\bentities\b/i.test(sql);

export class BatchWrites {
  readonly entities: BatchEntities;
  readonly log: MutationLog;
  /** The transaction for handlers' own SQL. */
  readonly tx: Queryable;
  private inFlight: Promise<unknown>[] = [];
  private sinceYield = 0;
  private chunksSent = 0;

  constructor(
    private readonly raw: Queryable,
    seqs: SeqAllocator,
    deviceId: string,
  ) {
    const known: KnownJson = new WeakMap();
    this.entities = new BatchEntities(raw, seqs, known);
    this.log = new MutationLog(raw, deviceId, known);
    this.tx = {
      query: async <T>(sql: string, params?: readonly unknown[], opts?: QueryOptions) => {
        await this.settle();
        const out = await raw.query<T>(sql, params, opts);
        if (writesEntities(sql)) this.entities.invalidate();
        return out;
      },
    };
  }

  /**
   * After each mutation: once a chunk has built up, send it; every few mutations, give the event
   * loop a turn so the connection hands what is queued to the database while work goes on.
   */
  async pace(): Promise<void> {
    this.sinceYield++;
    if (this.log.queued >= (this.chunksSent === 0 ? FIRST_CHUNK_ROWS : CHUNK_ROWS)) this.send();
    else if (this.sinceYield < YIELD_EVERY) return;
    this.sinceYield = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Sends everything queued and waits until all of it is written (rejects on the first error). */
  async settle(): Promise<void> {
    this.send();
    const all = this.inFlight;
    this.inFlight = [];
    await settleAll(all);
  }

  /**
   * New entity rows and push-log rows go together in one bulk insert (one round trip on
   * PostgreSQL), then the entity UPDATEs. A create's payload is logged by reference when its
   * entity row, written in the same statement, holds it (mutationLog.ts take).
   */
  private send(): void {
    if (this.log.queued > 0 || this.entities.queued > 0) this.chunksSent++;
    const { inserts, updates, hold } = this.entities.take();
    const sent = [
      ...insertRows(this.raw, [inserts, this.log.take(hold)]),
      ...this.entities.sendUpdates(updates),
    ];
    for (const p of sent) {
      // Handled here so a failure before settle() is not an unhandled rejection; settle() reports it.
      p.catch(() => undefined);
      this.inFlight.push(p);
    }
  }
}
