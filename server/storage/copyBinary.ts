/**
 * Row inserts as PostgreSQL binary COPY (`COPY t (cols) FROM STDIN (FORMAT binary)`), for the
 * push path's bulk writes. Compared with a multi-row INSERT the server parses and plans nothing
 * and builds no per-row expressions, and the client sends each value as it is stored (no
 * parameter text for uuids and numbers).
 *
 * Several row sets go in ONE simple-protocol Query message holding one COPY per set, with every
 * set's data sent right behind it: one round trip for all of them, answered by one
 * ReadyForQuery. If a COPY fails, PostgreSQL skips the rest of the message and drops the
 * CopyData/CopyDone messages still to come (protocol: "any subsequent CopyData, CopyDone, or
 * CopyFail messages issued by the frontend will simply be dropped"), reports the error, and the
 * transaction is aborted like after any failed statement.
 *
 * The column types must be the table's own: binary input is read by the column type's receive
 * function, so a mismatch is refused by the server (never stored as something else).
 */
import { isTextParts, type TextPart } from './textParts';
import type { ColumnType, RowSet } from './types';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (int32 0), header extension length (int32 0). */
const HEADER_BYTES = SIGNATURE.length + 8;
const TWO_32 = 2 ** 32;

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * `COPY table (columns) FROM STDIN (FORMAT binary)`, or from PGlite's `'/dev/blob'` (the data
 * given with the query); names are checked, never quoted input.
 */
export function copyStatement(
  set: Pick<RowSet, 'table' | 'columns'>,
  source: 'STDIN' | "'/dev/blob'" = 'STDIN',
): string {
  for (const name of [set.table, ...set.columns]) {
    if (!SAFE_IDENT.test(name)) throw new Error(`copyStatement: bad identifier ${name}`);
  }
  return `COPY ${set.table} (${set.columns.join(', ')}) FROM ${source} (FORMAT binary)`;
}

/** Most bytes a value of this type can take, length word included. */
function maxBytes(type: ColumnType, v: unknown): number {
  if (v === null || v === undefined) return 4;
  switch (type) {
    case 'uuid':
      return 20;
    case 'int8':
      return 12;
    case 'bool':
      return 5;
    default: {
      // UTF-8 needs at most 3 bytes per UTF-16 code unit; jsonb adds its version byte.
      if (typeof v === 'string') return 5 + 3 * v.length;
      let n = 5;
      for (const part of v as readonly TextPart[])
        n += typeof part === 'string' ? 3 * part.length : part.byteLength;
      return n;
    }
  }
}

const HEX: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();

/**
 * A uuid's 16 bytes written at `at`: the canonical form (8-4-4-4-12 hex digits) or 32 hex digits,
 * as PostgreSQL's uuid input takes them; false (nothing usable written) for anything else.
 */
function writeUuid(b: Buffer, v: string, at: number): boolean {
  const dashed = v.length === 36;
  if (!dashed && v.length !== 32) return false;
  if (dashed && (v[8] !== '-' || v[13] !== '-' || v[18] !== '-' || v[23] !== '-')) return false;
  let o = at;
  for (let i = 0; i < v.length;) {
    if (dashed && (i === 8 || i === 13 || i === 18 || i === 23)) i++;
    const hi = v.charCodeAt(i);
    const lo = v.charCodeAt(i + 1);
    const h = hi < 128 ? (HEX[hi] as number) : -1;
    const l = lo < 128 ? (HEX[lo] as number) : -1;
    if (h < 0 || l < 0) return false;
    b[o++] = (h << 4) | l;
    i += 2;
  }
  return o - at === 16;
}

/**
 * Writes a string, or parts one after another, as UTF-8 at `at`; returns the bytes written. Parts
 * that are bytes are UTF-8 already (textParts.ts): copied as they are.
 */
function writeText(b: Buffer, v: string | readonly TextPart[], at: number): number {
  if (typeof v === 'string') return b.write(v, at, 'utf8');
  let o = at;
  for (const part of v) {
    if (typeof part === 'string') o += b.write(part, o, 'utf8');
    else {
      b.set(part, o);
      o += part.byteLength;
    }
  }
  return o - at;
}

function badValue(type: ColumnType, v: unknown): Error {
  return new TypeError(`binary COPY: not a ${type} value: ${String(v).slice(0, 80)}`);
}

/**
 * Encoding happens in this scratch buffer (grown as needed, kept for the next call); the result
 * is copied out at its exact size, so a chunk of rows costs one right-sized allocation whatever
 * the worst case of its UTF-8 text.
 */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/**
 * The COPY data of one row set: header, tuples, trailer. With `framed`, as a complete CopyData
 * protocol message ('d', int32 length, data), ready to write to the connection.
 */
export function encodeRows(set: RowSet, framed = false): Buffer {
  const { types, rows } = set;
  const width = types.length;
  const start = framed ? 5 : 0;
  let size = start + HEADER_BYTES + 2;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`binary COPY: row of ${row.length}, not ${width}`);
    size += 2;
    for (let j = 0; j < width; j++) {
      const v = row[j];
      const t = types[j] as ColumnType;
      if (
        v !== null &&
        v !== undefined &&
        t !== 'uuid' &&
        t !== 'int8' &&
        t !== 'bool' &&
        typeof v !== 'string' &&
        !isTextParts(v)
      )
        throw badValue(t, v);
      size += maxBytes(t, v);
    }
  }
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
  const b = scratch;
  SIGNATURE.copy(b, start);
  b.writeInt32BE(0, start + SIGNATURE.length);
  b.writeInt32BE(0, start + SIGNATURE.length + 4);
  let o = start + HEADER_BYTES;
  for (const row of rows) {
    b.writeInt16BE(width, o);
    o += 2;
    for (let j = 0; j < width; j++) {
      const v = row[j];
      const t = types[j] as ColumnType;
      if (v === null || v === undefined) {
        b.writeInt32BE(-1, o);
        o += 4;
        continue;
      }
      switch (t) {
        case 'uuid': {
          if (typeof v !== 'string' || !writeUuid(b, v, o + 4)) throw badValue(t, v);
          b.writeInt32BE(16, o);
          o += 20;
          break;
        }
        case 'int8': {
          b.writeInt32BE(8, o);
          if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
            b.writeUInt32BE(Math.floor(v / TWO_32), o + 4);
            b.writeUInt32BE(v % TWO_32, o + 8);
          } else if (
            typeof v === 'bigint' ||
            (typeof v === 'number' && Number.isSafeInteger(v)) ||
            (typeof v === 'string' && /^-?\d{1,19}$/.test(v))
          ) {
            b.writeBigInt64BE(BigInt(v), o + 4);
          } else {
            throw badValue(t, v);
          }
          o += 12;
          break;
        }
        case 'bool': {
          if (typeof v !== 'boolean') throw badValue(t, v);
          b.writeInt32BE(1, o);
          b[o + 4] = v ? 1 : 0;
          o += 5;
          break;
        }
        case 'jsonb': {
          // jsonb's binary form: version 1, then the JSON text.
          b[o + 4] = 1;
          const n = writeText(b, v as string | readonly TextPart[], o + 5);
          b.writeInt32BE(n + 1, o);
          o += 5 + n;
          break;
        }
        default: {
          const n = writeText(b, v as string | readonly TextPart[], o + 4);
          b.writeInt32BE(n, o);
          o += 4 + n;
        }
      }
    }
  }
  b.writeInt16BE(-1, o);
  o += 2;
  if (framed) {
    b[0] = 0x64; // 'd'
    b.writeInt32BE(o - 1, 1);
  }
  const out = Buffer.allocUnsafeSlow(o);
  b.copy(out, 0, 0, o);
  return out;
}

/** CopyDone: 'c', length 4. */
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

/** What pg's Connection offers a custom query: its query message and its socket. */
interface PgConnection {
  stream: { cork?: () => void; uncork?: () => void; write(chunk: Buffer): boolean };
  query(text: string): void;
}

/**
 * A pg "submittable" (a custom query object: pg calls `submit` when the connection is free and
 * the `handle*` methods with the backend's answers) running one Query of several COPYs.
 */
export class CopyInQuery {
  callback?: (err: Error | null, rowCount?: number) => void;
  private rowCount = 0;
  private readonly text: string;
  private readonly data: Buffer[];

  constructor(sets: readonly RowSet[]) {
    this.text = sets.map((set) => copyStatement(set)).join('; ');
    this.data = sets.map((set) => encodeRows(set, true));
  }

  submit(connection: PgConnection): null {
    // One write for the query and all its data, like pg does for its own multi-message queries.
    connection.stream.cork?.();
    try {
      connection.query(this.text);
      // Framed CopyData messages written as they are (pg's sendCopyFromChunk would copy each).
      for (const message of this.data) {
        connection.stream.write(message);
        connection.stream.write(COPY_DONE);
      }
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  /** The data is already on its way (see submit). */
  handleCopyInResponse(): void {}

  handleCommandComplete(msg: { text?: string }): void {
    const n = Number(
      String(msg.text ?? '')
        .split(' ')
        .pop(),
    );
    if (Number.isFinite(n)) this.rowCount += n;
  }

  /** pg drops the query on an error (no ReadyForQuery call follows), so finish here. */
  handleError(err: Error): void {
    this.finish(err);
  }

  handleReadyForQuery(): void {
    this.finish(null);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}

  private finish(err: Error | null): void {
    const cb = this.callback;
    this.callback = undefined;
    cb?.(err, this.rowCount);
  }
}
