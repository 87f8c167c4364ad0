/** Reading the core's dotted case data paths: form field names and labels people understand. */
import type { TFunction } from 'i18next';

/** The label key group of a list's items: `parties.0.name` → `cases.fields.party.name`. */
const ITEM_GROUP: Record<string, { group: string; itemKey: string }> = {
  parties: { group: 'party', itemKey: 'cases.partyN' },
  officers: { group: 'officer', itemKey: 'cases.officerN' },
  goods: { group: 'goods', itemKey: 'cases.goodsN' },
  evidence: { group: 'evidence', itemKey: 'cases.evidenceN' },
  measures: { group: 'measure', itemKey: 'cases.measureN' },
  inquiries: { group: 'inquiry', itemKey: 'cases.inquiryN' },
};

/** A path the core reports (saves prefix `data.`) as the form's data path; null for the whole. */
export function caseDataPath(path: string): string | null {
  const p = path.replace(/^data\./, '');
  return p === '' || p === '_' || p === 'data' ? null : p;
}

/** `notice.deliveredAt` → 告知书送达日期; `parties.0.phone` → 当事人 1 · 联系电话; `parties` → 当事人. */
export function casePathLabel(t: TFunction, path: string): string {
  const parts = path.split('.');
  const [head = '', second, third] = parts;
  const item = ITEM_GROUP[head];
  if (item) {
    if (second === undefined) return t(`cases.sections.${head}`);
    const n = Number(second) + 1;
    const itemName = t(item.itemKey, { n });
    if (!third) return itemName;
    return `${itemName} · ${t(`cases.fields.${item.group}.${third}`, { defaultValue: third })}`;
  }
  const direct = t(`cases.fields.${path}`, { defaultValue: '' });
  if (typeof direct === 'string' && direct !== '') return direct;
  return t(`cases.sections.${head}`, { defaultValue: path });
}

/** The section a path's field is in, to jump there. */
export function caseSectionOf(path: string): string {
  const head = path.split('.')[0] ?? '';
  const SECTION: Record<string, string> = {
    source: 'basic',
    sourceRef: 'basic',
    cause: 'basic',
    discoveredAt: 'basic',
    facts: 'facts',
    legalBasis: 'facts',
    penaltyBasis: 'facts',
    goods: 'product',
    transferTo: 'transfer',
  };
  return SECTION[head] ?? head;
}
