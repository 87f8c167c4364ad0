/**
 * How values are written on the paper: dates as 2026年11月28日, times as 9时30分, amounts in
 * yuan, small counts in Chinese numerals (五个工作日). An empty value stays empty, so the
 * template draws a blank line for it instead of a broken date.
 */
import { chinaDate } from '../domain/deadlines/today';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;

/** `2026-11-28` (or a timestamp starting with it) → `2026年11月28日`; '' when not a date. */
export function zhDate(iso: string): string {
  const m = DATE.exec(iso.trim());
  if (!m) return '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2026-11-28T09:30` (local time as typed) → `9时30分`; '' when there is no time. */
export function zhTime(local: string): string {
  const m = DATE_TIME.exec(local.trim());
  if (!m) return '';
  return `${Number(m[4])}时${m[5]}分`;
}

/** `2026-11-28T09:30` → `2026年11月28日9时30分`. */
export function zhDateTime(local: string): string {
  const date = zhDate(local);
  return date ? `${date}${zhTime(local)}` : '';
}

/**
 * An instant stored as UTC (`2026-11-28T01:30:00.000Z`, an approval's or a transition's time)
 * as the Beijing calendar day it happened on.
 */
export function zhDayOfInstant(iso: string): string {
  if (!iso) return '';
  if (!ZONED.test(iso)) return zhDate(iso);
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? '' : zhDate(chinaDate(t));
}

/** A decimal string (`12345.6`) in yuan with two decimals and thousands separators. */
export function yuanNumber(decimal: string): string {
  const v = decimal.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return '';
  const [int = '0', frac = ''] = v.split('.');
  const cents = Math.round(Number(`0.${frac || '0'}`) * 100);
  let whole = BigInt(int);
  let c = cents;
  if (c >= 100) {
    whole += 1n;
    c -= 100;
  }
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${String(c).padStart(2, '0')}`;
}

/** `12345.6` → `12,345.60元`; '' when empty. */
export function yuan(decimal: string): string {
  const n = yuanNumber(decimal);
  return n ? `${n}元` : '';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Small whole numbers in Chinese numerals, as laws write periods: 5 → 五, 15 → 十五, 30 → 三十. */
export function zhCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n] as string;
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += `${DIGITS[hundreds]}百`;
  if (tens) out += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}
