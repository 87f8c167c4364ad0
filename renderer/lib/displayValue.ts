/** A stored field value as an inspector reads it: 是/否, status names, short ids, （空）. */
import type { TFunction } from 'i18next';

export const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '';

export function displayValue(t: TFunction, path: string, v: unknown): string {
  if (isEmptyValue(v)) return t('audit.emptyValue');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  const last = path.split('.').pop() ?? path;
  if (last === 'status' && typeof v === 'string') return t(`status.${v}`, { defaultValue: v });
  // Record ids mean nothing to an inspector; a short prefix is enough to tell them apart.
  if (last.endsWith('Id') && typeof v === 'string' && v.length > 12) return `${v.slice(0, 8)}…`;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
