/**
 * File bytes on the server's disk, content-addressed:
 *
 *   <root>/<first 2 hex>/<sha256>     complete, verified files (never rewritten)
 *   <root>/partial/<sha256>.part      an upload in progress; its length is the resume offset
 *
 * A chunk is appended and fsynced before it is acknowledged, so the offset a client is told
 * survives a server crash. The whole file is hashed when the last chunk arrives; only a file
 * whose SHA-256 matches its name is renamed into place (atomically, then the directory is
 * fsynced), so a name in the complete tree always means those exact bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export class ServerFileStore {
  constructor(readonly root: string) {}

  completePath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  private partialPath(sha256: string): string {
    return path.join(this.root, 'partial', `${sha256}.part`);
  }

  async isComplete(sha256: string): Promise<boolean> {
    return (await sizeOf(this.completePath(sha256))) !== null;
  }

  /** Bytes received so far for an incomplete file (0 when nothing was sent yet). */
  async offset(sha256: string): Promise<number> {
    return (await sizeOf(this.partialPath(sha256))) ?? 0;
  }

  /** Appends at the end of the partial and makes it durable; the caller checked the offset. */
  async append(sha256: string, bytes: Buffer): Promise<number> {
    const file = this.partialPath(sha256);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const fh = await fsp.open(file, 'a');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
      return (await fh.stat()).size;
    } finally {
      await fh.close();
    }
  }

  /**
   * Verifies the partial's hash. On a match it becomes the complete file (true); on a mismatch
   * the partial is deleted so the next attempt starts clean (false).
   */
  async finalize(sha256: string): Promise<boolean> {
    const partial = this.partialPath(sha256);
    if ((await hashFile(partial)) !== sha256) {
      await fsp.rm(partial, { force: true });
      return false;
    }
    const target = this.completePath(sha256);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.rename(partial, target);
    await syncDir(path.dirname(target));
    return true;
  }

  /** Throws away a partial (e.g. its declared size turned out wrong). */
  async discard(sha256: string): Promise<void> {
    await fsp.rm(this.partialPath(sha256), { force: true });
  }

  async sizeOfComplete(sha256: string): Promise<number | null> {
    return sizeOf(this.completePath(sha256));
  }

  openRead(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.completePath(sha256));
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Makes a rename durable. Windows cannot open a directory for fsync; NTFS journals renames. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
