/**
 * Store benchmark: 100k enterprises and 100k spot checks in a temp data dir, then timings of
 * the operations an inspector waits on. Run with `npm run bench:store`.
 * Targets: two-character search p95 < 50 ms; a save within 3x of a raw durable insert.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openCore } from '../../core';
import { openStore } from '../../db/store';
import type { Result } from '../../shared/api/result';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { SpotCheckRecord } from '../../shared/schemas/spotCheck';
import { def, makeEnterprise, makeSpotCheck, rng } from './seedData';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = 10_000;
const ITER = Number(process.env.BENCH_ITER ?? 200);

interface Stat {
  name: string;
  median: number;
  p95: number;
  n: number;
}

function stats(name: string, samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
  return { name, median: at(0.5), p95: at(0.95), n: s.length };
}

async function time(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function main(): Promise<void> {
  // BENCH_DIR keeps the seeded data between runs (for profiling); by default a temp dir is used.
  const keep = process.env.BENCH_DIR;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-bench-'));
  const reuse = keep !== undefined && fs.existsSync(path.join(dir, 'fieldcheck.db'));
  console.log(`data dir: ${dir}; rows: ${N} enterprises + ${N} spot checks`);
  const r = rng(20140601);

  // Seed through the repositories (real search index), 10k rows per transaction.
  if (reuse) {
    console.log('reusing seeded data');
  } else {
    await seed(dir, r);
  }
  await measure(dir);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

async function seed(dir: string, r: () => number): Promise<void> {
  const t0 = performance.now();
  const store = openStore({ dataDir: dir });
  const createdBy = '01900000-0000-7000-8000-000000000001';
  const base = Date.UTC(2024, 0, 1);
  const at = (i: number) => new Date(base + i * 60_000).toISOString();
  const units: Enterprise[] = [];
  for (let start = 0; start < N; start += BATCH) {
    store.db.transaction(() => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const e = makeEnterprise(r, i, at(i));
        store.enterprises.insert(e);
        if (units.length < 20_000) units.push(e);
      }
    })();
  }
  const t1 = performance.now();
  for (let start = 0; start < N; start += BATCH) {
    store.db.transaction(() => {
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const rec = makeSpotCheck(
          r,
          i,
          def(units[Math.floor(r() * units.length)]),
          createdBy,
          at(i),
        );
        store.spotChecks.insert(rec);
      }
    })();
  }
  const t2 = performance.now();
  store.close();
  console.log(
    `seeded enterprises in ${((t1 - t0) / 1000).toFixed(1)} s, spot checks in ${((t2 - t1) / 1000).toFixed(1)} s; ` +
      `db ${(fs.statSync(path.join(dir, 'fieldcheck.db')).size / 1e6).toFixed(0)} MB`,
  );
}

/**
 * The seeded records belong to the inspector who measures: only a record's owner may save it,
 * so the rows written in bulk are handed to the profile set up here.
 */
async function ownSeededRecords(dir: string): Promise<void> {
  const setup = openCore({ dataDir: dir, shell: 'browser' });
  const d = <M extends ApiMethod>(m: M, input: ApiInput<M>) =>
    setup.dispatch(m, input) as Promise<Result<ApiOutput<M>>>;
  const profile =
    must(await d('profile.get', {})) ??
    must(
      await d('profile.setup', {
        name: '张三',
        credentialNumber: 'LN-2101-0001',
        unitName: '沈阳市市场监督管理局',
        regionCode: '210100',
      }),
    );
  await setup.shutdown();
  const db = new Database(path.join(dir, 'fieldcheck.db'));
  db.prepare('UPDATE spot_checks SET created_by = ? WHERE created_by <> ?').run(
    profile.id,
    profile.id,
  );
  db.close();
}

async function measure(dir: string): Promise<void> {
  await ownSeededRecords(dir);
  const core = openCore({ dataDir: dir, shell: 'browser' });
  const d = <M extends ApiMethod>(m: M, input: ApiInput<M>) =>
    core.dispatch(m, input) as Promise<Result<ApiOutput<M>>>;
  const draftIds = must(
    await d('spotCheck.list', {
      statuses: ['draft'],
      limit: 500,
      sort: 'recordNumber',
      dir: 'asc',
    }),
  ).rows.map((x) => x.id);
  const results: Stat[] = [];

  // Saves: each is one durable transaction (record + audit entry [+ search index]).
  const records = new Map<string, SpotCheckRecord>();
  for (const id of draftIds.slice(0, ITER * 2)) {
    records.set(id, must(await d('spotCheck.get', { id })).record);
  }
  const ids = [...records.keys()];
  const saveOnce = async (id: string, edit: (x: SpotCheckRecord, i: number) => void, i: number) => {
    const rec = def(records.get(id));
    edit(rec, i);
    const saved = must(
      await d('spotCheck.saveDraft', { id, expectedRevision: rec.revision, data: rec.data }),
    );
    records.set(id, saved);
  };
  // Raw baseline: the same JSON row, same pragmas, one transaction per insert. Saves and raw
  // inserts alternate so disk and machine noise hit both alike.
  fs.rmSync(path.join(dir, 'raw.db'), { force: true });
  const raw = new Database(path.join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE raw_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
  const ins = raw.prepare('INSERT INTO raw_rows (id, data) VALUES (?, ?)');
  const rawJson = JSON.stringify(def(records.get(def(ids[0]))).data);
  const rawTimes: number[] = [];
  const rawInsert = async (i: number) => {
    const t0 = performance.now();
    raw.transaction(() => ins.run(`raw-${i}`, rawJson))();
    rawTimes.push(performance.now() - t0);
  };
  const saveRemarks: number[] = [];
  const saveIndexed: number[] = [];
  for (let i = 0; i < ITER; i++) {
    saveRemarks.push(
      ...(await time(1, () =>
        saveOnce(
          def(ids[i % ids.length]),
          (x) => (x.data.sample.remarks = `备注 ${i} ${Date.now()}`),
          i,
        ),
      )),
    );
    await rawInsert(2 * i);
    saveIndexed.push(
      ...(await time(1, () =>
        saveOnce(
          def(ids[(ITER + i) % ids.length]),
          (x) => (x.data.sample.batchNumber = `B${i}-${Date.now()}`),
          i,
        ),
      )),
    );
    await rawInsert(2 * i + 1);
  }
  raw.close();
  results.push(stats('save draft (non-indexed field)', saveRemarks));
  results.push(stats('save draft (searchable field)', saveIndexed));
  results.push(stats('raw insert (baseline)', rawTimes));

  results.push(
    stats(
      'read by id (spotCheck.get)',
      await time(ITER, (i) => d('spotCheck.get', { id: def(ids[i % ids.length]) })),
    ),
  );

  for (const q of ['奶粉', '水泥', '钢筋']) {
    const page = must(await d('spotCheck.list', { q, limit: 50 }));
    const s = stats(
      `search "${q}" (${page.total} hits, first 50)`,
      await time(ITER, () => d('spotCheck.list', { q, limit: 50 })),
    );
    results.push(s);
  }
  results.push(
    stats(
      'search single char "粉"',
      await time(50, () => d('spotCheck.list', { q: '粉', limit: 50 })),
    ),
  );
  results.push(
    stats(
      'search enterprises "乳业"',
      await time(ITER, () => d('enterprise.list', { q: '乳业', limit: 50 })),
    ),
  );
  results.push(
    stats(
      'list first page (updatedAt desc)',
      await time(ITER, () => d('spotCheck.list', { limit: 50 })),
    ),
  );
  results.push(
    stats(
      'list deep page offset 50000',
      await time(ITER, () => d('spotCheck.list', { limit: 50, offset: 50_000 })),
    ),
  );
  results.push(
    stats(
      'list deep page by sampleName asc',
      await time(ITER, () =>
        d('spotCheck.list', { limit: 50, offset: 50_000, sort: 'sampleName', dir: 'asc' }),
      ),
    ),
  );
  results.push(
    stats(
      'list filtered (status+region+date)',
      await time(ITER, () =>
        d('spotCheck.list', {
          limit: 50,
          statuses: ['submitted'],
          regionCode: '210200',
          dateFrom: '2024-06-01',
          dateTo: '2025-06-01',
        }),
      ),
    ),
  );
  core.close();

  console.log('');
  console.log(
    `${'operation'.padEnd(44)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'n'.padStart(5)}`,
  );
  for (const s of results) {
    console.log(
      `${s.name.padEnd(44)} ${s.median.toFixed(2).padStart(10)} ${s.p95.toFixed(2).padStart(10)} ${String(s.n).padStart(5)}`,
    );
  }
  const rawMedian = stats('', rawTimes).median;
  const searchP95 = Math.max(
    ...results.filter((s) => s.name.startsWith('search "')).map((s) => s.p95),
  );
  console.log('');
  console.log(
    `save / raw insert (median): non-indexed ${(stats('', saveRemarks).median / rawMedian).toFixed(2)}x, searchable ${(stats('', saveIndexed).median / rawMedian).toFixed(2)}x  (target <= 3x)`,
  );
  console.log(`two-character search p95: ${searchP95.toFixed(2)} ms  (target < 50 ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
