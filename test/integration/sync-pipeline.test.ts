/**
 * Pipelined push (core/sync/push.ts, server/sync/deviceTurns.ts): the device keeps PUSH_WINDOW
 * batches in flight, the server applies them in seq order, and a failure in the middle of a
 * window loses and duplicates nothing.
 */
import { PUSH_WINDOW } from '../../shared/sync/protocol';
import type { FetchLike } from '../../core/sync/http';
import { enterpriseInput, startCore, tempDir, validCode } from './core-fixtures';
import { enrollAndLogin, startSyncEnv, type SyncClient, type SyncEnv } from './sync-fixtures';

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

/** A client whose batches hold `size` mutations, so a few records make several batches. */
function smallBatchClient(fetch: FetchLike, size = 2): SyncClient {
  const t = startCore({
    dataDir: tempDir('fc-pipe-'),
    now: () => new Date(),
    sync: { intervalMs: 0, fetch, limits: { maxBatchMutations: size } },
  });
  return { ...t, round: () => t.core.sync.round() };
}

/** Counts push requests in flight at once; `fail(n)` makes the n-th push's answer get lost. */
function watchingFetch(fail: (n: number) => boolean = () => false) {
  const seen = { inFlight: 0, most: 0, pushes: 0 };
  const f: FetchLike = async (url, init) => {
    if (new URL(url).pathname !== '/v1/sync/push') return fetch(url, init);
    const n = ++seen.pushes;
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      const res = await fetch(url, init);
      const text = await res.text();
      if (fail(n)) throw new TypeError('fetch failed (response dropped by test)');
      return new Response(text, { status: res.status, headers: res.headers });
    } finally {
      seen.inFlight--;
    }
  };
  return { fetch: f, seen };
}

describe('pipelined push', () => {
  it(`keeps ${PUSH_WINDOW} batches in flight and applies every record once, in seq order`, async () => {
    const w = watchingFetch();
    const c = smallBatchClient(w.fetch);
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      for (let i = 0; i < 9; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({
        pendingMutations: 0,
        lastError: null,
        quarantined: 0,
      });
      expect(w.seen.pushes).toBe(5);
      expect(w.seen.most).toBe(PUSH_WINDOW);
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(9);
      const { rows } = await env.storage.query<{ seq: unknown; server_seq: unknown }>(
        'SELECT seq, server_seq FROM mutations ORDER BY seq',
      );
      expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const serverSeqs = rows.map((r) => Number(r.server_seq));
      expect(serverSeqs).toEqual([...serverSeqs].sort((a, b) => a - b));
    } finally {
      await c.core.shutdown();
    }
  });

  it('a lost answer in the middle of a window: the next round sends again, each record once', async () => {
    // The 2nd push (the second batch of the window) is applied but its answer is lost.
    const w = watchingFetch((n) => n === 2);
    const c = smallBatchClient(w.fetch);
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      for (let i = 0; i < 7; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      await c.round();
      const after = await c.ok('sync.status', {});
      expect(after.lastError?.key).toBe('e.syncNetwork');
      expect(after.pendingMutations).toBeGreaterThan(0);
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({
        pendingMutations: 0,
        lastError: null,
        quarantined: 0,
      });
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(7);
      expect(await count('mutations')).toBe(7);
    } finally {
      await c.core.shutdown();
    }
  });

  it('a restored laptop whose seqs the server already took: each record applied once, nothing sent behind a reused batch', async () => {
    const w = watchingFetch();
    const c = smallBatchClient(w.fetch, 1);
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      await c.ok('enterprise.create', enterpriseInput({ creditCode: code(100), name: '旧记录' }));
      await c.round();
      // Restored from a backup taken before that sync: the outbox and its seq start again.
      c.db.prepare('DELETE FROM outbox').run();
      c.db.prepare("UPDATE sync_state SET value = '0' WHERE key = 'outboxSeq'").run();
      for (let i = 0; i < 3; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({
        pendingMutations: 0,
        lastError: null,
        quarantined: 0,
      });
      expect(w.seen.pushes).toBeLessThan(10);
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(4);
      expect(await count('mutations')).toBe(4);
    } finally {
      await c.core.shutdown();
    }
  });

  it('a batch refused while another is in flight: the one behind it is let go at once', async () => {
    // The 3rd push (the second of the first full window) is refused by the server (rate limit).
    const w = watchingFetch();
    const refuse = (n: number) => n === 3;
    const f: FetchLike = async (url, init) => {
      if (new URL(url).pathname === '/v1/sync/push' && refuse(w.seen.pushes + 1)) {
        w.seen.pushes++;
        return new Response(JSON.stringify({ code: 'RATE_LIMITED', message: '请求过于频繁' }), {
          status: 429,
          headers: { 'content-type': 'application/json' },
        });
      }
      return w.fetch(url, init);
    };
    const c = smallBatchClient(f);
    try {
      await enrollAndLogin(env, c, env.org.inspectorA);
      for (let i = 0; i < 9; i++)
        await c.ok('enterprise.create', enterpriseInput({ creditCode: code(i), name: `企业${i}` }));
      const t0 = Date.now();
      await c.round();
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect((await c.ok('sync.status', {})).lastError).not.toBeNull();
      await c.round();
      expect(await c.ok('sync.status', {})).toMatchObject({ pendingMutations: 0, lastError: null });
      expect(await count(`entities WHERE entity = 'enterprise'`)).toBe(9);
      expect(await count('mutations')).toBe(9);
    } finally {
      await c.core.shutdown();
    }
  });
});
