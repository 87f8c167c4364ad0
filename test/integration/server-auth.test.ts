/**
 * Request authentication (server/auth/authenticate.ts) is one statement; it must name exactly
 * the caller the separate lookups name (device by token, its user, the unit tree both ways),
 * and a revocation must count from the very next request.
 */
import { authenticate } from '../../server/auth/authenticate';
import { findDeviceByToken, revokeDevice } from '../../server/org/devices';
import { unitTree } from '../../server/org/units';
import { getUserById, toProfile } from '../../server/org/users';
import type { RunningServer } from '../../server/server';
import { HttpError } from '../../server/errors';
import {
  client,
  createOrg,
  enroll,
  openTestStorage,
  startTestServer,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';
import { createUnit } from '../../server/org/units';
import { createUser } from '../../server/org/users';

let db: TestStorage;
let org: TestOrg;
let server: RunningServer;

beforeAll(async () => {
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

it('names the same caller as the separate device, user and unit-tree lookups', async () => {
  // A deeper tree: a squad under team A, and a province admin who sees everything below.
  const squad = await createUnit(db.storage, { name: '一队一组', parentId: org.teamA.id });
  const admin = await createUser(db.storage, {
    username: 'prov-admin',
    name: '省管理员',
    role: 'admin',
    unitId: org.province.id,
    credentialNumber: '',
    password: org.password,
  });
  const squadInspector = await createUser(db.storage, {
    username: 'squad-insp',
    name: '组执法',
    role: 'inspector',
    unitId: squad.id,
    credentialNumber: 'LN-S-0001',
    password: org.password,
  });
  for (const user of [org.inspectorA, org.inspectorB, org.supervisor, admin, squadInspector]) {
    const dev = await enroll(db.storage, user);
    const caller = await authenticate(db.storage, `Bearer ${dev.token}`);
    const device = await findDeviceByToken(db.storage, dev.token);
    const row = await getUserById(db.storage, device?.userId ?? '');
    const tree = await unitTree(db.storage, row?.unit_id ?? '');
    expect(caller.deviceId).toBe(device?.id);
    expect(caller.user).toEqual(row && toProfile(row));
    expect([...caller.up].sort()).toEqual([...tree.up].sort());
    expect([...caller.down].sort()).toEqual([...tree.down].sort());
    // The unit itself first, then outwards.
    expect(caller.up[0]).toBe(user.unitId);
    expect(caller.down[0]).toBe(user.unitId);
  }
});

it('refuses unknown and malformed tokens, and a revoked device from the next request on', async () => {
  await expect(authenticate(db.storage, undefined)).rejects.toThrow(HttpError);
  await expect(authenticate(db.storage, 'Bearer short')).rejects.toThrow(HttpError);
  await expect(authenticate(db.storage, `Bearer ${'x'.repeat(43)}`)).rejects.toMatchObject({
    code: 'UNAUTHORIZED',
  });

  const dev = await enroll(db.storage, org.inspectorA2);
  const api = client(server.url, dev.token);
  expect((await api.get('/v1/sync/pull?limit=1')).status).toBe(200);
  await revokeDevice(db.storage, dev.deviceId, '笔记本遗失');
  const res = await api.get<{ code: string; message: string; details: { revokedAt: string } }>(
    '/v1/sync/pull?limit=1',
  );
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('DEVICE_REVOKED');
  expect(res.body.message).toContain('笔记本遗失');
  expect(Number.isNaN(Date.parse(res.body.details.revokedAt))).toBe(false);
});
