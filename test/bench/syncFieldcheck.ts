/**
 * Fieldcheck's side of the sync benchmark: the real server (server/app.ts via startServer) on
 * 127.0.0.1, port 0, over fresh storage; devices enrolled through the test harness; the real
 * push and pull endpoints.
 */
import { performance } from 'node:perf_hooks';
import { getEpoch } from '../../server/org/epoch';
import type { RunningServer } from '../../server/server';
import type { Storage } from '../../server/storage/types';
import { createOrg, enroll, startTestServer, type TestOrg } from '../../server/testing/harness';
import { makeRecords, pushBodies, type BenchRecord } from './syncData';
import { pullAll, pushSequential } from './syncHttp';
import { percentile, type BenchRow } from './syncStats';
import { openBenchStorage, type StorageKind } from './syncStorage';

export const BATCH = 500;
export const PULL_LIMIT = 1000;

export interface Env {
  storage: Storage;
  /** PostgreSQL: this run's schema and application_name. */
  schema?: string;
  server: RunningServer;
  org: TestOrg;
  epoch: string;
}

export async function withServer<T>(kind: StorageKind, fn: (env: Env) => Promise<T>): Promise<T> {
  const bench = await openBenchStorage(kind);
  try {
    const org = await createOrg(bench.storage);
    const server = await startTestServer(bench.storage);
    try {
      const epoch = await getEpoch(bench.storage);
      const env = { storage: bench.storage, schema: bench.schema, server, org, epoch };
      await warmUp(env);
      return await fn(env);
    } finally {
      await server.close();
    }
  } finally {
    await bench.close();
  }
}

/**
 * A few batches from an inspector of another team first, so JIT and connection set-up are not
 * timed. Their records are outside the measured device's scope, so its pull does not see them.
 */
async function warmUp(env: Env): Promise<void> {
  const dev = await enroll(env.storage, env.org.inspectorB, 'warm-up');
  const records = makeRecords(6 * BATCH, 7, env.org.inspectorB.id);
  await pushSequential(
    env.server.url,
    dev.token,
    pushBodies(dev.deviceId, env.epoch, records, BATCH),
  );
}

/** One device pushes `records` in sequential batches of 500, then pulls everything back. */
export async function pushThenPull(
  kind: StorageKind,
  records: readonly BenchRecord[],
): Promise<BenchRow[]> {
  return withServer(kind, async (env) => {
    const dev = await enroll(env.storage, env.org.inspectorA, 'bench laptop');
    const bodies = pushBodies(dev.deviceId, env.epoch, records, BATCH);
    const t0 = performance.now();
    const push = await pushSequential(env.server.url, dev.token, bodies);
    const t1 = performance.now();
    if (push.applied !== records.length) throw new Error(`pushed ${push.applied}`);
    const pull = await pullAll(env.server.url, dev.token, PULL_LIMIT);
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

/** `devices` devices at once, each sending `batches` batches of `size` creates in sequence. */
export async function concurrentPush(
  kind: StorageKind,
  devices: number,
  batches: number,
  size: number,
): Promise<BenchRow> {
  return withServer(kind, async (env) => {
    const all = makeRecords(devices * batches * size, 11, env.org.inspectorA.id);
    const clients = [];
    for (let d = 0; d < devices; d++) {
      const dev = await enroll(env.storage, env.org.inspectorA, `laptop ${d + 1}`);
      const mine = all.slice(d * batches * size, (d + 1) * batches * size);
      clients.push({ dev, bodies: pushBodies(dev.deviceId, env.epoch, mine, size) });
    }
    const t0 = performance.now();
    const runs = await Promise.all(
      clients.map((c) => pushSequential(env.server.url, c.dev.token, c.bodies)),
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
