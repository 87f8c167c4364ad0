/**
 * Amounts in capital numerals (大写金额), as a penalty decision states a fine next to its
 * figures so neither can be altered alone: 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分,
 * 50000 → 伍万元整. Follows the usual rules for writing amounts: one 零 for a run of zeros
 * inside the number, 整 after 元 when there are no 角 and 分, 零 before 分 when 角 is zero.
 * Amounts are rounded to the 分.
 */
const NUM = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

function integerCapital(digits: string): string {
  const s = digits.replace(/^0+/, '');
  if (s === '') return '';
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < s.length; i++) {
    const pos = s.length - 1 - i;
    const d = Number(s[i]);
    if (d === 0) {
      pendingZero = true;
    } else {
      if (pendingZero && out !== '') out += '零';
      pendingZero = false;
      out += `${NUM[d]}${IN_GROUP[pos % 4]}`;
    }
    if (pos % 4 === 0 && pos > 0) {
      const group = s.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(group)) out += GROUPS[pos / 4];
    }
  }
  return out;
}

/** '' when the value is not a plain non-negative decimal (the form then shows a blank). */
export function amountCapital(decimal: string): string {
  const v = decimal.trim();
  if (!/^\d{1,15}(\.\d+)?$/.test(v)) return '';
  const [intText = '0', frac = ''] = v.split('.');
  let whole = BigInt(intText);
  let cents = Math.round(Number(`0.${frac || '0'}`) * 100);
  if (cents >= 100) {
    whole += 1n;
    cents -= 100;
  }
  const jiao = Math.floor(cents / 10);
  const fen = cents % 10;
  const yuanPart = integerCapital(whole.toString());
  if (!yuanPart && cents === 0) return '零元整';
  let out = yuanPart ? `${yuanPart}元` : '';
  if (cents === 0) return `${out}整`;
  if (jiao) out += `${NUM[jiao]}角`;
  else if (yuanPart) out += '零';
  if (fen) out += `${NUM[fen]}分`;
  return out;
}
