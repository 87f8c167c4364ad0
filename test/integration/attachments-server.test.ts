/**
 * Server side of attachments: the metadata entity (scoped like its spot check, create only)
 * and /v1/files — resumable chunks, offsets, hash verification, size limit, access by scope.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/sync';
import { FILE_HEADERS, formatContentRange } from '../../shared/sync/fileProtocol';
import type { Mutation, PullResponse, PushResponse } from '../../shared/sync/protocol';
import type { RunningServer } from '../../server/server';
import {
  createOrg,
  enroll,
  mutation,
  newId,
  openTestStorage,
  startTestServer,
  submittableSpotCheckData,
  type TestDevice,
  type TestOrg,
  type TestStorage,
} from '../../server/testing/harness';

let db: TestStorage;
let server: RunningServer;
let org: TestOrg;
let filesDir: string;

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-files-'));
  db = await openTestStorage();
  org = await createOrg(db.storage);
  server = await startTestServer(db.storage, { filesDir });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CHUNK = 64 * 1024;
/** Random bytes behind a JPEG signature: the server does not sniff, the app does. */
const photo = (size: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(size - 3)]);

async function push(dev: TestDevice, batch: Mutation[]): Promise<PushResponse> {
  const res = await fetch(`${server.url}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${dev.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: dev.deviceId, batch }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

function attachmentChanges(ownerId: string, bytes: Buffer, over: Record<string, unknown> = {}) {
  return {
    ownerType: 'spotCheck',
    ownerId,
    sha256: sha(bytes),
    fileName: '现场照片.jpg',
    mimeType: 'image/jpeg',
    size: bytes.length,
    createdAt: new Date().toISOString(),
    ...over,
  };
}

/** A draft spot check of `dev` with one photo's metadata pushed; returns the ids. */
async function recordWithPhoto(dev: TestDevice, bytes: Buffer) {
  const spotCheckId = newId();
  const attachmentId = newId();
  const res = await push(dev, [
    mutation(dev, 'spotCheck', 'create', spotCheckId, { data: submittableSpotCheckData() }),
    mutation(dev, 'attachment', 'create', attachmentId, attachmentChanges(spotCheckId, bytes)),
  ]);
  expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { spotCheckId, attachmentId };
}

const files = (dev: TestDevice | null, hash: string, init: RequestInit = {}) =>
  fetch(`${server.url}/v1/files/${hash}`, {
    ...init,
    headers: {
      ...(dev ? { authorization: `Bearer ${dev.token}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

const put = (
  dev: TestDevice,
  bytes: Buffer,
  start: number,
  end: number,
  total = bytes.length,
  hash = sha(bytes),
) =>
  files(dev, hash, {
    method: 'PUT',
    headers: {
      'content-type': 'application/octet-stream',
      'content-range': formatContentRange({ start, end, total }),
    },
    body: new Uint8Array(bytes.subarray(start, end + 1)),
  });

const stored = (hash: string) => path.join(filesDir, hash.slice(0, 2), hash);
const rows = async (hash: string) =>
  (await db.storage.query('SELECT * FROM files WHERE sha256 = $1', [hash])).rows;

describe('attachment metadata', () => {
  it('is created with the spot check and pulled by the supervisor, not by another team', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(1000);
    const { attachmentId, spotCheckId } = await recordWithPhoto(dev, bytes);
    const pull = async (d: TestDevice) => {
      const res = await fetch(`${server.url}/v1/sync/pull`, {
        method: 'POST',
        headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ cursor: 0, limit: 1000 }),
      });
      return ((await res.json()) as PullResponse).rows.filter((r) => r.entity === 'attachment');
    };
    const sup = await pull(await enroll(db.storage, org.supervisor));
    const mine = sup.find((r) => r.entityId === attachmentId);
    expect(mine?.doc).toMatchObject({
      ownerId: spotCheckId,
      sha256: sha(bytes),
      size: 1000,
      createdBy: org.inspectorA.id,
    });
    const other = await pull(await enroll(db.storage, org.inspectorB));
    expect(other.find((r) => r.entityId === attachmentId)).toBeUndefined();
  });

  it('is refused on a submitted record, for someone else’s record, and cannot change', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const other = await enroll(db.storage, org.inspectorB);
    const bytes = photo(500);
    const { spotCheckId, attachmentId } = await recordWithPhoto(dev, bytes);
    const submitted = newId();
    const created = await push(dev, [
      mutation(dev, 'spotCheck', 'create', submitted, { data: submittableSpotCheckData() }),
    ]);
    const base = created.results[0]?.status === 'applied' ? created.results[0].serverSeq : null;
    const res = await push(dev, [
      mutation(dev, 'spotCheck', 'submit', submitted, {}, base),
      mutation(dev, 'attachment', 'create', newId(), attachmentChanges(submitted, bytes)),
      mutation(dev, 'attachment', 'update', attachmentId, { fileName: 'x.jpg' }, 1),
      mutation(dev, 'attachment', 'create', newId(), attachmentChanges(newId(), bytes)),
      mutation(
        dev,
        'attachment',
        'create',
        newId(),
        attachmentChanges(spotCheckId, bytes, { size: MAX_ATTACHMENT_BYTES + 1 }),
      ),
    ]);
    expect(res.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
      'applied',
      'immutable',
      'unsupportedOp',
      'notFound',
      'validation',
    ]);
    const cross = await push(other, [
      mutation(other, 'attachment', 'create', newId(), attachmentChanges(spotCheckId, bytes)),
    ]);
    expect(cross.results[0]).toMatchObject({ status: 'rejected', reason: 'outOfScope' });
  });
});

describe('/v1/files', () => {
  it('takes a file in chunks, verifies it and then reports it complete', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(3 * CHUNK + 123);
    const hash = sha(bytes);
    await recordWithPhoto(dev, bytes);

    const head0 = await files(dev, hash, { method: 'HEAD' });
    expect(head0.status).toBe(200);
    expect(head0.headers.get(FILE_HEADERS.offset)).toBe('0');
    expect(head0.headers.get(FILE_HEADERS.size)).toBe(String(bytes.length));
    expect(head0.headers.get(FILE_HEADERS.complete)).toBe('0');

    for (let start = 0; start < bytes.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, bytes.length) - 1;
      const res = await put(dev, bytes, start, end);
      const last = end === bytes.length - 1;
      expect(res.status).toBe(last ? 201 : 200);
      expect(await res.json()).toEqual({ offset: end + 1, complete: last });
      if (!last) {
        const head = await files(dev, hash, { method: 'HEAD' });
        expect(head.headers.get(FILE_HEADERS.offset)).toBe(String(end + 1));
      }
    }
    expect(fs.readFileSync(stored(hash)).equals(bytes)).toBe(true);
    expect(await rows(hash)).toEqual([
      expect.objectContaining({ sha256: hash, uploaded_by: dev.deviceId }),
    ]);
    const head = await files(dev, hash, { method: 'HEAD' });
    expect(head.headers.get(FILE_HEADERS.complete)).toBe('1');
    // Sending a known file again is a no-op answered as complete.
    const again = await put(dev, bytes, 0, CHUNK - 1);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ offset: bytes.length, complete: true });
  });

  it('refuses a chunk that does not start at the server’s offset, saying where to resume', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(2 * CHUNK);
    await recordWithPhoto(dev, bytes);
    expect((await put(dev, bytes, 0, CHUNK - 1)).status).toBe(200);
    const skip = await put(dev, bytes, CHUNK + 10, 2 * CHUNK - 1);
    expect(skip.status).toBe(409);
    expect(skip.headers.get(FILE_HEADERS.offset)).toBe(String(CHUNK));
    expect(await skip.json()).toMatchObject({ code: 'UPLOAD_OFFSET', details: { offset: CHUNK } });
    const repeat = await put(dev, bytes, 0, CHUNK - 1);
    expect(repeat.status).toBe(409);
    expect((await put(dev, bytes, CHUNK, 2 * CHUNK - 1)).status).toBe(201);
  });

  it('keeps nothing of a connection cut in the middle of a chunk, and resumes from the offset', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(2 * CHUNK + 77);
    const hash = sha(bytes);
    await recordWithPhoto(dev, bytes);
    expect((await put(dev, bytes, 0, CHUNK - 1)).status).toBe(200);

    // Announce a full chunk, send half of it, then drop the connection.
    await new Promise<void>((resolve) => {
      const url = new URL(`${server.url}/v1/files/${hash}`);
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${dev.token}`,
          'content-type': 'application/octet-stream',
          'content-length': String(CHUNK),
          'content-range': formatContentRange({
            start: CHUNK,
            end: 2 * CHUNK - 1,
            total: bytes.length,
          }),
        },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(CHUNK, CHUNK + CHUNK / 2), () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 50);
      });
    });

    const head = await files(dev, hash, { method: 'HEAD' });
    expect(head.headers.get(FILE_HEADERS.offset)).toBe(String(CHUNK));
    expect((await put(dev, bytes, CHUNK, 2 * CHUNK - 1)).status).toBe(200);
    expect((await put(dev, bytes, 2 * CHUNK, bytes.length - 1)).status).toBe(201);
    expect(fs.readFileSync(stored(hash)).equals(bytes)).toBe(true);
  });

  it('refuses a file whose bytes do not match its hash and keeps none of it', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(CHUNK + 5);
    const hash = sha(bytes);
    await recordWithPhoto(dev, bytes);
    const tampered = Buffer.from(bytes);
    tampered[CHUNK + 2] = (tampered[CHUNK + 2] as number) ^ 0xff;
    expect((await put(dev, tampered, 0, CHUNK - 1, bytes.length, hash)).status).toBe(200);
    const res = await put(dev, tampered, CHUNK, bytes.length - 1, bytes.length, hash);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'HASH_MISMATCH' });
    expect(fs.existsSync(stored(hash))).toBe(false);
    expect(await rows(hash)).toEqual([]);
    const head = await files(dev, hash, { method: 'HEAD' });
    expect(head.headers.get(FILE_HEADERS.offset)).toBe('0');
    expect(head.headers.get(FILE_HEADERS.complete)).toBe('0');
  });

  it('refuses a file over the size limit with 413 before reading it', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(1000);
    await recordWithPhoto(dev, bytes);
    const res = await put(dev, bytes, 0, 999, MAX_ATTACHMENT_BYTES + 1);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('answers bad input with 4xx: no token, a bad hash, a bad range, a wrong length or size', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(1000);
    const hash = sha(bytes);
    await recordWithPhoto(dev, bytes);
    expect((await files(null, hash, { method: 'HEAD' })).status).toBe(401);
    expect((await files(null, hash)).status).toBe(401);
    expect((await files(dev, 'XYZ')).status).toBe(400);
    const noRange = await files(dev, hash, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    expect(noRange.status).toBe(400);
    const json = await files(dev, hash, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'content-range': 'bytes 0-1/1000' },
      body: '"ab"',
    });
    expect(json.status).toBe(400);
    expect((await put(dev, bytes, 0, 999, 2000)).status).toBe(400);
    const short = await files(dev, hash, {
      method: 'PUT',
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': 'bytes 0-999/1000',
      },
      body: new Uint8Array(bytes.subarray(0, 10)),
    });
    expect(short.status).toBe(400);
    expect(await rows(hash)).toEqual([]);
  });

  it('gives the bytes only to devices whose scope holds a record naming them', async () => {
    const dev = await enroll(db.storage, org.inspectorA);
    const bytes = photo(CHUNK / 2);
    const hash = sha(bytes);
    await recordWithPhoto(dev, bytes);
    const sup = await enroll(db.storage, org.supervisor);
    const notYet = await files(sup, hash);
    expect(notYet.status).toBe(404);
    expect(await notYet.json()).toMatchObject({ code: 'FILE_NOT_UPLOADED' });
    expect((await put(dev, bytes, 0, bytes.length - 1)).status).toBe(201);

    const got = await files(sup, hash);
    expect(got.status).toBe(200);
    expect(got.headers.get(FILE_HEADERS.sha256)).toBe(hash);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    for (const outsider of [org.inspectorB, org.inspectorA2]) {
      const d = await enroll(db.storage, outsider);
      const res = await files(d, hash);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'FILE_NOT_REFERENCED' });
      expect((await files(d, hash, { method: 'HEAD' })).status).toBe(403);
      expect((await put(d, bytes, 0, bytes.length - 1)).status).toBe(403);
    }
  });
});
