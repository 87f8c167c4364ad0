import { diff, flatten } from '../../core/audit/diff';

describe('audit diff', () => {
  it('flattens nested objects and arrays into dotted paths', () => {
    const flat = flatten({ sample: { batchNumber: 'B1' }, samplers: [{ name: '张三' }] });
    expect([...flat.entries()]).toEqual([
      ['sample.batchNumber', 'B1'],
      ['samplers.0.name', '张三'],
    ]);
  });

  it('reports changed leaves with old and new values', () => {
    const before = {
      sample: { batchNumber: 'B1', name: '奶粉' },
      samplers: [{ name: 'a' }, { name: 'b' }],
    };
    const after = {
      sample: { batchNumber: 'B2', name: '奶粉' },
      samplers: [{ name: 'a' }, { name: 'c' }],
    };
    expect(diff(before, after)).toEqual([
      { path: 'sample.batchNumber', old: 'B1', new: 'B2' },
      { path: 'samplers.1.name', old: 'b', new: 'c' },
    ]);
  });

  it('reports added and removed paths with null on the missing side', () => {
    expect(diff({ samplers: [{ n: 'a' }, { n: 'b' }] }, { samplers: [{ n: 'a' }] })).toEqual([
      { path: 'samplers.1.n', old: 'b', new: null },
    ]);
    expect(diff({}, { x: { y: true } })).toEqual([{ path: 'x.y', old: null, new: true }]);
  });

  it('treats booleans and strings as different values', () => {
    expect(diff({ a: false }, { a: 'false' })).toEqual([{ path: 'a', old: false, new: 'false' }]);
  });

  it('finds no changes between equal documents', () => {
    const doc = { a: { b: [1, 2, { c: '' }] }, e: {}, f: [] };
    expect(diff(doc, structuredClone(doc))).toEqual([]);
  });

  it('sees an emptied array as a change', () => {
    expect(diff({ s: [] }, { s: [{ n: 'x' }] })).toEqual([
      { path: 's', old: [], new: null },
      { path: 's.0.n', old: null, new: 'x' },
    ]);
  });
});
