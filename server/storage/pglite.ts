/**
 * Embedded PostgreSQL (PGlite, WASM) in a worker thread. Why a worker: PGlite runs queries as
 * synchronous WASM on the thread that owns it, so on the main thread a slow query would stall
 * every HTTP request; and PGlite loads parts of itself with dynamic import(), which some
 * hosts (jest's module sandbox) cannot do, while a worker is always a plain Node context.
 *
 * PGlite is one session, so this adapter serializes work: a transaction holds the session
 * from BEGIN to COMMIT/ROLLBACK and other queries wait their turn.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { copyStatement, encodeRows } from './copyBinary';
import type { Queryable, QueryResult, RowSet, Storage, TransactionOptions } from './types';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.module);
const fs = require('node:fs');
let db;
const ready = (async () => {
  // Options in one object: PGlite ignores a second argument when the first is undefined.
  const opts = workerData.dataDir ? { dataDir: workerData.dataDir } : {};
  if (workerData.template) opts.loadDataDir = new Blob([fs.readFileSync(workerData.template)]);
  db = new PGlite(opts);
  await db.waitReady;
})();
parentPort.on('message', async (msg) => {
  try {
    await ready;
    let result = null;
    if (msg.op === 'query') {
      const r = await db.query(msg.sql, msg.params);
      result = { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    } else if (msg.op === 'copy') {
      // Binary COPY from the data sent along (PGlite reads it as '/dev/blob'), in order.
      let rowCount = 0;
      for (const c of msg.copies) {
        const r = await db.query(c.sql, [], { blob: new Blob([c.data]) });
        rowCount += r.affectedRows ?? 0;
      }
      result = { rows: [], rowCount };
    } else if (msg.op === 'exec') {
      await db.exec(msg.sql);
    } else if (msg.op === 'dump') {
      const tar = await db.dumpDataDir('none');
      fs.writeFileSync(msg.file, Buffer.from(await tar.arrayBuffer()));
    } else if (msg.op === 'close') {
      if (!db.closed) await db.close();
    }
    parentPort.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    const e = err || {};
    parentPort.postMessage({ id: msg.id, ok: false, error: { message: String(e.message || e), code: e.code, detail: e.detail, constraint: e.constraint, name: e.name } });
  }
});
`;

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string; code?: string; detail?: string; constraint?: string; name?: string };
}

/** Runs tasks one at a time, in call order. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface PgliteStorage extends Storage {
  /** Writes the whole data directory as a tar file, a template for openPglite's `template`. */
  dumpDataDir(file: string): Promise<void>;
}

/** A data directory that already holds a database (PostgreSQL writes PG_VERSION at initdb). */
function holdsDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * @param dataDir a directory for a persistent database, or undefined for in-memory
 * @param template a data directory dumped with dumpDataDir: a new database starts as a copy of
 *   it instead of running initdb, which takes PGlite about 5 s of WASM (most server tests start
 *   a database of their own). Ignored when dataDir already holds a database.
 */
export async function openPglite(dataDir?: string, template?: string): Promise<PgliteStorage> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const fromTemplate = template && !(dataDir && holdsDatabase(dataDir)) ? template : null;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: require.resolve('@electric-sql/pglite'),
      dataDir: dataDir ?? null,
      template: fromTemplate,
    },
  });
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  let nextId = 1;
  let dead: Error | null = null;
  const failAll = (err: Error) => {
    dead = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (msg: Reply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(Object.assign(new Error(msg.error?.message ?? 'PGlite error'), msg.error ?? {}));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (${code})`)));

  const send = (msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<unknown> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...msg, id }, transfer);
    });
  };
  const rawQuery = async <T>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<QueryResult<T>> =>
    (await send({ op: 'query', sql, params: [...params] })) as QueryResult<T>;

  /** Bulk inserts as binary COPY in the worker (see copyBinary.ts); the data moves, not copied. */
  const insertRows = async (sets: readonly RowSet[]): Promise<void> => {
    const copies = sets
      .filter((set) => set.rows.length > 0)
      .map((set) => ({ sql: copyStatement(set, "'/dev/blob'"), data: encodeRows(set) }));
    if (copies.length === 0) return;
    // encodeRows returns buffers with an ArrayBuffer of their own, so they can be transferred.
    await send(
      { op: 'copy', copies },
      copies.map((c) => c.data.buffer as ArrayBuffer),
    );
  };

  const queue = new Queue();
  const session: Queryable = { query: rawQuery, insertRows };
  try {
    await queue.run(() => rawQuery('SELECT 1'));
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  return {
    kind: 'pglite',
    query: <T>(sql: string, params?: readonly unknown[]) =>
      queue.run(() => rawQuery<T>(sql, params)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>, o: TransactionOptions = {}): Promise<T> {
      return queue.run(async () => {
        await rawQuery(o.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        try {
          const out = await fn(session);
          await rawQuery('COMMIT');
          return out;
        } catch (err) {
          await rawQuery('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
    },
    exec: (sql: string) => queue.run(async () => void (await send({ op: 'exec', sql }))),
    dumpDataDir: (file: string) => queue.run(async () => void (await send({ op: 'dump', file }))),
    async close(): Promise<void> {
      if (dead) return;
      await queue.run(() => send({ op: 'close' })).catch(() => undefined);
      await worker.terminate();
    },
  };
}
