/**
 * The device's side of the scope checksum (shared/sync/checksum.ts): count and sum of row
 * hashes over every row received, kept up to date row by row in the same transaction as the
 * rows, so comparing with the server's value costs nothing.
 */
import type { Store } from '../../db/store';
import { rowHash } from '../../shared/sync/checksum';
import type { PullRow } from '../../shared/sync/protocol';

const MOD = 1n << 64n;

export class LocalChecksum {
  private constructor(
    private count: number,
    private sum: bigint,
  ) {}

  static load(store: Store): LocalChecksum {
    const s = store.syncState.get('checksum');
    return new LocalChecksum(s?.count ?? 0, s ? BigInt(`0x${s.sum}`) : 0n);
  }

  static reset(store: Store): void {
    store.entitySync.clearChecksumFlags();
    store.syncState.set('checksum', { count: 0, sum: '0' });
  }

  /** Records a received row: replaces the entity's previous term, if it had one. */
  receive(store: Store, row: PullRow): void {
    const prev = store.entitySync.get(row.entity, row.entityId);
    if (prev?.inChecksum) {
      this.count--;
      this.sum = (this.sum - rowHash(prev) + MOD) % MOD;
    }
    this.count++;
    this.sum = (this.sum + rowHash(row)) % MOD;
    store.entitySync.record(row.entity, row.entityId, row.serverSeq, row.deleted === true);
  }

  save(store: Store): void {
    store.syncState.set('checksum', { count: this.count, sum: this.sum.toString(16) });
  }

  value(): string {
    return `${this.count}-${this.sum.toString(16).padStart(16, '0')}`;
  }
}
