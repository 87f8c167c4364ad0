import fc from 'fast-check';
import { restamp, type FieldStamps } from '../../server/sync/conflicts';
import {
  decodeStamps,
  encodeStamps,
  newStampsJson,
  stampsForNew,
  type StoredStamps,
} from '../../server/sync/entities/stampCodec';
import { changedLeaves, flattenLeaves, type Doc } from '../../shared/sync/paths';

/** What the database returns: JSON text parsed back (key order may differ; no undefined). */
const stored = (s: StoredStamps): StoredStamps => JSON.parse(JSON.stringify(s)) as StoredStamps;

const key = fc.constantFrom('a', 'b', 'c', 'name', 'data', 'x1');
const leafValue = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const docArb: fc.Arbitrary<Doc> = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leafValue, tie('doc')), {
    maxKeys: 4,
  }) as fc.Arbitrary<Doc>,
})).doc;
const device = fc.constantFrom('dev-a', 'dev-b', 'dev-c');

describe('field stamp storage codec', () => {
  it('a new document stores one default stamp that expands to every leaf', () => {
    const doc = { name: '甲', data: { sample: { name: '乙' }, empty: {} }, list: [1, 2] };
    const s = stampsForNew(doc, { s: 7, d: 'dev-a' });
    expect(s).toEqual({ '*': { s: 7, d: 'dev-a' } });
    expect(decodeStamps(stored(s), doc)).toEqual(
      restamp({}, [...flattenLeaves(doc).keys()], 7, 'dev-a'),
    );
    expect(stampsForNew({}, { s: 1, d: 'x' })).toEqual({});
  });

  it('the text of a new document’s stamps is exactly JSON.stringify of them', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 1, max: 2 ** 53 - 1 }), device, (doc, seq, d) => {
        expect(newStampsJson(doc, seq, JSON.stringify(d))).toBe(
          JSON.stringify(stampsForNew(doc, { s: seq, d })),
        );
      }),
    );
    expect(newStampsJson({}, 1, '"x"')).toBe('{}');
  });

  it('reads the plain path → stamp form of older rows unchanged', () => {
    const plain: FieldStamps = { name: { s: 3, d: 'dev-b' }, gone: { s: 2, d: 'dev-a' } };
    expect(decodeStamps(plain, { name: 'x' })).toEqual(plain);
    expect(decodeStamps(null, { name: 'x' })).toEqual({});
  });

  it('decode(encode(stamps)) gives back exactly the stamps after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(docArb, device), { minLength: 1, maxLength: 6 }), (writes) => {
        // Simulate insert then updates the way the server stamps them.
        const [first, dev] = writes[0] as [Doc, string];
        let doc = first;
        let stamps = restamp({}, [...flattenLeaves(doc).keys()], 1, dev);
        let storedForm = stored(stampsForNew(doc, { s: 1, d: dev }));
        expect(decodeStamps(storedForm, doc)).toEqual(stamps);
        writes.slice(1).forEach(([next, d], i) => {
          const current = decodeStamps(storedForm, doc);
          const changed = changedLeaves(doc, next);
          stamps = restamp(stamps, changed, i + 2, d);
          const written = restamp(current, changed, i + 2, d);
          doc = next;
          storedForm = stored(encodeStamps(written, doc));
          expect(decodeStamps(storedForm, doc)).toEqual(stamps);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('stores the same form whatever the key order', () => {
    const stamps: FieldStamps = { a: { s: 2, d: 'x' }, b: { s: 3, d: 'y' } };
    const one = encodeStamps(stamps, { a: 1, b: 2 });
    const two = encodeStamps({ b: stamps.b as never, a: stamps.a as never }, { b: 2, a: 1 });
    expect(stored(one)).toEqual(stored(two));
    expect(one['*']).toEqual({ s: 3, d: 'y' });
  });
});
