import { v7 as uuidv7 } from 'uuid';
import { rowHash, ScopeChecksum, scopeChecksum } from '../../shared/sync/checksum';
import { applyChanges, changedLeaves, getPath, isSafePath, setPath } from '../../shared/sync/paths';
import { MutationSchema, PullRequestSchema, PushRequestSchema } from '../../shared/sync/protocol';

const mutation = (over: Record<string, unknown> = {}) => ({
  seq: 1,
  mutationId: uuidv7(),
  entity: 'enterprise',
  entityId: uuidv7(),
  op: 'create',
  baseServerSeq: null,
  changes: { name: 'x' },
  hlc: `001700000000000:00000:${uuidv7()}`,
  ...over,
});

describe('sync protocol schemas', () => {
  it('accepts a well-formed mutation and refuses unknown fields', () => {
    expect(MutationSchema.safeParse(mutation()).success).toBe(true);
    expect(MutationSchema.safeParse(mutation({ extra: 1 })).success).toBe(false);
  });

  it('requires uuid v7 mutation ids, known entities and ops', () => {
    expect(
      MutationSchema.safeParse(mutation({ mutationId: '01a22036-32c9-46f3-abcf-fde6768032d9' }))
        .success,
    ).toBe(false);
    expect(MutationSchema.safeParse(mutation({ entity: 'user' })).success).toBe(false);
    expect(MutationSchema.safeParse(mutation({ op: 'delete' })).success).toBe(false);
  });

  it('needs baseServerSeq on update and submit, and none on create', () => {
    expect(MutationSchema.safeParse(mutation({ op: 'update' })).success).toBe(false);
    expect(MutationSchema.safeParse(mutation({ op: 'update', baseServerSeq: 3 })).success).toBe(
      true,
    );
    expect(MutationSchema.safeParse(mutation({ op: 'create', baseServerSeq: 3 })).success).toBe(
      false,
    );
  });

  it('refuses unsafe change paths (prototype keys, odd syntax)', () => {
    for (const key of ['a.__proto__.b', 'constructor', 'a..b', '.a', 'a-b']) {
      expect(MutationSchema.safeParse(mutation({ changes: { [key]: 1 } })).success).toBe(false);
    }
    // zod drops a bare `__proto__` key from records outright: nothing reaches the document.
    const proto = MutationSchema.safeParse(
      mutation({ changes: JSON.parse('{"__proto__": {"x": 1}}') }),
    );
    expect(proto.success && Object.keys(proto.data.changes)).toEqual([]);
    expect(
      MutationSchema.safeParse(mutation({ changes: { 'data.samplers.1.name': '张' } })).success,
    ).toBe(true);
  });

  it('requires contiguous seqs within a batch', () => {
    const deviceId = uuidv7();
    const ok = PushRequestSchema.safeParse({
      deviceId,
      batch: [mutation({ seq: 4 }), mutation({ seq: 5 })],
    });
    expect(ok.success).toBe(true);
    const gap = PushRequestSchema.safeParse({
      deviceId,
      batch: [mutation({ seq: 4 }), mutation({ seq: 6 })],
    });
    expect(gap.success).toBe(false);
    expect(PushRequestSchema.safeParse({ deviceId, batch: [] }).success).toBe(false);
  });

  it('pull request defaults and bounds', () => {
    expect(PullRequestSchema.parse({})).toEqual({ cursor: 0, limit: 200 });
    expect(PullRequestSchema.safeParse({ limit: 100_000 }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ cursor: -1 }).success).toBe(false);
  });
});

describe('dotted paths', () => {
  it('sets nested values without touching the original', () => {
    const doc = { data: { sample: { name: 'a' } } };
    const out = applyChanges(doc, { 'data.sample.name': 'b', 'data.seals.sealNote': 'n' });
    expect(out).toEqual({ data: { sample: { name: 'b' }, seals: { sealNote: 'n' } } });
    expect(doc.data.sample.name).toBe('a');
  });

  it('indexes into arrays and treats arrays as one leaf', () => {
    const doc = { samplers: [{ name: 'a' }, { name: 'b' }] };
    const out = applyChanges(doc, { 'samplers.1.name': 'c' });
    expect(getPath(out, 'samplers.1.name')).toBe('c');
    expect(changedLeaves(doc, out)).toEqual(['samplers']);
  });

  it('reports added, changed and removed leaves', () => {
    expect(changedLeaves({ a: 1, b: { c: 2 }, d: 3 }, { a: 1, b: { c: 4 }, e: 5 })).toEqual([
      'b.c',
      'd',
      'e',
    ]);
  });

  it('refuses prototype paths', () => {
    expect(isSafePath('a.constructor')).toBe(false);
    expect(() => setPath({}, '__proto__.polluted', 1)).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('scope checksum', () => {
  const rows = [
    { entity: 'enterprise', entityId: 'a', serverSeq: 3 },
    { entity: 'spotCheck', entityId: 'b', serverSeq: 7 },
    { entity: 'category', entityId: 'TOY', serverSeq: 1 },
  ];

  it('does not depend on order and can be maintained row by row', () => {
    const c = new ScopeChecksum();
    c.add(rows[2] as (typeof rows)[number]);
    c.add({ entity: 'enterprise', entityId: 'a', serverSeq: 2 });
    c.add(rows[1] as (typeof rows)[number]);
    // the enterprise moved from seq 2 to 3 (an update pulled later)
    c.remove({ entity: 'enterprise', entityId: 'a', serverSeq: 2 });
    c.add(rows[0] as (typeof rows)[number]);
    expect(c.value()).toBe(scopeChecksum([...rows].reverse()));
    expect(scopeChecksum(rows)).toMatch(/^3-[0-9a-f]{16}$/);
  });

  it('changes when any seq differs', () => {
    expect(rowHash(rows[0] as (typeof rows)[number])).not.toBe(
      rowHash({ entity: 'enterprise', entityId: 'a', serverSeq: 4 }),
    );
    expect(scopeChecksum(rows)).not.toBe(
      scopeChecksum([...rows.slice(1), { ...(rows[0] as (typeof rows)[number]), serverSeq: 4 }]),
    );
  });
});
