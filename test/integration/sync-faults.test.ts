/**
 * Faults: responses lost after the server committed (replayed, effect once), the server
 * restarted between rounds, an epoch rotation (re-pull, outbox kept), a revoked device (sync
 * stops, nothing local deleted), a server restore that lost acknowledged mutations (GAP).
 */
import { rotateEpoch } from '../../server/org/epoch';
import { revokeDevice } from '../../server/org/devices';
import { startTestServer } from '../../server/testing/harness';
import { enterpriseInput, PROFILE, validCode } from './core-fixtures';
import {
  droppingFetch,
  enrollAndLogin,
  openClient,
  serverDocs,
  startSyncEnv,
  type SyncEnv,
} from './sync-fixtures';

jest.setTimeout(60_000);

let env: SyncEnv;
beforeEach(async () => {
  env = await startSyncEnv();
});
afterEach(async () => {
  await env.close();
});

const code = (n: number) => validCode(`9121010000000${String(n).padStart(4, '0')}`);
const count = async (sql: string) =>
  Number((await env.storage.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${sql}`)).rows[0]?.n);

describe('sync faults', () => {
  it('replays a batch whose response was lost: the effect happens once', async () => {
    let drops = 3;
    const c = openClient(
      undefined,
      droppingFetch((p) => p === '/v1/sync/push' && drops-- > 0),
    );
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      for (let i = 0; i < 5; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      for (let i = 0; i < 3; i++) {
        await c.round();
        const s = await c.ok('sync.status', {});
        expect(s.lastError?.key).toBe('e.syncNetwork');
        expect(s.pendingMutations).toBe(5);
      }
      await c.round();
      const s = await c.ok('sync.status', {});
      expect(s).toMatchObject({ pendingMutations: 0, lastError: null, quarantined: 0 });
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(5);
      expect(await count('mutations')).toBe(5);
    } finally {
      await c.core.shutdown();
    }
  });

  it('retries after a server restart and converges', async () => {
    const c = openClient();
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      await c.ok('enterprise.create', enterpriseInput({ creditCode: code(1) }));
      await env.server.close();
      await c.round();
      expect((await c.ok('sync.status', {})).reachable).toBe(false);
      // Same storage, new listener: the client keeps its server URL, so reuse the port.
      const port = Number(new URL(env.url).port);
      env.server = await startTestServer(env.storage, { port });
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({
        reachable: true,
        pendingMutations: 0,
        lastError: null,
      });
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(1);
    } finally {
      await c.core.shutdown();
    }
  });

  it('re-pulls after an epoch change and keeps the outbox', async () => {
    const c = openClient();
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      const e = await c.ok('enterprise.create', enterpriseInput({ creditCode: code(1) }));
      await c.round();
      const pending = await c.ok(
        'enterprise.create',
        enterpriseInput({ creditCode: code(2), name: '待上传' }),
      );
      const epoch = await rotateEpoch(env.storage);
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
      const docs = await serverDocs(env.storage, 'enterprise');
      expect(docs.has(e.id) && docs.has(pending.id)).toBe(true);
      const local = c.db.prepare("SELECT value FROM sync_state WHERE key = 'epoch'").get() as {
        value: string;
      };
      expect(JSON.parse(local.value)).toBe(epoch);
    } finally {
      await c.core.shutdown();
    }
  });

  it('stops syncing a revoked device and keeps its data', async () => {
    const c = openClient();
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      await c.ok('enterprise.create', enterpriseInput({ creditCode: code(1) }));
      await c.round();
      const deviceId = (await c.ok('sync.status', {})).device?.id as string;
      await revokeDevice(env.storage, deviceId, '笔记本丢失');
      const e2 = await c.ok(
        'enterprise.create',
        enterpriseInput({ creditCode: code(2), name: '吊销后' }),
      );
      await c.round();
      const s = await c.ok('sync.status', {});
      expect(s.revoked?.message).toContain('笔记本丢失');
      expect(s.pendingMutations).toBe(1);
      expect((await c.ok('enterprise.get', { id: e2.id })).name).toBe('吊销后');
      expect((await c.ok('enterprise.list', {})).total).toBe(2);
      // No more rounds: nothing reaches the server.
      await c.round();
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(1);
    } finally {
      await c.core.shutdown();
    }
  });

  it('resends what a restored server lost (GAP), skipping what the device no longer holds', async () => {
    const c = openClient();
    try {
      await c.ok('profile.setup', PROFILE);
      await enrollAndLogin(env, c, env.org.inspectorA);
      for (let i = 0; i < 3; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      await c.round();
      // A restore to before these three: the device row and data go back, the epoch rotates.
      await env.storage.query('UPDATE devices SET last_seq = 0');
      await env.storage.query(`DELETE FROM mutations`);
      await env.storage.query(`DELETE FROM entities WHERE entity = 'enterprise'`);
      await rotateEpoch(env.storage);
      // The device forgot the first one (pruned): the server is asked to skip it.
      c.db.prepare('DELETE FROM outbox WHERE seq = 1').run();
      await c.ok('enterprise.create', enterpriseInput({ creditCode: code(9), name: '新的' }));
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(3);
    } finally {
      await c.core.shutdown();
    }
  });

  it('signs in offline with the kept verifier, and refuses a wrong password', async () => {
    const c = openClient();
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      await c.ok('sync.logout', {});
      expect((await c.call('enterprise.create', enterpriseInput())).ok).toBe(false);
      await env.server.close();
      const bad = await c.call('sync.login', { username: 'insp-a', password: 'wrong' });
      expect(bad.ok || bad.error.message.key).toBe('e.syncLoginFailed');
      const s = await c.ok('sync.login', { username: 'insp-a', password: env.org.password });
      expect(s.user?.username).toBe('insp-a');
      expect((await c.call('enterprise.create', enterpriseInput())).ok).toBe(true);
    } finally {
      await c.core.shutdown();
    }
  });
});
