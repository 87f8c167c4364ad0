/**
 * The audit chain rule (shared/audit/chain.ts): canonical JSON that both sides hash the same,
 * and verification that finds the first missing, relinked or altered entry.
 */
import fc from 'fast-check';
import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedFields,
} from '../../shared/audit/chain';

type Entry = ChainedFields & { body: Record<string, unknown> };

function body(n: number): Record<string, unknown> {
  return {
    id: `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    entityType: 'spotCheck',
    entityId: 'e1',
    action: n === 1 ? 'create' : 'update',
    actorId: 'u1',
    actorName: '张三',
    at: `2026-05-01T00:00:0${n % 10}Z`,
    changes: [{ path: 'sample.name', old: n - 1, new: n }],
  };
}

function chain(n: number, from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
  const out: Entry[] = [];
  let prev = from.hash;
  for (let i = 1; i <= n; i++) {
    const b = body(from.seq + i);
    const hash = entryHash(prev, b);
    out.push({ chainSeq: from.seq + i, prevHash: prev, hash, body: b });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: '值' } };
    const b = { a: { x: '值', y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"值","y":[1,{"p":1,"q":2}]},"b":1}');
  });

  it('keeps array order and drops undefined keys like JSON does', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('reads back the same from JSON text, whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reparsed = JSON.parse(JSON.stringify(v)) as unknown;
        expect(canonicalJson(reparsed)).toBe(canonicalJson(v));
        const reversed = JSON.parse(JSON.stringify(v, reverseKeys)) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalJson(v));
      }),
    );
  });

  it('hashes equal bodies equally and different bodies differently', () => {
    const b = body(1);
    const shuffled = Object.fromEntries(Object.entries(b).reverse());
    expect(entryHash(GENESIS_HASH, shuffled)).toBe(entryHash(GENESIS_HASH, b));
    expect(entryHash(GENESIS_HASH, { ...b, actorName: '李四' })).not.toBe(
      entryHash(GENESIS_HASH, b),
    );
    expect(entryHash('1'.repeat(64), b)).not.toBe(entryHash(GENESIS_HASH, b));
  });
});

function reverseKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse());
}

describe('verifyChain', () => {
  it('accepts a good chain from genesis, and its continuation from a known head', () => {
    const entries = chain(5);
    expect(verifyChain(0, GENESIS_HASH, entries)).toBeNull();
    expect(verifyChain(2, (entries[1] as Entry).hash, entries.slice(2))).toBeNull();
    expect(verifyChain(5, (entries[4] as Entry).hash, [])).toBeNull();
    const more = chain(3, { seq: 5, hash: (entries[4] as Entry).hash });
    expect(verifyChain(0, GENESIS_HASH, [...entries, ...more])).toBeNull();
  });

  it('finds a missing entry', () => {
    const entries = chain(5);
    const without3 = entries.filter((e) => e.chainSeq !== 3);
    expect(verifyChain(0, GENESIS_HASH, without3)).toEqual({
      kind: 'missing',
      expectedSeq: 3,
      gotSeq: 4,
    });
    // A continuation that does not start right after the head.
    expect(verifyChain(1, (entries[0] as Entry).hash, entries.slice(2))).toEqual({
      kind: 'missing',
      expectedSeq: 2,
      gotSeq: 3,
    });
    // Reordered entries are out of place too.
    const swapped = [entries[0], entries[2], entries[1]] as Entry[];
    expect(verifyChain(0, GENESIS_HASH, swapped)).toMatchObject({
      kind: 'missing',
      expectedSeq: 2,
    });
  });

  it('finds a broken link', () => {
    const entries = chain(4);
    const relinked = entries.map((e) =>
      e.chainSeq === 3 ? { ...e, prevHash: 'f'.repeat(64) } : e,
    );
    expect(verifyChain(0, GENESIS_HASH, relinked)).toEqual({ kind: 'link', chainSeq: 3 });
    // A continuation from the wrong head.
    expect(verifyChain(2, 'e'.repeat(64), entries.slice(2))).toEqual({ kind: 'link', chainSeq: 3 });
  });

  it('finds an altered entry, and a rewritten one whose successor no longer links', () => {
    const entries = chain(4);
    const altered = entries.map((e) =>
      e.chainSeq === 2 ? { ...e, body: { ...e.body, actorName: '李四' } } : e,
    );
    expect(verifyChain(0, GENESIS_HASH, altered)).toEqual({ kind: 'hash', chainSeq: 2 });
    // Re-hashing the altered entry moves the break to the next link.
    const b2 = (altered[1] as Entry).body;
    const rehashed = altered.map((e) =>
      e.chainSeq === 2 ? { ...e, hash: entryHash(e.prevHash, b2) } : e,
    );
    expect(verifyChain(0, GENESIS_HASH, rehashed)).toEqual({ kind: 'link', chainSeq: 3 });
  });

  it('reports the first break only', () => {
    const entries = chain(5).map((e) =>
      e.chainSeq >= 2 ? { ...e, body: { ...e.body, at: 'x' } } : e,
    );
    expect(verifyChain(0, GENESIS_HASH, entries)).toEqual({ kind: 'hash', chainSeq: 2 });
  });
});
