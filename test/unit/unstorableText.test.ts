/**
 * Text PostgreSQL cannot give back out of a JSON document (shared/sync/unstorableText.ts):
 * U+0000 and lone surrogates, in values and keys at any depth; the text pre-check that decides
 * whether a parsed request needs the walk at all; the app's replacement of them at its door.
 */
import {
  hasUnstorableText,
  mayHoldUnstorableText,
  withStorableText,
} from '../../shared/sync/unstorableText';

describe('hasUnstorableText', () => {
  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone high surrogate', '样品\ud800'],
    ['a lone high surrogate at the end', 'x\udbff'],
    ['a lone low surrogate', '\udc00样品'],
    ['two halves in the wrong order', '\ude00\ud83d'],
  ])('finds %s in a string, a nested value and a key', (_label, bad) => {
    expect(hasUnstorableText(bad)).toBe(true);
    expect(hasUnstorableText({ a: [1, { b: bad }] })).toBe(true);
    expect(hasUnstorableText({ a: { [bad]: 1 } })).toBe(true);
  });

  it.each([
    ['plain Chinese text', '辽宁省质量技术监督局'],
    ['a paired surrogate (an emoji)', '合格😀'],
    ['a backslash followed by u0000, typed as text', '\\u0000'],
    ['other control characters', 'a\tb\u0001'],
  ])('accepts %s', (_label, good) => {
    expect(hasUnstorableText({ a: [good, { [good]: good }], n: 1, z: null })).toBe(false);
  });
});

describe('mayHoldUnstorableText', () => {
  it('is true for every JSON text whose parse holds such text', () => {
    for (const bad of ['a\u0000', '\ud800', '\uDFFF', { k: '\udc00' }]) {
      const text = JSON.stringify(bad);
      expect(hasUnstorableText(JSON.parse(text))).toBe(true);
      expect(mayHoldUnstorableText(text)).toBe(true);
    }
    expect(mayHoldUnstorableText('"\\uD800"')).toBe(true);
  });

  it('is false for text with no such escape', () => {
    expect(mayHoldUnstorableText(JSON.stringify({ a: '合格😀', b: 'a\tb', c: '\u0001' }))).toBe(
      false,
    );
    expect(mayHoldUnstorableText('"\\u00e9\\u4e2d"')).toBe(false);
  });
});

describe('withStorableText', () => {
  it('replaces U+0000 and lone surrogates with U+FFFD in values and keys at any depth', () => {
    const input = { a: ['x\u0000y', { '\ud800k': '\udc00合格\ud83d\ude00' }], n: 1, z: null };
    expect(withStorableText(input)).toEqual({
      a: ['x\ufffdy', { '\ufffdk': '\ufffd合格😀' }],
      n: 1,
      z: null,
    });
    // A copy: what was passed in is left as it was.
    expect(input.a[0]).toBe('x\u0000y');
  });

  it('gives back the very value when there is nothing to replace', () => {
    const input = { a: ['合格😀'], b: { c: '\\u0000' } };
    expect(withStorableText(input)).toBe(input);
  });

  it('rewrites objects made in another realm (structuredClone), not bytes, dates or class instances', () => {
    const bytes = new Uint8Array([0, 1, 2]);
    const at = new Date(0);
    const cloned = structuredClone({ s: 'a\u0000' });
    const out = withStorableText({ cloned, bytes, at, list: [cloned] });
    expect(out.cloned).toEqual({ s: 'a\ufffd' });
    expect(out.list[0]).toEqual({ s: 'a\ufffd' });
    expect(out.bytes).toBe(bytes);
    expect(out.at).toBe(at);
    expect(hasUnstorableText(bytes)).toBe(false);
  });
});
