/**
 * Where a push's time goes, for the server path alone: one device pushes BENCH_SIZE records
 * (batches of 500) and the run reports wall time, this process's CPU time (server and the
 * benchmark's fetch client share it) and, on PostgreSQL, the CPU time of this run's
 * backends (from /proc, Linux only; WAL writer and checkpointer not included). With BENCH_PROFILE=<dir> a V8 CPU profile of the push
 * window alone is written there (open it in Chrome DevTools or summarise it).
 *
 *   DATABASE_URL=... npx tsx test/bench/syncProfile.ts
 *   BENCH_KIND=pglite|postgres (default postgres)  BENCH_SIZE=10000  BENCH_RUNS=3
 *   BENCH_PULL=1  then also pull everything back (pages of 1000) and report that the same way
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { enroll } from '../../server/testing/harness';
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

/** CPU seconds used so far by these processes (0 where /proc is absent). */
function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // ended meanwhile, or no /proc
    }
  }
  return ticks / 100;
}

/** This run's PostgreSQL backends (its connections carry the schema as application_name). */
async function backendPids(env: Env): Promise<number[]> {
  if (!env.schema) return [];
  const { rows } = await env.storage.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [env.schema],
  );
  return rows.map((r) => r.pid);
}

async function main(): Promise<void> {
  const records = makeRecords(SIZE, 20140601 + SIZE, '01900000-0000-7000-8000-000000000001');
  const session = PROFILE_DIR ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
  }
  for (let run = 1; run <= RUNS; run++) {
    await withServer(KIND, async (env) => {
      const dev = await enroll(env.storage, env.org.inspectorA, 'profiled laptop');
      const bodies = pushBodies(dev.deviceId, env.epoch, records, BATCH);
      if (session) await session.post('Profiler.start');
      const pids = await backendPids(env);
      const pg0 = cpuSeconds(pids);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const push = await pushSequential(env.server.url, dev.token, bodies);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const pg = cpuSeconds(pids) - pg0;
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        fs.mkdirSync(PROFILE_DIR as string, { recursive: true });
        const file = path.join(PROFILE_DIR as string, `push-${KIND}-${run}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
      }
      if (push.applied !== records.length) throw new Error(`pushed ${push.applied}`);
      const us = (s: number) => ((s * 1e6) / records.length).toFixed(0);
      console.log(
        `run ${run}: ${Math.round(records.length / seconds).toLocaleString('en-US')} records/s; ` +
          `per record: wall ${us(seconds)} µs, node CPU ${us((cpu.user + cpu.system) / 1e6)} µs ` +
          `(user ${us(cpu.user / 1e6)}, sys ${us(cpu.system / 1e6)})` +
          (KIND === 'postgres' ? `, postgres backends CPU ${us(pg)} µs` : '') +
          `; batch p50 ${percentile(push.latencies, 0.5).toFixed(1)} ms`,
      );
      if (PULL) {
        const p0 = cpuSeconds(pids);
        const c0 = process.cpuUsage();
        const t1 = performance.now();
        const pulled = await pullAll(env.server.url, dev.token, 1000);
        const s = (performance.now() - t1) / 1000;
        const c = process.cpuUsage(c0);
        const n = Object.values(pulled.byEntity).reduce((a, b) => a + b, 0);
        const per = (x: number) => ((x * 1e6) / n).toFixed(0);
        console.log(
          `  pull: ${Math.round(n / s).toLocaleString('en-US')} records/s; per record: wall ${per(s)} µs, ` +
            `node CPU ${per((c.user + c.system) / 1e6)} µs` +
            (KIND === 'postgres' ? `, postgres backends CPU ${per(cpuSeconds(pids) - p0)} µs` : ''),
        );
      }
    });
  }
  session?.disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
