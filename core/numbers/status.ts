/** What this device has left to number documents with, per type (numbers.status). */
import type { NumberStatus, NumberTypeStatus } from '../../shared/api/numberContract';
import {
  docTypeName,
  isLow,
  NUMBERED_DOC_TYPES,
  type NumberedDocType,
} from '../../shared/documents/numbers';
import { chinaDate } from '../../shared/domain/deadlines/today';
import { DEFAULT_BLOCK_SIZE } from '../../shared/sync/numberProtocol';
import type { Store } from '../../db/store';

/** Numbers count years in Beijing time, like every legal date. */
export const numberYear = (now: Date): number => Number(chinaDate(now).slice(0, 4));

export function typeStatus(store: Store, docType: NumberedDocType, year: number): NumberTypeStatus {
  const blocks = store.numbers.blocks(docType, year);
  const newest = blocks.at(-1);
  const remaining = blocks.reduce((n, b) => n + Math.max(0, b.end - b.next + 1), 0);
  const blockSize = newest ? newest.end - newest.start + 1 : DEFAULT_BLOCK_SIZE;
  return {
    docType,
    year,
    prefix: newest?.prefix ?? null,
    remaining,
    blockSize,
    low: isLow(remaining, blockSize),
    empty: remaining === 0,
    whenEmpty: { key: 'numbers.whenEmpty', params: { docType: docTypeName(docType) } },
  };
}

/** Whether the device may ask the server for blocks (enrolled and not revoked). */
export function canRefill(store: Store): boolean {
  return !!store.syncState.get('enrollment') && !store.syncState.get('revoked');
}

export function numberStatus(store: Store, now: Date): NumberStatus {
  const year = numberYear(now);
  return {
    year,
    canRefill: canRefill(store),
    types: NUMBERED_DOC_TYPES.map((t) => typeStatus(store, t, year)),
  };
}
