/**
 * Pull sends documents as the database's JSON text (server/sync/pull.ts pullPageJson) instead of
 * parsing and re-serializing them: the client must receive exactly the stored documents, in a
 * well-formed PullResponse, whatever characters they hold.
 */
import type { RunningServer } from '../../server/server';
import { loadEntity } from '../../server/sync/entities/repo';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
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

const tricky = [
  '引号"反斜杠\\斜杠/',
  '换行\n回车\r制表\t',
  '\u2028\u2029 行分隔符',
  '😀 𠮷 emoji and astral',
  '</script><!-- -->',
  '\u0001\u001f control',
];

it('pulled documents equal the stored ones, as a well-formed response, GET and POST', async () => {
  const dev = await enroll(db.storage, org.inspectorA, 'raw pull');
  const api = client(server.url, dev.token);
  const ids = tricky.map(() => newId());
  const pushed = await api.post<PushResponse>('/v1/sync/push', {
    deviceId: dev.deviceId,
    batch: ids.map((id, i) =>
      mutation(dev, 'spotCheck', 'create', id, {
        data: { sample: { name: tricky[i], remarks: tricky.join('|') } },
      }),
    ),
  });
  expect(pushed.body.results.every((r) => r.status === 'applied')).toBe(true);
  // One row marked deleted, to see the flag travel.
  await db.storage.query(
    `UPDATE entities SET deleted = true WHERE entity = 'spotCheck' AND id = $1`,
    [ids[0]],
  );

  const res = await fetch(`${server.url}/v1/sync/pull?cursor=0&limit=1000`, {
    headers: { authorization: `Bearer ${dev.token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const page = JSON.parse(await res.text()) as PullResponse;
  expect(Object.keys(page).sort()).toEqual(['checksum', 'epoch', 'hasMore', 'nextCursor', 'rows']);
  expect(page.hasMore).toBe(false);
  expect(typeof page.checksum).toBe('string');

  const mine = page.rows.filter((r) => r.entity === 'spotCheck');
  expect(mine.map((r) => r.entityId).sort()).toEqual([...ids].sort());
  for (const row of mine) {
    const stored = await loadEntity(db.storage, 'spotCheck', row.entityId);
    expect(row.doc).toEqual(stored?.doc);
    expect(row.serverSeq).toBe(stored?.serverSeq);
    expect(Object.keys(row).sort()).toEqual(
      row.entityId === ids[0]
        ? ['deleted', 'doc', 'entity', 'entityId', 'serverSeq']
        : ['doc', 'entity', 'entityId', 'serverSeq'],
    );
    if (row.entityId === ids[0]) expect(row.deleted).toBe(true);
  }
  const byName = new Map(
    mine.map((r) => [(r.doc.data as { sample: { name: string } }).sample.name, r]),
  );
  for (const t of tricky) expect(byName.has(t)).toBe(true);

  // POST answers the same page; paging keeps working.
  const post = await api.post<PullResponse>('/v1/sync/pull', { cursor: 0, limit: 1000 });
  expect(post.body).toEqual(page);
  const first = await api.post<PullResponse>('/v1/sync/pull', { cursor: 0, limit: 2 });
  expect(first.body.rows).toHaveLength(2);
  expect(first.body).toMatchObject({ hasMore: true, checksum: null });
  expect(first.body.nextCursor).toBe(first.body.rows[1]?.serverSeq);
  expect(first.body.rows).toEqual(page.rows.slice(0, 2));
});
