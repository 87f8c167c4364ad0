/**
 * Bulk inserts of the push path (server/storage/multiRow.ts insertRows): binary COPY on
 * PostgreSQL (copyBinary.ts), multi-row INSERTs on PGlite. Both must store exactly the values
 * given, and a failure must fail the transaction and leave the connection usable.
 */
import { encodeRows } from '../../server/storage/copyBinary';
import { insertRows } from '../../server/storage/multiRow';
import { settleAll } from '../../server/storage/settle';
import type { RowSet } from '../../server/storage/types';
import { openTestStorage, type TestStorage } from '../../server/testing/harness';

let db: TestStorage;

beforeAll(async () => {
  db = await openTestStorage();
  await db.storage.query(`CREATE TABLE bulk_a (
    t text NOT NULL, u uuid, n bigint, j json, jb jsonb, PRIMARY KEY (t))`);
  await db.storage.query(`CREATE TABLE bulk_b (k text PRIMARY KEY, v jsonb NOT NULL)`);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

const A = (rows: unknown[][]): RowSet => ({
  table: 'bulk_a',
  columns: ['t', 'u', 'n', 'j', 'jb'],
  types: ['text', 'uuid', 'int8', 'json', 'jsonb'],
  rows,
});
const B = (rows: unknown[][]): RowSet => ({
  table: 'bulk_b',
  columns: ['k', 'v'],
  types: ['text', 'jsonb'],
  rows,
});

const tricky = {
  name: '辽宁省“华龙”乳业\t有限公司\n第二行 \\ 反斜杠 "引号" 😀',
  nested: { a: [1, 2.5, -3, 1e21, null, true], empty: {}, list: [] },
  unicode: '\u2028\u00e9\uffff',
};

it('stores every column type exactly, two tables in one call', async () => {
  const rowsA = [
    [
      '普通文本 with "quotes" and \\ and \t tab',
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      1,
      '{"x":1}',
      '{"y":2}',
    ],
    ['nulls', null, null, null, null],
    ['big', '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', Number.MAX_SAFE_INTEGER, '[]', '[]'],
    ['json-tricky', null, 0, JSON.stringify(tricky), JSON.stringify(tricky)],
    ['string-seq', null, '9007199254740993', null, null],
    [['pa', 'rts ', '文本'], null, null, ['{"a":', '[1,"二"]', '}'], ['{"b"', ':true}']],
    // Parts that are UTF-8 bytes (a device's text, stored as it was sent) among strings.
    [
      [Buffer.from('字节'), '与文本'],
      null,
      null,
      ['{"c":', Buffer.from('"三 😀"'), '}'],
      [Buffer.from('{"d":[1,"四"]}')],
    ],
    ['undashed', '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b', null, null, null],
  ];
  const rowsB = Array.from({ length: 250 }, (_, i) => [
    `k${i}`,
    JSON.stringify({ i, s: `值${i}` }),
  ]);
  await db.storage.transaction(async (tx) => {
    await settleAll(insertRows(tx, [A(rowsA), B(rowsB), B([])]));
  });
  const { rows } = await db.storage.query<{
    t: string;
    u: string | null;
    n: string | number | null;
    j: unknown;
    jb: unknown;
  }>('SELECT t, u::text AS u, n::text AS n, j, jb FROM bulk_a ORDER BY t');
  const byT = new Map(rows.map((r) => [r.t, r]));
  expect(byT.get(rowsA[0]?.[0] as string)).toEqual({
    t: rowsA[0]?.[0],
    u: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    n: '1',
    j: { x: 1 },
    jb: { y: 2 },
  });
  expect(byT.get('nulls')).toEqual({ t: 'nulls', u: null, n: null, j: null, jb: null });
  expect(byT.get('big')?.n).toBe(String(Number.MAX_SAFE_INTEGER));
  expect(byT.get('big')?.u).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  expect(byT.get('json-tricky')?.j).toEqual(tricky);
  expect(byT.get('json-tricky')?.jb).toEqual(tricky);
  expect(byT.get('string-seq')?.n).toBe('9007199254740993');
  expect(byT.get('undashed')?.u).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  expect(byT.get('parts 文本')).toMatchObject({ j: { a: [1, '二'] }, jb: { b: true } });
  expect(byT.get('字节与文本')).toMatchObject({ j: { c: '三 😀' }, jb: { d: [1, '四'] } });
  const b = await db.storage.query<{ n: unknown }>('SELECT count(*)::int AS n FROM bulk_b');
  expect(Number(b.rows[0]?.n)).toBe(250);
  const k7 = await db.storage.query<{ v: unknown }>(`SELECT v FROM bulk_b WHERE k = 'k7'`);
  expect(k7.rows[0]?.v).toEqual({ i: 7, s: '值7' });
});

it('without a bulk path (multi-row INSERTs) the same values are stored', async () => {
  await db.storage.query('DELETE FROM bulk_b');
  await db.storage.transaction(async (tx) => {
    const plain = { query: tx.query.bind(tx) }; // no insertRows: multiRow.ts falls back
    await settleAll(
      insertRows(plain, [
        B([
          ['x1', JSON.stringify(tricky)],
          ['x2', ['{"s":', JSON.stringify('部分'), '}']],
          ['x3', ['{"b":', Buffer.from('"字节"'), '}']],
        ]),
      ]),
    );
  });
  const { rows } = await db.storage.query<{ k: string; v: unknown }>(
    'SELECT k, v FROM bulk_b ORDER BY k',
  );
  expect(rows).toEqual([
    { k: 'x1', v: tricky },
    { k: 'x2', v: { s: '部分' } },
    { k: 'x3', v: { b: '字节' } },
  ]);
});

it('a failing set fails the transaction, nothing of it stays, and the connection goes on', async () => {
  await db.storage.query('DELETE FROM bulk_b');
  await expect(
    db.storage.transaction(async (tx) => {
      await settleAll(
        insertRows(tx, [
          B([['ok-1', '{}']]),
          // duplicate key inside one set: the COPY (or INSERT) fails
          B([
            ['dup', '{}'],
            ['dup', '{}'],
          ]),
          B([['ok-2', '{}']]),
        ]),
      );
    }),
  ).rejects.toThrow(/duplicate key/);
  await expect(
    db.storage.transaction(async (tx) => {
      await settleAll(insertRows(tx, [B([['bad-json', '{not json']])]));
    }),
  ).rejects.toThrow(/json/i);
  // Same pool, and the next transaction works normally.
  await db.storage.transaction(async (tx) => {
    await settleAll(insertRows(tx, [B([['after', '{"fine":true}']])]));
    const r = await tx.query<{ k: string }>('SELECT k FROM bulk_b ORDER BY k');
    expect(r.rows.map((x) => x.k)).toEqual(['after']);
  });
});

it('the binary encoder refuses values it cannot represent instead of storing something else', () => {
  const set = (types: RowSet['types'], row: unknown[]): RowSet => ({
    table: 'x',
    columns: types.map((_, i) => `c${i}`),
    types,
    rows: [row],
  });
  expect(() => encodeRows(set(['uuid'], ['not-a-uuid']))).toThrow(/uuid/);
  for (const bad of [
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g', // not hex
    '0190a1b2c-3d4-7e5f-8a9b-0c1d2e3f4a5b', // dash misplaced
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5', // short
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bb', // long
    '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5é',
  ])
    expect(() => encodeRows(set(['uuid'], [bad]))).toThrow(/uuid/);
  // canonical, upper case and undashed forms are the same 16 bytes
  const bytes = (u: string) =>
    encodeRows(set(['uuid'], [u]))
      .subarray(25, 41)
      .toString('hex');
  expect(bytes('0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B')).toBe('0190a1b2c3d47e5f8a9b0c1d2e3f4a5b');
  expect(bytes('0190a1b2c3d47e5f8a9b0c1d2e3f4a5b')).toBe('0190a1b2c3d47e5f8a9b0c1d2e3f4a5b');
  expect(() => encodeRows(set(['int8'], [1.5]))).toThrow(/int8/);
  expect(() => encodeRows(set(['int8'], ['12abc']))).toThrow(/int8/);
  expect(() => encodeRows(set(['text'], [{ a: 1 }]))).toThrow(/text/);
  expect(() => encodeRows(set(['text', 'text'], ['only one']))).toThrow(/row of 1/);
  // header, one tuple (field count, length -1 for NULL), trailer
  const empty = encodeRows(set(['text'], [null]));
  expect(empty.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  expect(empty.length).toBe(19 + 2 + 4 + 2);
  // framed: a whole CopyData message ('d', length counting itself, data)
  const framed = encodeRows(set(['text'], [null]), true);
  expect(framed[0]).toBe(0x64);
  expect(framed.readInt32BE(1)).toBe(framed.length - 1);
  expect(framed.subarray(5).equals(empty)).toBe(true);
  // a large set grows the scratch buffer and still comes out exact
  const big = 'é'.repeat(300_000);
  const out = encodeRows(set(['text'], [big]));
  expect(out.length).toBe(19 + 2 + 4 + Buffer.byteLength(big) + 2);
  expect(out.subarray(25, 25 + Buffer.byteLength(big)).toString('utf8')).toBe(big);
});
