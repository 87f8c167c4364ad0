/**
 * Scope checksum: lets a client check, after a full pull, that it holds exactly the rows the
 * server has for its scope. It is the count plus the sum (mod 2^64) of a 64-bit FNV-1a hash of
 * `<entity>:<entityId>:<serverSeq>` per row. A sum does not depend on order and can be kept up
 * to date row by row on the client. It detects divergence; it is not a security measure.
 */
export interface ChecksumRow {
  entity: string;
  entityId: string;
  serverSeq: number;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

export function rowHash(row: ChecksumRow): bigint {
  let h = FNV_OFFSET;
  const text = `${row.entity}:${row.entityId}:${row.serverSeq}`;
  for (let i = 0; i < text.length; i++) {
    // UTF-16 code units: ids and entity names are ASCII, so this equals hashing the bytes.
    h ^= BigInt(text.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK;
  }
  return h;
}

export class ScopeChecksum {
  private count = 0;
  private sum = 0n;

  add(row: ChecksumRow): void {
    this.count++;
    this.sum = (this.sum + rowHash(row)) & MASK;
  }

  remove(row: ChecksumRow): void {
    this.count--;
    this.sum = (this.sum - rowHash(row) + (1n << 64n)) & MASK;
  }

  /** `<count>-<16 hex digits>`, the form the server sends. */
  value(): string {
    return `${this.count}-${this.sum.toString(16).padStart(16, '0')}`;
  }
}

export function scopeChecksum(rows: Iterable<ChecksumRow>): string {
  const c = new ScopeChecksum();
  for (const row of rows) c.add(row);
  return c.value();
}
