/**
 * Fieldcheck's side of the sync benchmark: the real server in a process of its own
 * (syncServerChild.ts, as `npm run server` runs it) on 127.0.0.1 over fresh storage; the
 * organisation and the devices set up beforehand through the test harness; the devices push and
 * pull over loopback HTTP from this process, like PouchDB's client does against its server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getEpoch } from '../../server/org/epoch';
import { createOrg, enroll, type TestDevice, type TestOrg } from '../../server/testing/harness';
import type { Storage } from '../../server/storage/types';
import { makeRecords, pushBodies, WARM_UP_RECORDS, type BenchRecord } from './syncData';
import { pullAll, pushSequential } from './syncHttp';
import { percentile, type BenchRow } from './syncStats';
import { openBenchStorage, type StorageKind } from './syncStorage';

export const BATCH = 500;
export const PULL_LIMIT = 1000;

/**
 * The server's rate limits for the benchmark: one device sends hundreds of batches in seconds
 * here, far beyond what the defaults allow a real device (config.ts); everything else is the
 * default configuration.
 */
const BENCH_RATE = { FIELDCHECK_RATE_BURST: '100000', FIELDCHECK_RATE_PER_MINUTE: '6000000' };

export interface Env {
  /** The benchmark's own connection (PostgreSQL only: PGlite belongs to the server process). */
  storage: Storage | null;
  /** PostgreSQL: this run's schema and application_name. */
  schema?: string;
  url: string;
  /** The server process. */
  serverPid: number;
  /** Starts, or stops and writes to `file`, a V8 CPU profile of the server process. */
  profile(step: 'start' | 'stop', file?: string): Promise<void>;
  org: TestOrg;
  epoch: string;
  devices: TestDevice[];
}

async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(__dirname, 'syncServerChild.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, ...BENCH_RATE },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`Fieldcheck server exited (${code})`)));
  });
  return { child, url };
}

function profileServer(child: ChildProcess, step: 'start' | 'stop', file?: string): Promise<void> {
  if (step === 'start') {
    child.send({ profile: 'start' });
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const onMessage = (m: { profiled?: string }) => {
      if (m.profiled !== file) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send({ profile: 'stop', file });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
}

/**
 * Fresh storage with the test organisation and `deviceCount` devices of inspector A enrolled
 * (plus one of inspector B for the warm-up), the server process on it, then `fn`.
 */
export async function withServer<T>(
  kind: StorageKind,
  deviceCount: number,
  fn: (env: Env) => Promise<T>,
): Promise<T> {
  const bench = await openBenchStorage(kind);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-syncbench-files-'));
  try {
    const org = await createOrg(bench.storage);
    const epoch = await getEpoch(bench.storage);
    const warm = await enroll(bench.storage, org.inspectorB, 'warm-up');
    const devices: TestDevice[] = [];
    for (let d = 0; d < deviceCount; d++)
      devices.push(await enroll(bench.storage, org.inspectorA, `laptop ${d + 1}`));
    await bench.release();
    const { child, url } = await startServerProcess({
      ...bench.serverEnv,
      FIELDCHECK_SERVER_FILES_DIR: filesDir,
    });
    try {
      await warmUp(url, epoch, warm);
      return await fn({
        storage: kind === 'postgres' ? bench.storage : null,
        ...(bench.schema ? { schema: bench.schema } : {}),
        url,
        serverPid: child.pid as number,
        profile: (step, file) => profileServer(child, step, file),
        org,
        epoch,
        devices,
      });
    } finally {
      await stop(child);
    }
  } finally {
    await bench.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

/**
 * WARM_UP_RECORDS from an inspector of another team first, so JIT and connection set-up are not
 * timed. Their records are outside the measured device's scope, so its pull does not see them.
 */
async function warmUp(url: string, epoch: string, dev: TestDevice): Promise<void> {
  const records = makeRecords(WARM_UP_RECORDS, 7, dev.user.id);
  await pushSequential(url, dev.token, pushBodies(dev.deviceId, epoch, records, BATCH));
}

/** One device pushes `records` in batches of 500 (PUSH_WINDOW in flight), then pulls everything back. */
export async function pushThenPull(
  kind: StorageKind,
  records: readonly BenchRecord[],
): Promise<BenchRow[]> {
  return withServer(kind, 1, async (env) => {
    const dev = env.devices[0] as TestDevice;
    const bodies = pushBodies(dev.deviceId, env.epoch, records, BATCH);
    const t0 = performance.now();
    const push = await pushSequential(env.url, dev.token, bodies);
    const t1 = performance.now();
    if (push.applied !== records.length) throw new Error(`pushed ${push.applied}`);
    const pull = await pullAll(env.url, dev.token, PULL_LIMIT);
    const t2 = performance.now();
    if (pull.byEntity.spotCheck !== records.length)
      throw new Error(`pulled ${JSON.stringify(pull.byEntity)}`);
    const pulled = Object.values(pull.byEntity).reduce((a, b) => a + b, 0);
    return [
      {
        scenario: `push ${records.length.toLocaleString('en-US')}`,
        system: `Fieldcheck/${kind}`,
        records: records.length,
        seconds: (t1 - t0) / 1000,
        p50: percentile(push.latencies, 0.5),
        p99: percentile(push.latencies, 0.99),
      },
      {
        scenario: `pull ${records.length.toLocaleString('en-US')}`,
        system: `Fieldcheck/${kind}`,
        records: pulled,
        seconds: (t2 - t1) / 1000,
        note:
          pulled > records.length
            ? `${pull.pages} pages of ${PULL_LIMIT}; includes ${pulled - records.length} reference rows (categories, people)`
            : undefined,
      },
    ];
  });
}

/** `devices` devices at once, each sending `batches` batches of `size` creates in order. */
export async function concurrentPush(
  kind: StorageKind,
  devices: number,
  batches: number,
  size: number,
): Promise<BenchRow> {
  return withServer(kind, devices, async (env) => {
    const all = makeRecords(devices * batches * size, 11, env.org.inspectorA.id);
    const clients = env.devices.map((dev, d) => ({
      dev,
      bodies: pushBodies(
        dev.deviceId,
        env.epoch,
        all.slice(d * batches * size, (d + 1) * batches * size),
        size,
      ),
    }));
    const t0 = performance.now();
    const runs = await Promise.all(
      clients.map((c) => pushSequential(env.url, c.dev.token, c.bodies)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const latencies = runs.flatMap((r) => r.latencies);
    const applied = runs.reduce((a, r) => a + r.applied, 0);
    if (applied !== all.length) throw new Error(`pushed ${applied} of ${all.length}`);
    return {
      scenario: `${devices} devices × ${batches} × ${size}`,
      system: `Fieldcheck/${kind}`,
      records: applied,
      seconds,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
    };
  });
}
