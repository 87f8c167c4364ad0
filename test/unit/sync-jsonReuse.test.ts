/**
 * server/sync/jsonReuse.ts: reusing a JSON text is only allowed when JSON.stringify would give
 * exactly the same text, so sameJson must never say yes when the texts differ.
 */
import {
  docJsonReusing,
  jsonString,
  sameJson,
  stringifyParts,
  stringifyWith,
} from '../../server/sync/jsonReuse';

const cases: [string, unknown, unknown][] = [
  [
    'equal nested',
    { a: 1, b: [1, 'x', null, { c: true }] },
    { a: 1, b: [1, 'x', null, { c: true }] },
  ],
  ['key order', { a: 1, b: 2 }, { b: 2, a: 1 }],
  ['extra key', { a: 1 }, { a: 1, b: 2 }],
  ['undefined member', { a: 1, b: undefined }, { a: 1 }],
  ['undefined in array', [undefined], [null]],
  ['number vs string', { a: 1 }, { a: '1' }],
  ['minus zero', { a: -0 }, { a: 0 }],
  ['NaN', { a: NaN }, { a: NaN }],
  ['Infinity vs null', [Infinity], [null]],
  ['array vs object', [1], { 0: 1 }],
  ['empty containers', { a: {}, b: [] }, { a: {}, b: [] }],
  ['Date', { d: new Date(0) }, { d: new Date(0) }],
  ['toJSON', { toJSON: () => 1 }, { toJSON: () => 1 }],
  [
    'class instance',
    new (class X {
      readonly kind = 'x';
    })(),
    { kind: 'x' },
  ],
  ['null prototype', Object.assign(Object.create(null) as object, { a: 1 }), { a: 1 }],
  ['integer-like keys', { 2: 'b', 1: 'a' }, { 1: 'a', 2: 'b' }],
  ['unicode', { s: '引号"\\\n😀\u2028' }, { s: '引号"\\\n😀\u2028' }],
  ['sparse array', [1, , 3], [1, null, 3]], // eslint-disable-line no-sparse-arrays
  ['same object with a function', { f: () => 1 }, null],
];

describe('sameJson', () => {
  it.each(cases)('%s: true exactly when JSON.stringify agrees', (_name, a, b) => {
    const other = b === null ? a : b;
    const verdict = sameJson(a, other);
    if (verdict) expect(JSON.stringify(a)).toBe(JSON.stringify(other));
    // It may say no to equal texts only for values outside plain JSON data.
    const plainEqual = [
      'equal nested',
      'empty containers',
      'unicode',
      'minus zero',
      'null prototype',
    ];
    if (plainEqual.includes(_name)) expect(verdict).toBe(true);
  });

  it('agrees with JSON.stringify on random JSON data', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.3)
        return [null, true, false, 0, 1.5, -2, '', 'a', '字'][Math.floor(rnd() * 9)];
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 4); i > 0; i--)
        o[['a', 'b', 'c', '1'][Math.floor(rnd() * 4)] as string] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 3000; i++) {
      const a = gen(0);
      const b = rnd() < 0.5 ? (JSON.parse(JSON.stringify(a)) as unknown) : gen(0);
      expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    }
  });
});

describe('stringifyWith and docJsonReusing', () => {
  it('give JSON.stringify’s text', () => {
    const doc = { status: 'draft', skip: undefined, f: () => 1, data: { x: [1, '二'] }, n: null };
    expect(stringifyWith(doc, { data: JSON.stringify(doc.data) })).toBe(JSON.stringify(doc));
    expect(stringifyWith({}, {})).toBe('{}');
    // the known text is a part of its own, never copied into a bigger string
    const data = JSON.stringify(doc.data);
    const parts = stringifyParts(doc, { data });
    expect(parts).toContain(data);
    expect(parts.join('')).toBe(JSON.stringify(doc));
    const first = { data: [1], status: 'x' };
    expect(stringifyParts(first, { data: '[1]' }).join('')).toBe(JSON.stringify(first));
    // the known member last (the short way), with integer-like keys that JSON orders first
    const lastKnown = { b: '乙', 2: true, 1: null, skip: undefined, data: { x: '"' } };
    const lastParts = stringifyParts(lastKnown, { data: JSON.stringify(lastKnown.data) });
    expect(lastParts).toHaveLength(3);
    expect(lastParts.join('')).toBe(JSON.stringify(lastKnown));
    const onlyKnown = { data: 'x' };
    expect(stringifyParts(onlyKnown, { data: '"x"' }).join('')).toBe('{"data":"x"}');
  });

  it('reuse the sent data only when it is the same JSON, and remember the changes text', () => {
    const known = new WeakMap<object, string>();
    const sent = { data: { a: 1, b: '乙' } };
    const doc = { status: 'draft', version: 1, data: { a: 1, b: '乙' } };
    expect(jsonString(docJsonReusing(doc, sent, known))).toBe(JSON.stringify(doc));
    expect(jsonString(known.get(sent) ?? '')).toBe(JSON.stringify(sent));

    const completed = { status: 'draft', data: { a: 1, b: '乙', c: '' } };
    const sent2 = { data: { a: 1, b: '乙' } };
    expect(jsonString(docJsonReusing(completed, sent2, known))).toBe(JSON.stringify(completed));
    expect(known.has(sent2)).toBe(false);

    const dotted = { 'data.a': 1 };
    expect(jsonString(docJsonReusing({ data: { a: 1 } }, dotted, known))).toBe('{"data":{"a":1}}');
    expect(known.has(dotted)).toBe(false);
    expect(jsonString(docJsonReusing({ data: 1 }, undefined, known))).toBe('{"data":1}');
  });
});
