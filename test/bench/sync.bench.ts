/**
 * Sync benchmark (`npm run bench:sync`): Fieldcheck's push and pull over loopback HTTP against
 * PostgreSQL (when DATABASE_URL is set) and embedded PGlite, many devices pushing at once, and
 * PouchDB replicating the same documents to pouchdb-server, in one run. Prints a table, the
 * Fieldcheck/PouchDB ratios and the targets: push to PostgreSQL ≥ 10,000 records/s and ≥ 5×
 * PouchDB's replication rate.
 *
 * Settings (environment):
 *   BENCH_SIZES=10000,100000   records per push/pull run
 *   BENCH_PGLITE_MAX=100000    largest size run on PGlite
 *   BENCH_POUCH_MAX=100000     largest size replicated with PouchDB
 *   BENCH_DEVICES=100 BENCH_DEVICE_BATCHES=10 BENCH_DEVICE_BATCH=100   concurrent scenario
 *   BENCH_CONCURRENT_PGLITE=1  also run the concurrent scenario on PGlite (0 to skip)
 *   BENCH_POUCH_BATCH=         PouchDB replication batch_size (default: PouchDB's own, 100)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { concurrentPush, pushThenPull, BATCH, PULL_LIMIT } from './syncFieldcheck';
import { makeRecords } from './syncData';
import { POUCH_BATCH, pouchReplicate } from './syncPouch';
import { printTable, rate, type BenchRow } from './syncStats';
import type { StorageKind } from './syncStorage';

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const PGLITE_MAX = envInt('BENCH_PGLITE_MAX', 100_000);
const POUCH_MAX = envInt('BENCH_POUCH_MAX', 100_000);
const DEVICES = envInt('BENCH_DEVICES', 100);
const DEVICE_BATCHES = envInt('BENCH_DEVICE_BATCHES', 10);
const DEVICE_BATCH = envInt('BENCH_DEVICE_BATCH', 100);
const CONCURRENT_PGLITE = process.env.BENCH_CONCURRENT_PGLITE !== '0';
/** createdBy of the PouchDB documents; the Fieldcheck server sets its own user id. */
const POUCH_AUTHOR = '01900000-0000-7000-8000-000000000001';

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  process.stdout.write(`… ${label}`);
  const t0 = performance.now();
  const out = await fn();
  console.log(` (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return out;
}

function verdicts(rows: readonly BenchRow[]): void {
  const find = (scenario: string, system: string) =>
    rows.find((r) => r.scenario === scenario && r.system === system);
  console.log('');
  for (const size of SIZES) {
    const n = size.toLocaleString('en-US');
    for (const dir of ['push', 'pull']) {
      const pouch = find(`${dir} ${n}`, 'PouchDB→pouchdb-server');
      if (!pouch) continue;
      for (const kind of ['postgres', 'pglite'] as StorageKind[]) {
        const fc = find(`${dir} ${n}`, `Fieldcheck/${kind}`);
        if (fc)
          console.log(
            `${dir} ${n}: Fieldcheck/${kind} ÷ PouchDB = ${(rate(fc) / rate(pouch)).toFixed(1)}×`,
          );
      }
    }
  }
  const pgPush = rows.filter(
    (r) => r.system === 'Fieldcheck/postgres' && r.scenario.startsWith('push'),
  );
  if (pgPush.length === 0) {
    console.log('\nDATABASE_URL not set: PostgreSQL targets not measured.');
    return;
  }
  console.log('');
  for (const r of pgPush) {
    const pouch = find(r.scenario, 'PouchDB→pouchdb-server');
    const fast = rate(r) >= 10_000;
    const ratio = pouch ? rate(r) / rate(pouch) : NaN;
    console.log(
      `target ${r.scenario} to PostgreSQL ≥ 10,000 records/s: ${Math.round(rate(r)).toLocaleString('en-US')} ${fast ? 'PASS' : 'FAIL'}` +
        (pouch ? `; ≥ 5× PouchDB: ${ratio.toFixed(1)}× ${ratio >= 5 ? 'PASS' : 'FAIL'}` : ''),
    );
  }
}

async function main(): Promise<void> {
  const kinds: StorageKind[] = process.env.DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `sync benchmark: ${os.cpus().length} CPUs, load ${load()}, Node ${process.version}; storages: ${kinds.join(', ')}; ` +
      `push batches of ${BATCH}, pull pages of ${PULL_LIMIT}, PouchDB batch_size ${POUCH_BATCH ?? 'default (100)'}`,
  );
  const rows: BenchRow[] = [];
  for (const size of SIZES) {
    const records = await step(`generating ${size} spot-check records`, async () =>
      makeRecords(size, 20140601 + size, POUCH_AUTHOR),
    );
    for (const kind of kinds) {
      if (kind === 'pglite' && size > PGLITE_MAX) continue;
      rows.push(
        ...(await step(`Fieldcheck ${kind} push+pull ${size}`, () => pushThenPull(kind, records))),
      );
    }
    if (size <= POUCH_MAX)
      rows.push(
        ...(await step(`PouchDB replicate ${size}`, () => pouchReplicate(records, POUCH_AUTHOR))),
      );
  }
  for (const kind of kinds) {
    if (kind === 'pglite' && !CONCURRENT_PGLITE) continue;
    rows.push(
      await step(`Fieldcheck ${kind} ${DEVICES} concurrent devices`, () =>
        concurrentPush(kind, DEVICES, DEVICE_BATCHES, DEVICE_BATCH),
      ),
    );
  }
  console.log(
    `\nload average at the end: ${load()} (other work on the machine lowers every figure)\n`,
  );
  printTable(rows);
  verdicts(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
