import { amountCapital } from '../../shared/documents/amountCapital';
import {
  yuan,
  zhCount,
  zhDate,
  zhDateTime,
  zhDayOfInstant,
  zhTime,
} from '../../shared/documents/format';
import { blank, cssString, esc, fill } from '../../shared/documents/html';
import { decodePayload, encodePayload } from '../../shared/documents/payload';

describe('dates, amounts and counts as the paper writes them', () => {
  it('writes dates and times in Chinese, and nothing for a missing one', () => {
    expect(zhDate('2026-11-28')).toBe('2026年11月28日');
    expect(zhDate('2026-01-05T09:30')).toBe('2026年1月5日');
    expect(zhDate('')).toBe('');
    expect(zhTime('2026-11-28T09:05')).toBe('9时05分');
    expect(zhDateTime('2026-11-28T14:30')).toBe('2026年11月28日14时30分');
    expect(zhDateTime('')).toBe('');
  });

  it('takes the Beijing day of an instant stored in UTC', () => {
    expect(zhDayOfInstant('2026-11-04T23:30:00.000Z')).toBe('2026年11月5日');
    expect(zhDayOfInstant('2026-11-04T15:59:00.000Z')).toBe('2026年11月4日');
    expect(zhDayOfInstant('2026-11-04')).toBe('2026年11月4日');
  });

  it('writes yuan with two decimals and separators', () => {
    expect(yuan('72900')).toBe('72,900.00元');
    expect(yuan('6320.5')).toBe('6,320.50元');
    expect(yuan('0.005')).toBe('0.01元');
    expect(yuan('999.999')).toBe('1,000.00元');
    expect(yuan('')).toBe('');
  });

  it.each([
    ['72900', '柒万贰仟玖佰元整'],
    ['6320.50', '陆仟叁佰贰拾元伍角'],
    ['1010', '壹仟零壹拾元整'],
    ['10005', '壹万零伍元整'],
    ['100010000', '壹亿零壹万元整'],
    ['110000', '壹拾壹万元整'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['105.07', '壹佰零伍元零柒分'],
    ['0.5', '伍角'],
    ['0', '零元整'],
    ['48600', '肆万捌仟陆佰元整'],
    ['200000000000', '贰仟亿元整'],
  ])('writes %s in capitals as %s', (v, want) => {
    expect(amountCapital(v)).toBe(want);
  });

  it('leaves a malformed amount blank rather than guessing', () => {
    expect(amountCapital('12a')).toBe('');
    expect(amountCapital('')).toBe('');
  });

  it('counts in Chinese numerals', () => {
    expect([5, 10, 15, 30, 60, 105].map(zhCount)).toEqual([
      '五',
      '十',
      '十五',
      '三十',
      '六十',
      '一百零五',
    ]);
  });
});

describe('html helpers', () => {
  it('escapes every value', () => {
    expect(esc(`<script>"&'</script>`)).toBe('&lt;script&gt;&quot;&amp;&#39;&lt;/script&gt;');
    expect(fill('<b>')).toContain('&lt;b&gt;');
  });

  it('draws a blank of fixed width for an empty value', () => {
    expect(fill('  ', 6)).toBe(blank(6));
    expect(blank(6)).toBe('<span class="blank w6"></span>');
    expect(blank(99)).toContain('w30');
  });

  it('keeps a CSS string from closing its style element', () => {
    const s = cssString('x"</style><script>\\');
    expect(s).not.toMatch(/<|>/);
    expect(s.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
  });
});

describe('QR payload', () => {
  const p = {
    ownerType: 'case' as const,
    ownerId: '0190f2a4-1b2c-7d3e-8f40-123456789abc',
    kind: 'inquiryRecord' as const,
    itemId: '0190f2a4-1b2c-7d3e-8f40-0000000000b1',
    version: 12,
    contentHash: 'a'.repeat(64),
  };

  it('round-trips', () => {
    const text = encodePayload(p);
    expect(text).toBe(`FC1;case;${p.ownerId};inquiryRecord;${p.itemId};12;${'a'.repeat(64)}`);
    expect(decodePayload(text)).toEqual(p);
    expect(
      decodePayload(
        `  ${text.toUpperCase().replace('FC1;CASE;', 'FC1;case;').replace('INQUIRYRECORD', 'inquiryRecord')}\n`,
      ),
    ).toEqual(p);
  });

  it('writes - for a form without item', () => {
    const text = encodePayload({ ...p, kind: 'penaltyDecision', itemId: '' });
    expect(text.split(';')[4]).toBe('-');
    expect(decodePayload(text)?.itemId).toBe('');
  });

  it.each([
    ['empty', ''],
    ['other prefix', encodePayload(p).replace('FC1', 'FC9')],
    ['missing field', encodePayload(p).split(';').slice(0, 6).join(';')],
    ['unknown kind', encodePayload(p).replace('inquiryRecord', 'letter')],
    ['kind of the other owner', encodePayload(p).replace('inquiryRecord', 'samplingSheet')],
    ['per-item form without item', encodePayload({ ...p, itemId: '' })],
    ['short hash', encodePayload(p).slice(0, -1)],
    ['version 0', encodePayload({ ...p, version: 0 })],
    ['bad id', encodePayload(p).replace(p.ownerId, 'not-an-id')],
  ])('refuses %s', (_why, text) => {
    expect(decodePayload(text)).toBeNull();
  });
});
