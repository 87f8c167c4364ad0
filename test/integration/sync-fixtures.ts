/**
 * Shared set-up for the client sync tests: a real server on loopback (PGlite by default,
 * PostgreSQL when DATABASE_URL is set), the test organisation, and cores on temp data dirs
 * that sync only when the test runs a round.
 */
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { createEnrollCode } from '../../server/org/devices';
import type { RunningServer } from '../../server/server';
import {
  createOrg,
  openTestStorage,
  startTestServer,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';
import type { Storage } from '../../server/storage/types';
import type { UserProfile } from '../../shared/sync/protocol';
import type { FetchLike } from '../../core/sync/http';
import { startCore, tempDir, type TestCore } from './core-fixtures';

export interface SyncEnv {
  ts: TestStorage;
  storage: Storage;
  org: TestOrg;
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

export async function startSyncEnv(): Promise<SyncEnv> {
  const ts = await openTestStorage();
  const org = await createOrg(ts.storage);
  const server = await startTestServer(ts.storage);
  const env: SyncEnv = {
    ts,
    storage: ts.storage,
    org,
    server,
    url: server.url,
    async close() {
      // Tests replace env.server (a restart on the same port): close the one running now,
      // and the first one too if it is still up (close() is idempotent).
      await env.server.close();
      await server.close();
      await ts.close();
    },
  };
  return env;
}

export interface SyncClient extends TestCore {
  /** One sync round, awaited (the scheduler's interval is off in tests). */
  round(): Promise<void>;
}

export function openClient(dir = tempDir('fc-sync-'), fetch?: FetchLike): SyncClient {
  const t = startCore({
    dataDir: dir,
    now: () => new Date(),
    sync: { intervalMs: 0, ...(fetch ? { fetch } : {}) },
  });
  return { ...t, round: () => t.core.sync.round() };
}

export async function enrollAndLogin(
  env: SyncEnv,
  c: SyncClient,
  user: UserProfile,
  deviceName = 'laptop',
): Promise<void> {
  const { code } = await createEnrollCode(env.storage, user.id, 60);
  await c.ok('sync.enroll', { serverUrl: env.url, code, deviceName });
  await c.ok('sync.login', { username: user.username, password: env.org.password });
}

/**
 * Rewrites the pending mutation of a record in the client's outbox, as an older build could have
 * written it (e.g. with text the app now replaces at its door).
 */
export function rewritePending(
  client: SyncClient,
  id: string,
  change: (changes: Record<string, unknown>) => void,
): void {
  const row = client.db
    .prepare("SELECT seq, changes FROM outbox WHERE state = 'pending' AND entity_id = ?")
    .get(id) as { seq: number; changes: string };
  const changes = JSON.parse(row.changes) as Record<string, unknown>;
  change(changes);
  client.db
    .prepare('UPDATE outbox SET changes = ? WHERE seq = ?')
    .run(JSON.stringify(changes), row.seq);
}

/** Saves a spot-check draft as the form does: the record as stored, changed by `fix`. */
export async function saveSpotCheck(
  client: SyncClient,
  id: string,
  fix: (d: SpotCheckData) => void,
): Promise<void> {
  const { record } = await client.ok('spotCheck.get', { id });
  const data = structuredClone(record.data);
  fix(data);
  await client.ok('spotCheck.saveDraft', { id, expectedRevision: record.revision, data });
}

/** Server rows of one entity kind, by id. */
export async function serverDocs(
  storage: Storage,
  entity: string,
): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await storage.query<{ id: string; doc: Record<string, unknown> }>(
    'SELECT id, doc::json AS doc FROM entities WHERE entity = $1',
    [entity],
  );
  return new Map(rows.map((r) => [r.id, r.doc]));
}

/** A fetch that lets requests reach the server but loses the response of matching ones. */
export function droppingFetch(shouldDrop: (path: string) => boolean): FetchLike {
  return async (url, init) => {
    const res = await fetch(url, init);
    if (shouldDrop(new URL(url).pathname)) {
      await res.text();
      throw new TypeError('fetch failed (response dropped by test)');
    }
    return res;
  };
}
