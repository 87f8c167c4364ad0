/**
 * The printed forms (文书) the app fills from its records: one list, read by the templates, the
 * core, the UI and the signature capture (a signature names the form kind it was given for).
 *
 * `perItem` forms are made once per item of the case: one 询问笔录 per inquiry, one
 * 查封(扣押)决定书 per measure. The others are made once per record.
 */

export const DOCUMENT_OWNER_TYPES = ['spotCheck', 'case'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

export const DOCUMENT_KIND_NAMES = [
  'samplingSheet',
  'onSiteRecord',
  'inquiryRecord',
  'filingApproval',
  'measureDecision',
  'penaltyNotice',
  'penaltyDecision',
  'deliveryReceipt',
  'closingApproval',
] as const;
export type DocumentKind = (typeof DOCUMENT_KIND_NAMES)[number];

export interface DocumentKindDef {
  kind: DocumentKind;
  owner: DocumentOwnerType;
  /** The title printed on the form (a 查封/扣押 decision's title follows its measure). */
  zh: string;
  en: string;
  perItem: 'inquiry' | 'measure' | null;
}

export const DOCUMENT_KINDS: readonly DocumentKindDef[] = [
  {
    kind: 'samplingSheet',
    owner: 'spotCheck',
    zh: '监督检查抽样单',
    en: 'Sampling sheet',
    perItem: null,
  },
  {
    kind: 'onSiteRecord',
    owner: 'case',
    zh: '现场检查笔录',
    en: 'On-site inspection record',
    perItem: null,
  },
  {
    kind: 'inquiryRecord',
    owner: 'case',
    zh: '询问笔录',
    en: 'Inquiry record',
    perItem: 'inquiry',
  },
  {
    kind: 'filingApproval',
    owner: 'case',
    zh: '立案审批表',
    en: 'Case filing approval form',
    perItem: null,
  },
  {
    kind: 'measureDecision',
    owner: 'case',
    zh: '查封(扣押)决定书',
    en: 'Sealing (seizure) decision',
    perItem: 'measure',
  },
  {
    kind: 'penaltyNotice',
    owner: 'case',
    zh: '行政处罚告知书',
    en: 'Notice of proposed penalty',
    perItem: null,
  },
  {
    kind: 'penaltyDecision',
    owner: 'case',
    zh: '行政处罚决定书',
    en: 'Administrative penalty decision',
    perItem: null,
  },
  {
    kind: 'deliveryReceipt',
    owner: 'case',
    zh: '送达回证',
    en: 'Proof of service',
    perItem: null,
  },
  {
    kind: 'closingApproval',
    owner: 'case',
    zh: '结案审批表',
    en: 'Case closing approval form',
    perItem: null,
  },
];

export function documentKindDef(kind: DocumentKind): DocumentKindDef {
  const def = DOCUMENT_KINDS.find((d) => d.kind === kind);
  if (!def) throw new Error(`unknown document kind ${kind}`);
  return def;
}

export const isDocumentKind = (v: unknown): v is DocumentKind =>
  typeof v === 'string' && (DOCUMENT_KIND_NAMES as readonly string[]).includes(v);

export const kindsFor = (owner: DocumentOwnerType): readonly DocumentKindDef[] =>
  DOCUMENT_KINDS.filter((d) => d.owner === owner);
