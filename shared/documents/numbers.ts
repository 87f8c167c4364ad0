/**
 * Document numbers (文书字号): which forms carry one, how one is written, and the default
 * agency prefix of a unit. Pure data and functions; the numbers themselves are handed out by
 * the central endpoint in blocks (shared/sync/numberProtocol.ts) and issued on the device.
 *
 * Which forms carry a number follows the published case-form practice: documents the agency
 * issues to the party under its seal carry a 文书字号 (立案 gives the case its number, which
 * later forms cite); records and internal approval forms do not, and a 送达回证 cites the
 * number of the document it served rather than taking one of its own.
 */
import type { CaseWorkflow } from '../domain/case/record';
import { isTerminalStage, stageReached, type CaseStage } from '../domain/case/stages';
import { documentKindDef, type DocumentKind } from './kinds';

export interface DocumentNumbering {
  /** Whether the form takes a number of its own. */
  numbered: boolean;
  /** The type character(s) after the agency part of the prefix, e.g. 罚 in 辽质监罚. */
  suffix: string;
  /** Why (shown to admins next to the list). */
  note: string;
  /**
   * The case stage from which the form is numbered; before it a print is a draft with the
   * number left blank, so drafts use up no number. `requested` also allows it while the step
   * into that stage waits for approval (the 立案审批表 is what is signed).
   */
  numberFrom?: { stage: CaseStage; requested?: 'file' };
}

/** Every form kind of shared/documents/kinds.ts, numbered or not (the compiler checks it is all). */
export const DOCUMENT_NUMBERING = {
  filingApproval: {
    numbered: true,
    suffix: '立',
    note: '立案号即案件编号，其后各文书引用。',
    numberFrom: { stage: 'investigating', requested: 'file' },
  },
  measureDecision: {
    numbered: true,
    suffix: '强制',
    note: '实施行政强制措施（查封、扣押）决定书，当场交付当事人；每项措施一个文号。',
    numberFrom: { stage: 'investigating' },
  },
  penaltyNotice: {
    numbered: true,
    suffix: '罚告',
    note: '送达当事人，陈述申辩期限自送达起算。',
    numberFrom: { stage: 'reviewing' },
  },
  penaltyDecision: {
    numbered: true,
    suffix: '罚',
    note: '送达当事人并依法公示。',
    numberFrom: { stage: 'decided' },
  },
  deliveryReceipt: { numbered: false, suffix: '', note: '填写所送达文书的文号，本身不另编号。' },
  samplingSheet: { numbered: false, suffix: '', note: '使用抽样单编号，不编文书字号。' },
  onSiteRecord: { numbered: false, suffix: '', note: '笔录，不编文书字号。' },
  inquiryRecord: { numbered: false, suffix: '', note: '笔录，不编文书字号。' },
  closingApproval: { numbered: false, suffix: '', note: '内部审批表，不对外送达。' },
} as const satisfies Record<DocumentKind, DocumentNumbering>;

type Numbering = typeof DOCUMENT_NUMBERING;
export type NumberedDocType = {
  [K in keyof Numbering]: Numbering[K]['numbered'] extends true ? K : never;
}[keyof Numbering];

export const NUMBERED_DOC_TYPES = (Object.keys(DOCUMENT_NUMBERING) as DocumentKind[]).filter(
  (k) => DOCUMENT_NUMBERING[k].numbered,
) as [NumberedDocType, ...NumberedDocType[]];

export const isNumberedDocType = (v: string): v is NumberedDocType =>
  (NUMBERED_DOC_TYPES as readonly string[]).includes(v);

/**
 * Where a form's number is kept in the case data (`documentNumbers.<key>`, so it syncs): the
 * form kind, plus the item id without dashes for per-item forms (data paths take only letters
 * and digits).
 */
export function documentNumberKey(kind: DocumentKind, itemId: string): string {
  return itemId === '' ? kind : `${kind}${itemId.replace(/-/g, '')}`;
}

/** The form a documentNumbers key names (the inverse of documentNumberKey), or null. */
export function parseDocumentNumberKey(
  key: string,
): { docType: NumberedDocType; itemId: string } | null {
  for (const docType of NUMBERED_DOC_TYPES) {
    if (!key.startsWith(docType)) continue;
    const rest = key.slice(docType.length);
    if (rest === '') return { docType, itemId: '' };
    const hex = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(rest);
    if (hex) return { docType, itemId: hex.slice(1).join('-') };
  }
  return null;
}

export const DOCUMENT_NUMBERS_FIELD = 'documentNumbers';

/** Whether a changed data path is a 文书字号 (not content an approval covers). */
export const isDocumentNumberPath = (path: string): boolean =>
  path === DOCUMENT_NUMBERS_FIELD || path.startsWith(`${DOCUMENT_NUMBERS_FIELD}.`);

/**
 * A number once written into the case stays: the key of the first one that would be removed
 * or replaced by `after`, or null. (Paper with that number may already be with the party.)
 */
export function replacedDocumentNumber(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): string | null {
  for (const [key, text] of Object.entries(before)) {
    if (text !== '' && after[key] !== text) return key;
  }
  return null;
}

/**
 * Whether the case has come far enough for this form to take its number now. A case that has
 * ended takes no new numbers (its data is settled).
 */
export function numberableNow(docType: NumberedDocType, wf: CaseWorkflow): boolean {
  if (isTerminalStage(wf.stage)) return false;
  const from: { stage: CaseStage; requested?: 'file' } = DOCUMENT_NUMBERING[docType].numberFrom;
  if (stageReached(wf.stage, from.stage)) return true;
  return from.requested !== undefined && wf.pending?.step === from.requested;
}

/** The form's title (from the kinds list), for messages. */
export const docTypeName = (docType: NumberedDocType): string => documentKindDef(docType).zh;

/** Agency prefixes are short Chinese text: no brackets or digits that would confuse the format. */
export const PREFIX_PATTERN = /^[\u4e00-\u9fff]{1,16}$/;

/** `辽质监罚〔2026〕第12号`: the prefix, the year in 六角括号, and the sequence. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${seq}号`;
}

/** The parts of a number written by formatDocumentNumber, or null for other text. */
export function parseDocumentNumber(
  text: string,
): { prefix: string; year: number; number: number } | null {
  const m = /^(.+)〔(\d{4})〕第(\d+)号$/.exec(text);
  return m ? { prefix: m[1] ?? '', year: Number(m[2]), number: Number(m[3]) } : null;
}

/** The number as shown before one is issued (preview only; such a form is not printed). */
export function formatPendingDocumentNumber(prefix: string, year: number): string {
  return `${prefix}〔${year}〕第（待编号）号`;
}

/**
 * Customary one-character abbreviations of the Liaoning cities (GB/T 2260); 辽阳 keeps two
 * characters so it is not read as the province's 辽.
 */
const REGION_ABBREVIATIONS: Readonly<Record<string, string>> = {
  '210000': '辽',
  '210100': '沈',
  '210200': '大',
  '210300': '鞍',
  '210400': '抚',
  '210500': '本',
  '210600': '丹',
  '210700': '锦',
  '210800': '营',
  '210900': '阜',
  '211000': '辽阳',
  '211100': '盘',
  '211200': '铁',
  '211300': '朝',
  '211400': '葫',
};

/** The agency part: 市监 for a market-regulation bureau, 质监 for a quality-supervision one. */
function agencyAbbreviation(agencyName: string): string {
  return agencyName.includes('市场监督管理') ? '市监' : '质监';
}

/**
 * The prefix a unit uses until an admin sets one: region + agency + type, e.g. 辽质监罚 for the
 * provincial quality bureau (210000). An unknown region falls back to the province's 辽.
 */
export function defaultNumberPrefix(
  unit: { regionCode: string; agencyName: string },
  docType: NumberedDocType,
): string {
  const region = REGION_ABBREVIATIONS[unit.regionCode] ?? REGION_ABBREVIATIONS['210000'] ?? '';
  const suffix = DOCUMENT_NUMBERING[docType].suffix;
  return `${region}${agencyAbbreviation(unit.agencyName)}${suffix}`;
}

/** Running low: at most 20 % of the block or at most 5 numbers left. */
export function isLow(remaining: number, blockSize: number): boolean {
  return remaining <= 5 || remaining <= blockSize * 0.2;
}
