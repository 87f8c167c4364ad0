/**
 * Where a push's time goes: one device pushes BENCH_SIZE records (batches of 500, PUSH_WINDOW in
 * flight) to the server process, and the run reports wall time, the CPU time of the server
 * process, of this process (the benchmark's device) and, on PostgreSQL, of this run's backends
 * (from /proc, Linux only; WAL writer and checkpointer not included), and the server process's
 * CPU time by thread: its main thread, its busiest other thread (the push-reading worker) and
 * the rest (V8's garbage-collection helpers, libuv's pool). With BENCH_PROFILE=<dir>
 * a V8 CPU profile of the server process during the push is written there (open it in Chrome
 * DevTools or summarise it).
 *
 *   DATABASE_URL=... npx tsx test/bench/syncProfile.ts
 *   BENCH_KIND=pglite|postgres (default postgres)  BENCH_SIZE=10000  BENCH_RUNS=3
 *   BENCH_PULL=1  then also pull everything back (pages of 1000) and report that the same way
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TestDevice } from '../../server/testing/harness';
import { makeRecords, pushBodies } from './syncData';
import { BATCH, withServer, type Env } from './syncFieldcheck';
import { pullAll, pushSequential } from './syncHttp';
import { percentile } from './syncStats';
import type { StorageKind } from './syncStorage';

const KIND = (process.env.BENCH_KIND ?? 'postgres') as StorageKind;
const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const PULL = process.env.BENCH_PULL === '1';

/** User + system CPU ticks (1/100 s) from a /proc stat file; 0 if it is gone or absent. */
function statTicks(file: string): number {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by these processes (0 where /proc is absent). */
function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + statTicks(`/proc/${pid}/stat`), 0) / 100;
}

/** CPU ticks so far of each thread of a process, by thread id (empty where /proc is absent). */
function threadTicks(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) out.set(tid, statTicks(`/proc/${pid}/task/${tid}/stat`));
  return out;
}

/** Per-record CPU µs of the main thread, the busiest other thread and all the others. */
function threadLine(pid: number, before: Map<string, number>, n: number): string {
  const after = threadTicks(pid);
  if (after.size === 0) return '';
  // A thread that ended meanwhile reads as 0: nothing to count.
  const used = [...after].map(
    ([tid, t]) => [tid, Math.max(0, t - (before.get(tid) ?? 0))] as const,
  );
  const main = used.find(([tid]) => tid === String(pid))?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== String(pid)).map(([, t]) => t);
  const busiest = Math.max(0, ...others);
  const rest = others.reduce((a, t) => a + t, 0) - busiest;
  const us = (ticks: number) => ((ticks * 1e4) / n).toFixed(0);
  return ` (main thread ${us(main)}, busiest other thread ${us(busiest)}, the rest ${us(rest)})`;
}

/** This run's PostgreSQL backends (its connections carry the schema as application_name). */
async function backendPids(env: Env): Promise<number[]> {
  if (!env.schema || !env.storage) return [];
  const { rows } = await env.storage.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [env.schema],
  );
  return rows.map((r) => r.pid);
}

/** Wall time and CPU time of the server process, this process and the backends, per record. */
async function measure<T>(
  env: Env,
  n: number,
  fn: () => Promise<T>,
): Promise<{ out: T; seconds: number; line: string }> {
  const pids = await backendPids(env);
  const pg0 = cpuSeconds(pids);
  const server0 = cpuSeconds([env.serverPid]);
  const threads0 = threadTicks(env.serverPid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(own0);
  const us = (s: number) => ((s * 1e6) / n).toFixed(0);
  const line =
    `${Math.round(n / seconds).toLocaleString('en-US')} records/s; per record: wall ${us(seconds)} µs, ` +
    `server process CPU ${us(cpuSeconds([env.serverPid]) - server0)} µs` +
    `${threadLine(env.serverPid, threads0, n)}, ` +
    `device (this process) CPU ${us((own.user + own.system) / 1e6)} µs` +
    (env.schema ? `, postgres backends CPU ${us(cpuSeconds(pids) - pg0)} µs` : '');
  return { out, seconds, line };
}

async function main(): Promise<void> {
  const records = makeRecords(SIZE, 20140601 + SIZE, '01900000-0000-7000-8000-000000000001');
  for (let run = 1; run <= RUNS; run++) {
    await withServer(KIND, 1, async (env) => {
      const dev = env.devices[0] as TestDevice;
      const bodies = pushBodies(dev.deviceId, env.epoch, records, BATCH);
      if (PROFILE_DIR) {
        fs.mkdirSync(PROFILE_DIR, { recursive: true });
        await env.profile('start');
      }
      const push = await measure(env, records.length, () =>
        pushSequential(env.url, dev.token, bodies),
      );
      if (PROFILE_DIR)
        await env.profile('stop', path.resolve(PROFILE_DIR, `push-${KIND}-${run}.cpuprofile`));
      if (push.out.applied !== records.length) throw new Error(`pushed ${push.out.applied}`);
      console.log(
        `run ${run}: ${push.line}; batch p50 ${percentile(push.out.latencies, 0.5).toFixed(1)} ms`,
      );
      if (PULL) {
        const pull = await measure(env, records.length, () => pullAll(env.url, dev.token, 1000));
        console.log(`  pull (${records.length} records and the reference rows): ${pull.line}`);
      }
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
