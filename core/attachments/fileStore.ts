/**
 * The device's file store: attachment bytes content-addressed by SHA-256 under
 * `<dataDir>/files/<first 2 hex>/<sha256>`.
 *
 * A write goes to a temp file in the target's own directory (a rename is atomic only within
 * one file system), is fsynced, renamed into place, and the directory is fsynced so the rename
 * survives a power cut. A name therefore always holds the complete bytes it is named after, or
 * does not exist; a crash leaves at most a stray temp file, never a torn photo. A hash already
 * present is not written again (the same photo added twice is stored once).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const FILES_DIR_NAME = 'files';

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export class LocalFileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, FILES_DIR_NAME);
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** Stores the bytes under their hash; returns false when the file was there already. */
  write(sha256: string, bytes: Buffer): boolean {
    const target = this.pathOf(sha256);
    if (fs.existsSync(target)) return false;
    const dir = path.dirname(target);
    fs.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = fs.openSync(temp, 'wx');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
    syncDir(dir);
    return true;
  }

  /**
   * The bytes, checked against their name; null when missing. A file that no longer matches
   * its hash (disk damage) is moved aside and reported missing, so it can be fetched again.
   */
  read(sha256: string): Buffer | null {
    const file = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (sha256Of(bytes) === sha256) return bytes;
    fs.renameSync(file, `${file}.damaged-${Date.now()}`);
    return null;
  }

  /** Removes a file this call wrote when the metadata that was to name it was refused. */
  remove(sha256: string): void {
    fs.rmSync(this.pathOf(sha256), { force: true });
  }

  /** Reads a byte range (the uploader sends chunks without loading a 20 MB file at once). */
  readRange(sha256: string, start: number, length: number): Buffer {
    const fd = fs.openSync(this.pathOf(sha256), 'r');
    try {
      const buf = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, buf, done, length - done, start + done);
        if (n === 0) break;
        done += n;
      }
      return done === length ? buf : buf.subarray(0, done);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Makes a rename durable. Windows cannot open a directory for fsync; NTFS journals renames. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
