/**
 * A mutation larger than one push may carry is not retried forever: the device skips it
 * explicitly (POST /v1/sync/skip), the server records it refused (`tooLarge`) under its seq, the
 * device keeps it whole in its quarantine with a Chinese reason, and the mutations after it go.
 * Gaps stay refused: the skip is taken only as the next seq the server expects.
 */
import { PUSH_BODY_TYPE } from '../../shared/sync/pushBody';
import type { RunningServer } from '../../server/server';
import {
  client,
  createOrg,
  enroll,
  mutation,
  newId,
  openTestStorage,
  startTestServer,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';
import type { ServerConfig } from '../../server/config';
import type { FetchLike } from '../../core/sync/http';
import type { PushResponse, SkipRequest } from '../../shared/sync/protocol';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { completeData } from './core-fixtures';
import {
  enrollAndLogin,
  openClient,
  serverDocs,
  type SyncClient,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(60_000);

const LIMIT = 8 * 1024;

async function startEnv(over: Partial<ServerConfig> = {}): Promise<SyncEnv & { ts: TestStorage }> {
  const ts = await openTestStorage();
  const org = await createOrg(ts.storage);
  const server = await startTestServer(ts.storage, over);
  return {
    ts,
    storage: ts.storage,
    org,
    server,
    url: server.url,
    async close() {
      await server.close();
      await ts.close();
    },
  };
}

/** About 13 KB as JSON: long Chinese text in the three long fields. */
function bigData(): SpotCheckData {
  return completeData((d) => {
    d.basic.purpose = '监督抽查目的说明'.repeat(62);
    d.sample.remarks = '样品外观完好，封样时在场人员签字确认。'.repeat(50);
    d.result.failedItems = '不合格项目：蛋白质含量低于标准值；'.repeat(110);
  });
}

/** Records the body size (and content type) of every push the client sends. */
function recordingFetch(pushSizes: number[], types: string[] = []): FetchLike {
  return (url, init) => {
    if (new URL(url).pathname === '/v1/sync/push' && typeof init.body === 'string') {
      pushSizes.push(Buffer.byteLength(init.body));
      types.push(new Headers(init.headers).get('content-type') ?? '');
    }
    return fetch(url, init);
  };
}

interface QuarantineRow {
  seq: number;
  entity_id: string;
  op: string;
  changes: string;
  reason: string;
  message: string;
}

async function oversizedScenario(env: SyncEnv, c: SyncClient): Promise<void> {
  await enrollAndLogin(env, c, env.org.inspectorA);
  const small1 = await c.ok('spotCheck.create', { data: completeData() });
  const big = await c.ok('spotCheck.create', { data: bigData() });
  const small2 = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '复混肥料')),
  });
  expect(Buffer.byteLength(JSON.stringify(bigData()))).toBeGreaterThan(LIMIT);

  await c.round();

  const status = await c.ok('sync.status', {});
  expect(status).toMatchObject({ pendingMutations: 0, quarantined: 1, lastError: null });
  const onServer = await serverDocs(env.storage, 'spotCheck');
  expect(onServer.has(small1.id)).toBe(true);
  expect(onServer.has(small2.id)).toBe(true);
  expect(onServer.has(big.id)).toBe(false);

  // Quarantined whole, with a Chinese reason; the record itself is untouched on the device.
  const [q] = c.db.prepare('SELECT * FROM sync_quarantine').all() as QuarantineRow[];
  expect(q).toMatchObject({ entity_id: big.id, op: 'create', reason: 'tooLarge' });
  expect(q?.message).toMatch(/过大.*保留在本机/);
  const kept = JSON.parse(q?.changes ?? '{}') as { data: SpotCheckData };
  expect(kept.data.sample.remarks).toBe(bigData().sample.remarks);
  expect(kept.data.result.failedItems).toBe(bigData().result.failedItems);
  const listed = await c.ok('sync.quarantine', {});
  expect(listed).toEqual([
    expect.objectContaining({ entityId: big.id, reason: 'tooLarge', message: q?.message }),
  ]);
  const local = await c.ok('spotCheck.get', { id: big.id });
  expect(local.record.data.result.failedItems).toBe(bigData().result.failedItems);

  // The server logged the refusal under the device's seq (the changes never reached it).
  const { rows } = await env.storage.query<{ status: string; result: { reason: string } }>(
    'SELECT status, result FROM mutations WHERE entity_id = $1',
    [big.id],
  );
  expect(rows).toEqual([
    { status: 'rejected', result: expect.objectContaining({ reason: 'tooLarge' }) },
  ]);

  // Later changes keep flowing.
  const small3 = await c.ok('spotCheck.create', {
    data: completeData((d) => (d.sample.name = '车用汽油(VI)')),
  });
  await c.round();
  expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, quarantined: 1 });
  expect((await serverDocs(env.storage, 'spotCheck')).has(small3.id)).toBe(true);
}

describe('a mutation over the batch byte limit', () => {
  it('refused 413 by the server: skipped, quarantined whole, the rest syncs', async () => {
    const env = await startEnv({ maxBatchBytes: LIMIT });
    const sizes: number[] = [];
    const c = openClient(undefined, recordingFetch(sizes));
    try {
      await oversizedScenario(env, c);
      // Refused 413 as a batch of three, of two, then alone; then skipped, not sent again.
      expect(sizes.filter((n) => n > LIMIT)).toHaveLength(3);
    } finally {
      await c.core.shutdown();
      await env.close();
    }
  });

  it('over the device’s own limit: skipped without being sent', async () => {
    const env = await startEnv();
    const sizes: number[] = [];
    const types: string[] = [];
    const c = openClient(undefined, recordingFetch(sizes, types));
    c.core.sync.limits.maxBatchBytes = LIMIT;
    try {
      await oversizedScenario(env, c);
      // Sent as NDJSON, whose size the device counts exactly (a newline per mutation).
      expect(Math.max(...sizes)).toBeLessThan(LIMIT);
      expect(new Set(types)).toEqual(new Set([PUSH_BODY_TYPE]));
    } finally {
      await c.core.shutdown();
      await env.close();
    }
  });
});

describe('POST /v1/sync/skip', () => {
  let db: TestStorage;
  let server: RunningServer;
  let org: TestOrg;
  beforeAll(async () => {
    db = await openTestStorage();
    org = await createOrg(db.storage);
    server = await startTestServer(db.storage);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('takes only the next seq, answers a replay with the stored result, and pushes go on', async () => {
    const dev = await enroll(db.storage, org.inspectorA, 'skip laptop');
    const api = client(server.url, dev.token);
    const first = mutation(dev, 'spotCheck', 'create', newId(), { data: {} });
    const tooBig = mutation(dev, 'spotCheck', 'create', newId(), { data: {} });
    const after = mutation(dev, 'spotCheck', 'create', newId(), { data: {} });
    const skip = (m: typeof tooBig, over: Partial<SkipRequest> = {}) =>
      api.post<PushResponse & { code?: string; details?: { expectedSeq: number } }>(
        '/v1/sync/skip',
        {
          deviceId: dev.deviceId,
          seq: m.seq,
          mutationId: m.mutationId,
          entity: m.entity,
          entityId: m.entityId,
          op: m.op,
          hlc: m.hlc,
          bytes: 3_000_000,
          ...over,
        } satisfies SkipRequest,
      );

    // Seq 2 before seq 1 is a gap: refused, nothing recorded.
    const gap = await skip(tooBig);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ code: 'GAP', details: { expectedSeq: 1 } });

    expect(
      (await api.post<PushResponse>('/v1/sync/push', { deviceId: dev.deviceId, batch: [first] }))
        .body.lastSeq,
    ).toBe(1);
    const res = await skip(tooBig);
    expect(res.status).toBe(200);
    expect(res.body.lastSeq).toBe(2);
    expect(res.body.results).toEqual([
      expect.objectContaining({ seq: 2, status: 'rejected', reason: 'tooLarge' }),
    ]);
    expect((res.body.results[0] as { message: string }).message).toContain('2.9 MB');

    // Again (a lost answer): the same result, marked replayed; nothing new is recorded.
    const again = await skip(tooBig);
    expect(again.body.results).toEqual([{ ...res.body.results[0], replayed: true }]);
    // Sent as a push after all (a confused client): still the stored refusal.
    const pushed = await api.post<PushResponse>('/v1/sync/push', {
      deviceId: dev.deviceId,
      batch: [tooBig, after],
    });
    expect(pushed.body.results).toEqual([
      { ...res.body.results[0], replayed: true },
      expect.objectContaining({ seq: 3, status: 'applied' }),
    ]);
    const logged = await db.storage.query<{ n: unknown }>(
      'SELECT count(*)::int AS n FROM mutations WHERE device_id = $1',
      [dev.deviceId],
    );
    expect(Number(logged.rows[0]?.n)).toBe(3);

    // Only the caller's own device, only authenticated, only valid requests.
    const other = await enroll(db.storage, org.inspectorA, 'other laptop');
    expect((await skip(after, { deviceId: other.deviceId })).status).toBe(403);
    const anonymous = await client(server.url).post('/v1/sync/skip', {});
    expect(anonymous.status).toBe(401);
    expect((await skip(after, { bytes: 0 })).status).toBe(400);
    expect((await skip(after, { extra: 1 } as Partial<SkipRequest>)).status).toBe(400);
  });
});
