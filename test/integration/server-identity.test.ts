/**
 * Organisation, identity and the door: health, enrollment, login, device credentials,
 * revocation, rate limits, and bad input answered with 4xx (never 5xx, never a write).
 */
import { COMMANDS, parseArgs } from '../../server/admin/commands';
import { createEnrollCode, listDevices, revokeDevice } from '../../server/org/devices';
import { migrate, MIGRATIONS, defineMigration, SchemaError } from '../../server/storage/migrations';
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

const countRows = async (table: string) =>
  Number((await db.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

describe('health', () => {
  it('reports database, epoch and version', async () => {
    const res = await client(server.url).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, db: 'ok', storage: db.storage.kind, protocol: 1 });
    expect(typeof res.body.epoch).toBe('string');
    expect(typeof res.body.version).toBe('string');
  });
});

describe('enrollment', () => {
  it('trades a one-time code for a device credential, once', async () => {
    const { code } = await createEnrollCode(db.storage, org.inspectorA.id, 10);
    const c = client(server.url);
    const first = await c.post('/v1/enroll', {
      code: code.toLowerCase().replace(/-/g, ' '),
      deviceName: '执法笔记本 01',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      user: { id: org.inspectorA.id, role: 'inspector' },
      unit: { id: org.teamA.id },
    });
    expect(typeof first.body.deviceToken).toBe('string');
    const again = await c.post('/v1/enroll', { code, deviceName: '另一台' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'ENROLL_CODE_INVALID' });
    // the credential works
    const token = first.body.deviceToken as string;
    expect((await client(server.url, token).post('/v1/sync/pull', {})).status).toBe(200);
  });

  it('refuses an expired code', async () => {
    const { code } = await createEnrollCode(db.storage, org.inspectorA.id, 10);
    await db.storage.query(`UPDATE enroll_codes SET expires_at = now() - interval '1 minute'`);
    const res = await client(server.url).post('/v1/enroll', { code, deviceName: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ENROLL_CODE_INVALID');
  });

  it('refuses an unknown code and unknown fields', async () => {
    const c = client(server.url);
    expect(
      (await c.post('/v1/enroll', { code: 'AAAA-BBBB-CCCC', deviceName: 'x' })).body.code,
    ).toBe('ENROLL_CODE_INVALID');
    const extra = await c.post('/v1/enroll', {
      code: 'AAAA-BBBB-CCCC',
      deviceName: 'x',
      role: 'admin',
    });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION');
  });
});

describe('login', () => {
  it('returns the profile for the right password and nothing secret', async () => {
    const res = await client(server.url).post('/v1/login', {
      username: 'insp-a',
      password: org.password,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: { username: 'insp-a', name: '张执法', credentialNumber: 'LN-A-0001' },
      unit: { name: '稽查一队' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  it('answers the same for a wrong password and an unknown user', async () => {
    const c = client(server.url);
    const wrong = await c.post('/v1/login', { username: 'insp-a', password: 'nope nope' });
    const unknown = await c.post('/v1/login', { username: 'nobody', password: 'nope nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('LOGIN_FAILED');
  });
});

describe('device credentials', () => {
  it('401 without a token or with a wrong one', async () => {
    const none = await client(server.url).post('/v1/sync/pull', {});
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHORIZED');
    expect(typeof none.body.message).toBe('string');
    const wrong = await client(server.url, 'x'.repeat(43)).post('/v1/sync/pull', {});
    expect(wrong.status).toBe(401);
  });

  it('403 DEVICE_REVOKED with a Chinese message for a revoked device', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const revoked = await revokeDevice(db.storage, dev.deviceId, '笔记本丢失');
    expect(revoked).toMatchObject({ revoked: true, revokedReason: '笔记本丢失' });
    for (const path of ['/v1/sync/pull', '/v1/sync/push']) {
      const res = await client(server.url, dev.token).post(path, {});
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('DEVICE_REVOKED');
      expect(res.body.message).toContain('笔记本丢失');
      expect(res.body.message).toMatch(/停用/);
    }
  });

  it('a device cannot push under another device id', async () => {
    const a = await enroll(db.storage, org.inspectorA);
    const b = await enroll(db.storage, org.inspectorA2);
    const m = mutation(b, 'enterprise', 'create', newId(), enterpriseDoc(1));
    const res = await client(server.url, a.token).post('/v1/sync/push', {
      deviceId: b.deviceId,
      batch: [m],
    });
    expect(res.status).toBe(403);
    expect(await countRows('mutations')).toBe(0);
  });
});

describe('bad input is a 4xx and writes nothing', () => {
  let token: string;
  let deviceId: string;
  beforeEach(async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    token = dev.token;
    deviceId = dev.deviceId;
  });

  it('malformed JSON', async () => {
    const res = await client(server.url, token).raw('/v1/sync/push', '{"deviceId": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('wrong content type, empty body, non-object body', async () => {
    const c = client(server.url, token);
    expect((await c.raw('/v1/sync/push', 'hello', 'text/plain')).status).toBe(400);
    expect((await c.raw('/v1/sync/push', '<a/>', 'application/xml')).status).toBe(415);
    expect((await c.raw('/v1/sync/push', '')).status).toBeLessThan(500);
    expect((await c.raw('/v1/sync/push', '[1,2,3]')).status).toBe(400);
    expect((await c.raw('/v1/sync/push', 'null')).status).toBe(400);
  });

  it('prototype poisoning', async () => {
    const res = await client(server.url, token).raw(
      '/v1/sync/push',
      `{"deviceId":"${deviceId}","__proto__":{"x":1},"batch":[]}`,
    );
    expect(res.status).toBe(400);
  });

  it('unknown fields at any level', async () => {
    const dev = {
      deviceId,
      token,
      user: org.inspectorA,
      clock: (await enroll(db.storage, org.inspectorA)).clock,
      nextSeq: 1,
    };
    const m = { ...mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(1)), note: 'x' };
    const res = await client(server.url, token).post('/v1/sync/push', { deviceId, batch: [m] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(Object.keys((res.body.details as { fieldErrors: object }).fieldErrors)).toContain(
      'batch.0.note',
    );
    const top = await client(server.url, token).post('/v1/sync/pull', { cursor: 0, sort: 'x' });
    expect(top.status).toBe(400);
    const query = await client(server.url, token).get('/v1/sync/pull?cursor=abc');
    expect(query.status).toBe(400);
  });

  it('an oversized body is 413 with a clear message', async () => {
    const res = await client(server.url, token).raw(
      '/v1/sync/push',
      JSON.stringify({ deviceId, batch: [], pad: 'x'.repeat(1_100_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.message).toMatch(/分批/);
  });

  it('unknown routes are 404 JSON', async () => {
    const res = await client(server.url, token).get('/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  afterEach(async () => {
    expect(await countRows('mutations')).toBe(0);
    expect(
      Number(
        (
          await db.storage.query<{ n: unknown }>(
            `SELECT count(*) AS n FROM entities WHERE entity = 'enterprise'`,
          )
        ).rows[0]?.n,
      ),
    ).toBe(0);
  });
});

describe('rate limit', () => {
  it('429 with Retry-After once the bucket is empty; per device', async () => {
    const limited = await startTestServer(db.storage, {
      deviceRate: { burst: 3, perMinute: 6 },
      publicRate: { burst: 2, perMinute: 2 },
    });
    try {
      const a = await enroll(db.storage, org.inspectorA);
      const b = await enroll(db.storage, org.inspectorA2);
      const ca = client(limited.url, a.token);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await ca.post('/v1/sync/pull', {})).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await ca.post('/v1/sync/pull', {});
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await client(limited.url, b.token).post('/v1/sync/pull', {})).status).toBe(200);
      // public routes are limited by address
      const pub = client(limited.url);
      const logins = [];
      for (let i = 0; i < 3; i++)
        logins.push((await pub.post('/v1/login', { username: 'nobody', password: 'x' })).status);
      expect(logins).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('admin commands', () => {
  it('parses flags', () => {
    expect(parseArgs(['unit:create', '--name', '一队', '--parent=abc'])).toEqual({
      command: 'unit:create',
      args: { name: '一队', parent: 'abc' },
    });
    expect(() => parseArgs(['unit:create', '--name'])).toThrow();
  });

  it('create an enroll code, list and revoke devices, rotate the epoch', async () => {
    const code = (await COMMANDS['enroll-code:create']?.run(db.storage, {
      user: 'insp-b',
      'ttl-minutes': '5',
    })) as { code: string };
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const res = await client(server.url).post('/v1/enroll', {
      code: code.code,
      deviceName: 'B 队笔记本',
    });
    const deviceId = res.body.deviceId as string;
    const list = (await COMMANDS['device:list']?.run(db.storage, { user: 'insp-b' })) as {
      id: string;
    }[];
    expect(list.map((d) => d.id)).toContain(deviceId);
    await COMMANDS['device:revoke']?.run(db.storage, { device: deviceId, reason: '人员调离' });
    expect((await listDevices(db.storage)).find((d) => d.id === deviceId)?.revoked).toBe(true);
    const before = (await client(server.url).get('/health')).body.epoch;
    const rotated = (await COMMANDS['epoch:rotate']?.run(db.storage, {})) as { epoch: string };
    expect(rotated.epoch).not.toBe(before);
    expect((await client(server.url).get('/health')).body.epoch).toBe(rotated.epoch);
    await expect(
      COMMANDS['user:create']?.run(db.storage, {
        username: 'x',
        name: 'x',
        role: 'boss',
        unit: org.teamA.id,
        password: 'longenough',
      }),
    ).rejects.toThrow(/role/);
  });
});

describe('migrations', () => {
  it('are idempotent and refuse an unknown or diverged schema', async () => {
    expect((await migrate(db.storage)).applied).toEqual([]);
    const diverged = [
      ...MIGRATIONS.slice(0, -1),
      defineMigration(MIGRATIONS.length, 'changed', 'SELECT 1'),
    ];
    await expect(migrate(db.storage, diverged)).rejects.toThrow(SchemaError);
    await expect(migrate(db.storage, MIGRATIONS.slice(0, -1))).rejects.toThrow(/高于|newer/);
  });
});

describe('text the database cannot give back', () => {
  it('text PostgreSQL cannot give back (U+0000, a lone surrogate): the mutation refused alone, a request anywhere else', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const { deviceId, token } = dev;
    const nul = mutation(
      dev,
      'enterprise',
      'create',
      newId(),
      enterpriseDoc(1, { name: '企业\u0000' }),
    );
    const lone = mutation(
      dev,
      'enterprise',
      'create',
      newId(),
      enterpriseDoc(2, { name: '\udfff企业' }),
    );
    const good = mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(3));
    const api = client(server.url, token);
    const res = await api.post<{
      results: { status: string; reason?: string; message?: string }[];
    }>('/v1/sync/push', { deviceId, batch: [nul, lone, good] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'unstorableText'],
      ['rejected', 'unstorableText'],
      ['applied', undefined],
    ]);
    expect(res.body.results[0]?.message).toMatch(/无法保存的字符/);
    // Nothing of the refused ones stored; every document still reads as JSON, keys and all.
    const { rows } = await db.storage.query<{ id: string; name: string }>(
      `SELECT id, doc::json ->> 'name' AS name FROM entities WHERE entity = 'enterprise'`,
    );
    expect(rows.map((r) => r.id)).toContain(good.entityId);
    expect(rows.map((r) => r.id)).not.toContain(nul.entityId);
    expect(rows.map((r) => r.id)).not.toContain(lone.entityId);
    const logged = await db.storage.query<{ changes: unknown }>(
      `SELECT changes FROM mutations WHERE device_id = $1 ORDER BY seq`,
      [deviceId],
    );
    expect(logged.rows.map((r) => r.changes).slice(0, 2)).toEqual([{}, {}]);
    expect((await api.post('/v1/sync/pull', { cursor: 0 })).status).toBe(200);
    // Outside a mutation's changes (the request's own fields, other routes): a 400.
    const envelope = await api.post('/v1/sync/push', {
      deviceId,
      epoch: 'e\ud800',
      batch: [mutation(dev, 'enterprise', 'create', newId(), enterpriseDoc(4))],
    });
    expect(envelope.status).toBe(400);
    expect(envelope.body.details).toEqual({ reason: 'unstorableText' });
    const pull = await api.post('/v1/sync/pull', { cursor: 0, epoch: 'a\u0000' });
    expect(pull.status).toBe(400);
    expect(pull.body.details).toEqual({ reason: 'unstorableText' });
    const after = await db.storage.query('SELECT 1 FROM mutations WHERE device_id = $1', [
      deviceId,
    ]);
    expect(after.rows).toHaveLength(3);
  });
});
