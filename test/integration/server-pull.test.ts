/** Pull: commit-order cursor, paging, scope, checksum, epoch. */
import { scopeChecksum } from '../../shared/sync/checksum';
import type { Mutation, PullResponse, PullRow, PushResponse } from '../../shared/sync/protocol';
import { rotateEpoch } from '../../server/org/epoch';
import type { RunningServer } from '../../server/server';
import {
  client,
  createOrg,
  enroll,
  enterpriseDoc,
  mutation,
  newId,
  openTestStorage,
  startTestServer,
  type TestDevice,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';

let db: TestStorage;
let server: RunningServer;
let org: TestOrg;

beforeAll(async () => {
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

beforeEach(() => db.reset());

const push = async (dev: TestDevice, batch: Mutation[]) => {
  const res = await client(server.url, dev.token).post<PushResponse>('/v1/sync/push', {
    deviceId: dev.deviceId,
    batch,
  });
  expect(res.status).toBe(200);
  return res.body;
};
const pull = (dev: TestDevice, body: Record<string, unknown>) =>
  client(server.url, dev.token).post<PullResponse & { code?: string; message?: string }>(
    '/v1/sync/pull',
    body,
  );

/** Pulls every page like a client would: apply rows by id, keep the cursor. */
async function pullAll(
  dev: TestDevice,
  limit: number,
  start = { cursor: 0, epoch: null as string | null },
) {
  const state = new Map<string, PullRow>();
  let { cursor, epoch } = start;
  let pages = 0;
  let last: PullResponse;
  for (;;) {
    const res = await pull(dev, { cursor, epoch, limit });
    expect(res.status).toBe(200);
    last = res.body;
    pages++;
    const seqs = last.rows.map((r) => r.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.every((s) => s > cursor)).toBe(true);
    for (const r of last.rows) state.set(`${r.entity}:${r.entityId}`, r);
    cursor = last.nextCursor;
    epoch = last.epoch;
    if (!last.hasMore) break;
    expect(last.checksum).toBeNull();
  }
  return { state, cursor, epoch, pages, checksum: last.checksum };
}

const localChecksum = (state: Map<string, PullRow>) =>
  scopeChecksum(
    [...state.values()].map((r) => ({
      entity: r.entity,
      entityId: r.entityId,
      serverSeq: r.serverSeq,
    })),
  );

describe('pull', () => {
  it('pages in commit order; the checksum matches what the client holds', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const ids = Array.from({ length: 12 }, () => newId());
    await push(
      a,
      ids.map((id, i) => mutation(a, 'enterprise', 'create', id, enterpriseDoc(i + 1))),
    );
    const full = await pullAll(a, 5);
    expect(full.pages).toBeGreaterThan(2);
    const kinds = new Set([...full.state.values()].map((r) => r.entity));
    expect(kinds).toEqual(new Set(['category', 'person', 'enterprise']));
    expect([...full.state.values()].filter((r) => r.entity === 'enterprise')).toHaveLength(12);
    expect(full.checksum).toBe(localChecksum(full.state));

    // an update moves the entity to a later seq; an incremental pull brings just that
    const first = ids[0] as string;
    const seq = full.state.get(`enterprise:${first}`)?.serverSeq as number;
    await push(a, [mutation(a, 'enterprise', 'update', first, { contactPerson: '新联系人' }, seq)]);
    const inc = await pullAll(a, 5, { cursor: full.cursor, epoch: full.epoch });
    expect([...inc.state.keys()]).toEqual([`enterprise:${first}`]);
    expect(inc.state.get(`enterprise:${first}`)?.doc.contactPerson).toBe('新联系人');
    for (const [k, v] of inc.state) full.state.set(k, v);
    expect(inc.checksum).toBe(localChecksum(full.state));
    // a client that missed the update would see a different checksum
    expect(inc.checksum).not.toBe(full.checksum);
  });

  it('the GET form takes the same query', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const res = await client(server.url, a.token).get<PullResponse>(
      '/v1/sync/pull?cursor=0&limit=3',
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(3);
    expect(res.body.hasMore).toBe(true);
  });

  it('an inspector pulls reference data and their own records; a sibling unit sees none of it', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const a2 = await enroll(db.storage, org.inspectorA2);
    const b = await enroll(db.storage, org.inspectorB);
    const sup = await enroll(db.storage, org.supervisor);
    const ent = newId();
    const recA = newId();
    const recA2 = newId();
    await push(a, [
      mutation(a, 'enterprise', 'create', ent, enterpriseDoc(1)),
      mutation(a, 'spotCheck', 'create', recA, { data: {} }),
    ]);
    await push(a2, [mutation(a2, 'spotCheck', 'create', recA2, { data: {} })]);
    const keys = async (d: TestDevice) => new Set((await pullAll(d, 1000)).state.keys());

    const ka = await keys(a);
    expect(ka.has(`enterprise:${ent}`)).toBe(true);
    expect(ka.has(`spotCheck:${recA}`)).toBe(true);
    expect(ka.has(`spotCheck:${recA2}`)).toBe(false);
    expect(ka.has(`person:${org.inspectorA2.id}`)).toBe(true);
    expect(ka.has(`person:${org.inspectorB.id}`)).toBe(false);
    expect(ka.has('category:CHILD')).toBe(true);

    const kb = await keys(b);
    expect(kb.has(`enterprise:${ent}`)).toBe(false);
    expect(kb.has(`spotCheck:${recA}`)).toBe(false);
    expect(kb.has(`person:${org.inspectorA.id}`)).toBe(false);

    const ks = await keys(sup);
    for (const k of [
      `enterprise:${ent}`,
      `spotCheck:${recA}`,
      `spotCheck:${recA2}`,
      `person:${org.inspectorB.id}`,
    ]) {
      expect(ks.has(k)).toBe(true);
    }
  });

  it('a stale epoch is 409 EPOCH_CHANGED; re-pulling from 0 works', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const first = await pullAll(a, 1000);
    const epoch = await rotateEpoch(db.storage);
    const res = await pull(a, { cursor: first.cursor, epoch: first.epoch });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EPOCH_CHANGED');
    expect(res.body.message).toMatch(/重新下载/);
    const again = await pullAll(a, 1000);
    expect(again.epoch).toBe(epoch);
    expect(again.checksum).toBe(first.checksum);
  });

  it('a cursor beyond the server (restored without rotating the epoch) is treated as an epoch change', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const first = await pullAll(a, 1000);
    const res = await pull(a, { cursor: first.cursor + 1000, epoch: first.epoch });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EPOCH_CHANGED');
  });

  it('concurrent pushes from several devices: pulled seqs have no holes and never appear behind a cursor', async () => {
    const devs = await Promise.all([
      enroll(db.storage, org.inspectorA),
      enroll(db.storage, org.inspectorA2),
      enroll(db.storage, org.supervisor),
    ]);
    const sup = devs[2] as TestDevice;
    let cursor = (await pullAll(sup, 1000)).cursor;
    const seen = new Map<string, number>();
    let n = 100;
    const pushing = Promise.all(
      devs.map(async (d) => {
        for (let i = 0; i < 5; i++) {
          await push(
            d,
            [0, 1, 2].map(() => mutation(d, 'enterprise', 'create', newId(), enterpriseDoc(n++))),
          );
        }
      }),
    );
    let done = false;
    void pushing.then(() => (done = true));
    while (!done) {
      const page = (await pull(sup, { cursor, limit: 7 })).body;
      for (const r of page.rows) seen.set(r.entityId, r.serverSeq);
      cursor = page.nextCursor;
    }
    await pushing;
    const rest = await pullAll(sup, 1000, { cursor, epoch: null });
    for (const r of rest.state.values()) seen.set(r.entityId, r.serverSeq);
    const created = (
      await db.storage.query<{ id: string }>(`SELECT id FROM entities WHERE entity = 'enterprise'`)
    ).rows;
    expect(created).toHaveLength(45);
    for (const { id } of created) expect(seen.has(id)).toBe(true);
  });
});
