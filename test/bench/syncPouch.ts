/**
 * The PouchDB baseline: the same spot-check documents in a local PouchDB (pouchdb-node,
 * leveldb), replicated to pouchdb-server over loopback HTTP, then replicated from it into a
 * fresh local database. The server runs in a child process (syncPouchServer.ts), so PouchDB's
 * client and server each get their own event loop.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import PouchDB from 'pouchdb-node';
import { makeRecords, storedDoc, WARM_UP_RECORDS, type BenchRecord } from './syncData';
import type { BenchRow } from './syncStats';

type PouchDatabase = InstanceType<typeof PouchDB>;

/**
 * `PouchDB.replicate(local, remote)` as people call it: PouchDB's own defaults (batch_size 100,
 * batches_limit 10) unless BENCH_POUCH_BATCH sets a batch size.
 */
export const POUCH_BATCH: number | null = process.env.BENCH_POUCH_BATCH
  ? Number(process.env.BENCH_POUCH_BATCH)
  : null;
const LOAD_CHUNK = 1000;

async function startPouchServer(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, 'syncPouchServer.ts'), [dir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`pouchdb-server exited (${code})`)));
  });
  return { child, port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
}

/** Another inspector, for the warm-up's records. */
const WARM_UP_USER = '01900000-0000-7000-8000-0000000000ff';

/** A local PouchDB holding `records` as the app would store them. */
async function loaded(
  dir: string,
  records: readonly BenchRecord[],
  createdBy: string,
): Promise<PouchDatabase> {
  const db = new PouchDB(dir);
  for (let i = 0; i < records.length; i += LOAD_CHUNK) {
    const res = await db.bulkDocs(
      records.slice(i, i + LOAD_CHUNK).map((r) => storedDoc(r, createdBy)),
    );
    if (res.some((r) => !r.ok)) throw new Error('PouchDB bulkDocs failed');
  }
  return db;
}

export async function pouchReplicate(
  records: readonly BenchRecord[],
  createdBy: string,
): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-pouchbench-'));
  const { child, port } = await startPouchServer(path.join(dir, 'server'));
  try {
    fs.mkdirSync(path.join(dir, 'server'), { recursive: true });
    const opts = POUCH_BATCH ? { batch_size: POUCH_BATCH } : {};
    // Not timed, like the Fieldcheck server's (syncFieldcheck.ts): another user's records into
    // another database of the same server.
    const warm = await loaded(
      path.join(dir, 'warm-up'),
      makeRecords(WARM_UP_RECORDS, 7, WARM_UP_USER),
      WARM_UP_USER,
    );
    const warmRemote = new PouchDB(`http://127.0.0.1:${port}/warmup`);
    const warmed = await PouchDB.replicate(warm, warmRemote, opts);
    if (warmed.docs_written !== WARM_UP_RECORDS) throw new Error('PouchDB warm-up failed');
    await Promise.all([warm.close(), warmRemote.close()]);

    const local = await loaded(path.join(dir, 'local'), records, createdBy);
    const remote = new PouchDB(`http://127.0.0.1:${port}/spotchecks`);

    const t0 = performance.now();
    const up = await PouchDB.replicate(local, remote, opts);
    const t1 = performance.now();
    if (up.docs_written !== records.length || up.doc_write_failures > 0)
      throw new Error(`PouchDB push wrote ${up.docs_written}`);

    const fresh = new PouchDB(path.join(dir, 'pulled'));
    const t2 = performance.now();
    const down = await PouchDB.replicate(remote, fresh, opts);
    const t3 = performance.now();
    if (down.docs_written !== records.length)
      throw new Error(`PouchDB pull wrote ${down.docs_written}`);
    await Promise.all([local.close(), remote.close(), fresh.close()]);

    const n = records.length.toLocaleString('en-US');
    const system = `PouchDB→pouchdb-server`;
    return [
      { scenario: `push ${n}`, system, records: records.length, seconds: (t1 - t0) / 1000 },
      { scenario: `pull ${n}`, system, records: records.length, seconds: (t3 - t2) / 1000 },
    ];
  } finally {
    await stop(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
