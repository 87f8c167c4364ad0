/**
 * The device's side of attachments: content-addressed files written atomically, deduplicated,
 * checked (size, type by magic bytes, drafts only) before anything is written, and metadata,
 * audit entry and outbox mutation committed together or not at all.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LocalFileStore } from '../../core/attachments/fileStore';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/sync';
import {
  PROFILE,
  asDraft,
  completeData,
  def,
  startCore,
  tempDir,
  type TestCore,
} from './core-fixtures';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 1),
]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => b.toString('base64');

let t: TestCore;
let draftId: string;

beforeEach(async () => {
  t = startCore();
  await t.ok('profile.setup', PROFILE);
  draftId = (await t.ok('spotCheck.create', {})).id;
});
afterEach(() => t.core.close());

const add = (over: Record<string, unknown> = {}) =>
  t.call('attachments.add', {
    ownerType: 'spotCheck',
    ownerId: draftId,
    fileName: '现场照片.jpg',
    mimeType: 'image/jpeg',
    dataBase64: b64(JPEG),
    ...over,
  } as never);

/** Every file under <dataDir>/files, temp files included. */
function filesOnDisk(dir = t.dir): string[] {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const outboxOf = (entity: string) =>
  t.db.prepare('SELECT * FROM outbox WHERE entity = ? ORDER BY seq').all(entity) as {
    entity_id: string;
    op: string;
    changes: string;
  }[];

describe('attachments.add', () => {
  it('stores the file under its hash and the metadata, audit entry and outbox mutation', async () => {
    const r = await add();
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const hash = sha(JPEG);
    expect(r.value).toMatchObject({
      ownerType: 'spotCheck',
      ownerId: draftId,
      sha256: hash,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: JPEG.length,
      uploaded: false,
    });
    expect(r.value.id.charAt(14)).toBe('7');
    expect(filesOnDisk()).toEqual([path.join(hash.slice(0, 2), hash)]);
    expect(fs.readFileSync(path.join(t.dir, 'files', hash.slice(0, 2), hash)).equals(JPEG)).toBe(
      true,
    );

    expect(await t.ok('attachments.list', { ownerType: 'spotCheck', ownerId: draftId })).toEqual([
      r.value,
    ]);
    const audit = await t.ok('audit.list', { entityType: 'spotCheck', entityId: draftId });
    expect(audit.at(-1)?.changes).toEqual([
      {
        path: `attachments.${r.value.id}`,
        old: null,
        new: { fileName: '现场照片.jpg', mimeType: 'image/jpeg', size: JPEG.length, sha256: hash },
      },
    ]);
    const [m] = outboxOf('attachment');
    expect(m).toMatchObject({ entity_id: r.value.id, op: 'create' });
    expect(JSON.parse(def(m).changes)).toEqual({
      ownerType: 'spotCheck',
      ownerId: draftId,
      sha256: hash,
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: JPEG.length,
      createdAt: r.value.createdAt,
    });

    const read = await t.ok('attachments.read', { sha256: hash });
    expect(read).toEqual({ mimeType: 'image/jpeg', dataBase64: b64(JPEG) });
  });

  it('stores the same bytes once however often they are added', async () => {
    const first = await add();
    expect(first.ok).toBe(true);
    const file = path.join(t.dir, 'files', sha(JPEG).slice(0, 2), sha(JPEG));
    const before = fs.statSync(file);
    const other = (await t.ok('spotCheck.create', {})).id;
    const write = jest.spyOn(fs, 'writeSync');
    try {
      expect((await add({ ownerId: other, fileName: 'copy.jpg' })).ok).toBe(true);
      expect((await add()).ok).toBe(true);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
    expect(fs.statSync(file).ino).toBe(before.ino);
    expect(filesOnDisk()).toHaveLength(1);
    expect(t.count('attachments')).toBe(3);
  });

  it('accepts a data URL as FileReader gives it, and PNG, WebP and PDF by their signatures', async () => {
    expect((await add({ dataBase64: `data:image/jpeg;base64,${b64(JPEG)}` })).ok).toBe(true);
    expect((await add({ mimeType: 'image/png', fileName: 'a.png', dataBase64: b64(PNG) })).ok).toBe(
      true,
    );
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(
      (await add({ mimeType: 'image/webp', fileName: 'a.webp', dataBase64: b64(webp) })).ok,
    ).toBe(true);
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    expect(
      (await add({ mimeType: 'application/pdf', fileName: 'a.pdf', dataBase64: b64(pdf) })).ok,
    ).toBe(true);
  });

  const refusals: [string, () => Record<string, unknown>, string, string][] = [
    [
      'a file of 20 MB + 1 byte',
      () => ({
        dataBase64: b64(
          Buffer.concat([JPEG, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - JPEG.length)]),
        ),
      }),
      'VALIDATION',
      'v.fileTooLarge',
    ],
    [
      'a .jpg that is not a JPEG',
      () => ({ dataBase64: b64(Buffer.from('just some text, not a photo')) }),
      'VALIDATION',
      'v.fileType',
    ],
    ['a PNG declared as JPEG', () => ({ dataBase64: b64(PNG) }), 'VALIDATION', 'v.fileType'],
    ['an empty file', () => ({ dataBase64: '' }), 'VALIDATION', 'v.fileType'],
    [
      'text that is not base64',
      () => ({ dataBase64: '!!not*base64!!' }),
      'VALIDATION',
      'v.invalid',
    ],
    [
      'an unknown record',
      () => ({ ownerId: '01900000-0000-7000-8000-000000000000' }),
      'NOT_FOUND',
      'e.notFound',
    ],
  ];
  it.each(refusals)('refuses %s and writes nothing', async (_name, over, code, key) => {
    const r = await add(over());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message.key).toBe(key);
    if (code === 'VALIDATION') expect(r.error.fieldErrors?.dataBase64?.key).toBe(key);
    expect(filesOnDisk()).toEqual([]);
    expect(t.count('attachments')).toBe(0);
    expect(outboxOf('attachment')).toEqual([]);
  });

  it('refuses a body over the schema limit with the size message too', async () => {
    const r = await add({ dataBase64: 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 8) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldErrors?.dataBase64?.key).toBe('v.fileTooLarge');
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses photos on a submitted record (evidence is taken before signing) and writes nothing', async () => {
    const id = (await t.ok('spotCheck.create', { data: asDraft(completeData()) })).id;
    await t.ok('spotCheck.submit', { id, expectedRevision: 1 });
    const r = await add({ ownerId: id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('READ_ONLY');
    expect(filesOnDisk()).toEqual([]);
    expect(t.count('attachments')).toBe(0);
  });

  it('keeps metadata and audit in one transaction: a failed commit leaves neither, nor the new file', async () => {
    t.db.exec(`CREATE TEMP TRIGGER refuse_attachment_audit BEFORE INSERT ON audit_log
      WHEN NEW.changes LIKE '%attachments.%' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const auditBefore = t.count('audit_log');
    const r = await add();
    expect(r.ok).toBe(false);
    expect(t.count('attachments')).toBe(0);
    expect(t.count('audit_log')).toBe(auditBefore);
    expect(outboxOf('attachment')).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe('local file store', () => {
  it('writes temp → fsync → rename → fsync dir, leaving no temp file', () => {
    const dir = tempDir();
    const store = new LocalFileStore(dir);
    const calls: string[] = [];
    const real = {
      openSync: fs.openSync,
      writeSync: fs.writeSync,
      fsyncSync: fs.fsyncSync,
      renameSync: fs.renameSync,
    };
    const spies = [
      jest.spyOn(fs, 'openSync').mockImplementation((file, flags) => {
        calls.push(`open ${path.basename(String(file))}`);
        return real.openSync(file, flags);
      }),
      jest.spyOn(fs, 'writeSync').mockImplementation((fd: number, data: unknown) => {
        calls.push('write');
        return real.writeSync(fd, data as Buffer);
      }),
      jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
        calls.push('fsync');
        real.fsyncSync(fd);
      }),
      jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        calls.push(`rename → ${path.basename(String(to))}`);
        real.renameSync(from, to);
      }),
    ];
    const hash = sha(JPEG);
    try {
      expect(store.write(hash, JPEG)).toBe(true);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(calls).toEqual([
      expect.stringMatching(new RegExp(`^open \\.${hash}\\.[0-9a-f]+\\.tmp$`)),
      'write',
      'fsync',
      `rename → ${hash}`,
      `open ${hash.slice(0, 2)}`,
      'fsync',
    ]);
    expect(filesOnDisk(dir)).toEqual([path.join(hash.slice(0, 2), hash)]);
    expect(store.write(hash, JPEG)).toBe(false);
  });

  it('leaves neither the file nor a temp file when the write fails midway', () => {
    const dir = tempDir();
    const store = new LocalFileStore(dir);
    const spy = jest.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    try {
      expect(() => store.write(sha(JPEG), JPEG)).toThrow('no space');
    } finally {
      spy.mockRestore();
    }
    expect(filesOnDisk(dir)).toEqual([]);
    expect(store.has(sha(JPEG))).toBe(false);
  });

  it('reports a damaged file missing (moved aside) so it can be fetched again', async () => {
    const r = await add();
    if (!r.ok) throw new Error('add failed');
    const file = path.join(t.dir, 'files', r.value.sha256.slice(0, 2), r.value.sha256);
    fs.writeFileSync(file, Buffer.from('bit rot'));
    const read = await t.call('attachments.read', { sha256: r.value.sha256 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message.key).toBe('e.fileNotDownloaded');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.includes('.damaged-'))).toBe(true);
  });

  it('answers NOT_FOUND for a hash no attachment names', async () => {
    const r = await t.call('attachments.read', { sha256: 'a'.repeat(64) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
  });
});
