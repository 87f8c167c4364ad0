/**
 * Attachments from the device to the central endpoint and on to a supervisor: the uploader
 * sends files after their records, in chunks, resumes after a cut connection from the
 * server's offset, never re-sends a known hash; a supervisor's device pulls the metadata and
 * reads the bytes from the server. Real server on loopback (PGlite, or PostgreSQL with
 * DATABASE_URL).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { applyPulledAttachment } from '../../core/attachments/pulled';
import { uploadPendingFiles, type UploadOptions } from '../../core/sync/files';
import { openStore, type Store } from '../../db/store';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { RunningServer } from '../../server/server';
import {
  createOrg,
  enroll,
  openTestStorage,
  startTestServer,
  type TestDevice,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';
import { PROFILE, startCore, type TestCore } from './core-fixtures';
import { enrollAndLogin, openClient, type SyncEnv } from './sync-fixtures';

const CHUNK = 64 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const photo = (size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]);

let db: TestStorage;
let server: RunningServer;
let org: TestOrg;
let filesDir: string;
const open: { core: TestCore; store: Store }[] = [];

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-files-'));
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage, { filesDir });
}, 60_000);

afterEach(() => {
  for (const { core, store } of open.splice(0)) {
    store.close();
    core.core.close();
  }
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** A device: the app's core, a second connection to its store, and its server credential. */
async function device(user = org.inspectorA) {
  const core = startCore();
  await core.ok('profile.setup', { ...PROFILE, name: user.name });
  const store = openStore({ dataDir: core.dir });
  open.push({ core, store });
  const dev = await enroll(db.storage, user);
  return { core, store, dev };
}

/** Sends the outbox like a sync round's push and records each result. */
async function pushOutbox(store: Store, dev: TestDevice): Promise<void> {
  const batch = store.outbox.pending(500).map(({ bytes: _b, state: _s, createdAt: _c, ...m }) => m);
  if (batch.length === 0) return;
  const res = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${dev.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: dev.deviceId, batch }),
  });
  const body = (await res.json()) as PushResponse;
  expect(res.status).toBe(200);
  for (const r of body.results) {
    expect(r.status).toBe('applied');
    store.outbox.setState(r.seq, 'done');
  }
}

/** A draft with one photo, added through the API like the form does. */
async function recordWithPhoto(core: TestCore, bytes: Buffer) {
  const record = await core.ok('spotCheck.create', {});
  const meta = await core.ok('attachments.add', {
    ownerType: 'spotCheck',
    ownerId: record.id,
    fileName: '封样照片.jpg',
    mimeType: 'image/jpeg',
    dataBase64: bytes.toString('base64'),
  });
  return { record, meta };
}

interface Call {
  method: string;
  range: string | null;
}
/** fetch that records what the uploader asked for. */
function recording(calls: Call[], inner: UploadOptions['fetch'] = (u, i) => fetch(u, i)) {
  const f: UploadOptions['fetch'] = (url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ method: init.method ?? 'GET', range: headers['content-range'] ?? null });
    return inner(url, init);
  };
  return f;
}

const upload = (store: Store, dev: TestDevice, fetchImpl: UploadOptions['fetch']) =>
  uploadPendingFiles({
    fetch: fetchImpl,
    baseUrl: server.url,
    token: dev.token,
    store,
    dataDir: store.dataDir,
    chunkBytes: CHUNK,
  });

const onServer = (hash: string) => path.join(filesDir, hash.slice(0, 2), hash);

describe('uploadPendingFiles', () => {
  it('waits for the record, then sends a file in chunks and marks it uploaded', async () => {
    const { core, store, dev } = await device();
    const bytes = photo(3 * CHUNK + 1000);
    const { meta } = await recordWithPhoto(core, bytes);
    expect(store.attachments.countPendingUploads()).toBe(1);

    // Metadata not pushed yet: records first, so nothing is sent.
    const early: Call[] = [];
    expect(await upload(store, dev, recording(early))).toMatchObject({ uploaded: 0, failed: 0 });
    expect(early).toEqual([]);

    await pushOutbox(store, dev);
    const calls: Call[] = [];
    const progress: number[] = [];
    const summary = await uploadPendingFiles({
      fetch: recording(calls),
      baseUrl: server.url,
      token: dev.token,
      store,
      dataDir: store.dataDir,
      chunkBytes: CHUNK,
      onProgress: (p) => progress.push(p.bytesSent),
    });
    expect(summary).toMatchObject({ uploaded: 1, alreadyOnServer: 0, failed: 0, stopped: false });
    expect(calls).toEqual([
      { method: 'HEAD', range: null },
      { method: 'PUT', range: `bytes 0-${CHUNK - 1}/${bytes.length}` },
      { method: 'PUT', range: `bytes ${CHUNK}-${2 * CHUNK - 1}/${bytes.length}` },
      { method: 'PUT', range: `bytes ${2 * CHUNK}-${3 * CHUNK - 1}/${bytes.length}` },
      { method: 'PUT', range: `bytes ${3 * CHUNK}-${bytes.length - 1}/${bytes.length}` },
    ]);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(fs.readFileSync(onServer(meta.sha256)).equals(bytes)).toBe(true);
    expect(store.attachments.countPendingUploads()).toBe(0);
    const listed = await core.ok('attachments.list', {
      ownerType: 'spotCheck',
      ownerId: meta.ownerId,
    });
    expect(listed[0]?.uploaded).toBe(true);

    // Nothing left: the next round sends nothing.
    const after: Call[] = [];
    await upload(store, dev, recording(after));
    expect(after).toEqual([]);
  });

  it('resumes from the server’s offset after the connection is cut in the middle of a chunk', async () => {
    const { core, store, dev } = await device();
    const bytes = photo(4 * CHUNK + 10);
    const { meta } = await recordWithPhoto(core, bytes);
    await pushOutbox(store, dev);

    // The third PUT sends half its chunk over a raw socket, then the connection drops.
    let puts = 0;
    const cutting: UploadOptions['fetch'] = async (url, init) => {
      if (init.method === 'PUT' && ++puts === 3) {
        await sendHalfAndCut(url, init);
        throw new TypeError('fetch failed: socket hang up');
      }
      return fetch(url, init);
    };
    const first: Call[] = [];
    const cut = await upload(store, dev, recording(first, cutting));
    expect(cut).toMatchObject({ uploaded: 0, failed: 1, stopped: true });
    expect(cut.failures[0]?.status).toBeNull();
    expect(store.attachments.countPendingUploads()).toBe(1);
    expect(fs.existsSync(onServer(meta.sha256))).toBe(false);

    const second: Call[] = [];
    const resumed = await upload(store, dev, recording(second));
    expect(resumed).toMatchObject({ uploaded: 1, failed: 0 });
    // HEAD says two chunks arrived: the round starts at the third, nothing is sent twice.
    expect(second.map((c) => c.range)).toEqual([
      null,
      `bytes ${2 * CHUNK}-${3 * CHUNK - 1}/${bytes.length}`,
      `bytes ${3 * CHUNK}-${4 * CHUNK - 1}/${bytes.length}`,
      `bytes ${4 * CHUNK}-${bytes.length - 1}/${bytes.length}`,
    ]);
    expect(fs.readFileSync(onServer(meta.sha256)).equals(bytes)).toBe(true);
  });

  it('does not send a file the server already holds (another device sent the same photo)', async () => {
    const bytes = photo(2 * CHUNK);
    const a = await device(org.inspectorA);
    await recordWithPhoto(a.core, bytes);
    await pushOutbox(a.store, a.dev);
    expect(await upload(a.store, a.dev, recording([]))).toMatchObject({ uploaded: 1 });

    const b = await device(org.inspectorA2);
    const { meta } = await recordWithPhoto(b.core, bytes);
    await pushOutbox(b.store, b.dev);
    const calls: Call[] = [];
    expect(await upload(b.store, b.dev, recording(calls))).toMatchObject({
      uploaded: 0,
      alreadyOnServer: 1,
    });
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(calls).toHaveLength(1);
    const listed = await b.core.ok('attachments.list', {
      ownerType: 'spotCheck',
      ownerId: meta.ownerId,
    });
    expect(listed[0]?.uploaded).toBe(true);
  });

  it('leaves files pending when the server is unreachable', async () => {
    const { core, store, dev } = await device();
    await recordWithPhoto(core, photo(1000));
    await pushOutbox(store, dev);
    const summary = await uploadPendingFiles({
      fetch: (u, i) => fetch(u, i),
      baseUrl: 'http://127.0.0.1:9',
      token: dev.token,
      store,
      dataDir: store.dataDir,
    });
    expect(summary).toMatchObject({ uploaded: 0, failed: 1, stopped: true });
    expect(store.attachments.countPendingUploads()).toBe(1);
  });
});

describe('the sync round', () => {
  it('uploads a photo after its record and counts pending files for sync.status', async () => {
    const c = openClient();
    try {
      const env = { storage: db.storage, url: server.url, org } as unknown as SyncEnv;
      await enrollAndLogin(env, c, org.inspectorA);
      // Signing in may fill the officer profile from the account already.
      if (!(await c.ok('profile.get', {}))) await c.ok('profile.setup', PROFILE);
      const bytes = photo(CHUNK * 2 + 5);
      const { meta } = await recordWithPhoto(c, bytes);
      expect((await c.ok('sync.status', {})).pendingFiles).toBe(1);
      await c.round();
      const status = await c.ok('sync.status', {});
      expect(status).toMatchObject({ pendingFiles: 0, pendingMutations: 0, lastError: null });
      expect(fs.readFileSync(onServer(meta.sha256)).equals(bytes)).toBe(true);
    } finally {
      await c.core.shutdown();
    }
  });
});

describe('a supervisor’s device', () => {
  it('pulls the photo’s metadata and reads the bytes from the server, then keeps them', async () => {
    const bytes = photo(CHUNK + 99);
    const insp = await device(org.inspectorA);
    const { meta, record } = await recordWithPhoto(insp.core, bytes);
    await pushOutbox(insp.store, insp.dev);

    const sup = await device(org.supervisor);
    const enrollment = {
      serverUrl: server.url,
      deviceId: sup.dev.deviceId,
      deviceName: 'office',
      token: sup.dev.token,
      enrolledAt: new Date().toISOString(),
      userId: org.supervisor.id,
    };
    sup.store.syncState.set('enrollment', enrollment);
    const res = await fetch(`${server.url}/v1/sync/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sup.dev.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor: 0, limit: 1000 }),
    });
    const page = (await res.json()) as PullResponse;
    const rows = page.rows.filter((r) => r.entity === 'attachment' && r.entityId === meta.id);
    expect(rows).toHaveLength(1);
    for (const r of rows) applyPulledAttachment(sup.store, r.entityId, r.doc);

    const listed = await sup.core.ok('attachments.list', {
      ownerType: 'spotCheck',
      ownerId: record.id,
    });
    expect(listed).toEqual([{ ...meta, uploaded: true }]);

    // Pulled before the inspector's laptop uploaded the bytes: a clear "not downloaded yet".
    const early = await sup.core.call('attachments.read', { sha256: meta.sha256 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message.key).toBe('e.fileNotDownloaded');

    await upload(insp.store, insp.dev, recording([]));
    const read = await sup.core.ok('attachments.read', { sha256: meta.sha256 });
    expect(read.mimeType).toBe('image/jpeg');
    expect(Buffer.from(read.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(
      sha(fs.readFileSync(path.join(sup.core.dir, 'files', meta.sha256.slice(0, 2), meta.sha256))),
    ).toBe(meta.sha256);

    // Kept locally: readable with the server out of reach.
    sup.store.syncState.set('enrollment', { ...enrollment, serverUrl: 'http://127.0.0.1:9' });
    expect((await sup.core.ok('attachments.read', { sha256: meta.sha256 })).dataBase64).toBe(
      bytes.toString('base64'),
    );
  });
});

/** Sends the first half of a PUT's body with the full length announced, then drops the socket. */
function sendHalfAndCut(url: string, init: RequestInit): Promise<void> {
  const body = Buffer.from(init.body as Uint8Array);
  const headers = init.headers as Record<string, string>;
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = http.request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: 'PUT',
      headers: { ...headers, 'content-length': String(body.length) },
    });
    req.on('error', () => resolve());
    req.write(body.subarray(0, body.length / 2), () => {
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
  });
}
