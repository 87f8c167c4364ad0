/**
 * The view models of the printed forms: everything a form shows, already written as it
 * appears on paper (dates as 2026年11月28日, amounts with 元). Built from a record by the
 * builders in models/, drawn by the templates in templates/, and hashed for the QR code — so a
 * view model holds only what the record says (no print time, no copy mark): the same record
 * always gives the same view model and the same hash.
 */
import type { SignerRole } from '../schemas/signature';
import type { DocumentKind } from './kinds';

export interface HeaderView {
  /** 执法机关: the agency whose form this is. */
  agency: string;
  title: string;
  /** 文书字号, e.g. 辽质监罚〔2026〕第12号; '' → a blank line. */
  documentNumber: string;
}

export interface PartyView {
  /** 单位 or 个人; '' when not stated. */
  kind: 'enterprise' | 'person' | '';
  name: string;
  creditCode: string;
  idNumber: string;
  legalRepresentative: string;
  address: string;
  phone: string;
}

export interface OfficerView {
  name: string;
  credentialNumber: string;
}

/** One level of an approval (承办人 / 审核 / 审批): opinion, who signed, on which day. */
export interface ApprovalView {
  opinion: string;
  signer: string;
  date: string;
}

export interface ApprovalsView {
  handler: ApprovalView;
  review: ApprovalView;
  approve: ApprovalView;
}

/** A signature given on screen for this form, or a refusal to sign. */
export interface SignatureView {
  name: string;
  /** The PNG of the signature (an attachment); '' when refused or not captured. */
  sha256: string;
  refused: boolean;
  refusalReason: string;
  witness: string;
  date: string;
}

/** Where a role signs on the form; no signatures → a blank line to sign by hand. */
export interface SignatureSlotView {
  role: SignerRole;
  /** Who signs here, as the form names them: 当事人, 被询问人, 执法人员, 受送达人. */
  who: string;
  signatures: SignatureView[];
}

/** A line of a goods list; `value` in yuan without the unit (the column says 元): 48,600.00. */
export interface GoodsRowView {
  no: string;
  name: string;
  spec: string;
  quantity: string;
  unit: string;
  value: string;
  note: string;
}

export interface SamplingSheetView {
  kind: 'samplingSheet';
  header: HeaderView;
  recordNumber: string;
  task: {
    source: string;
    number: string;
    organizingDepartment: string;
    testingInstitution: string;
    samplingType: string;
    link: string;
    category: string;
    place: string;
    purpose: string;
  };
  sampledUnit: {
    name: string;
    creditCode: string;
    region: string;
    address: string;
    licence: string;
    annualSales: string;
    legalRepresentative: string;
    contactPerson: string;
    contactPhone: string;
  };
  producer: {
    sameAsSampledUnit: boolean;
    name: string;
    address: string;
    licenceNumber: string;
    contactPerson: string;
    contactPhone: string;
    entrustedProducer: string;
  };
  sample: {
    name: string;
    trademark: string;
    specification: string;
    batchNumber: string;
    productionDate: string;
    shelfLife: string;
    sampleType: string;
    sampleSource: string;
    sampleAttribute: string;
    packaging: string;
    qualityGrade: string;
    unitPrice: string;
    imported: string;
    origin: string;
    samplingDate: string;
    samplingMethod: string;
    samplingTools: string;
    sampleForm: string;
    storageConditions: string;
    samplingBase: string;
    sampleQuantity: string;
    backupQuantity: string;
    executedStandard: string;
    remarks: string;
  };
  seals: { testSample: string; backupSample: string; state: string; note: string };
  samplers: OfficerView[];
  signatory: { position: string; phone: string };
  signatures: { samplers: SignatureSlotView; party: SignatureSlotView };
}

export interface OnSiteRecordView {
  kind: 'onSiteRecord';
  header: HeaderView;
  cause: string;
  startedAt: string;
  endedAt: string;
  place: string;
  parties: PartyView[];
  officers: OfficerView[];
  present: string;
  findings: string;
  signatures: { party: SignatureSlotView; officers: SignatureSlotView; witness: SignatureSlotView };
}

export interface InquiryRecordView {
  kind: 'inquiryRecord';
  header: HeaderView;
  itemId: string;
  cause: string;
  startedAt: string;
  endedAt: string;
  place: string;
  officers: OfficerView[];
  recorder: string;
  interviewee: {
    name: string;
    gender: string;
    idNumber: string;
    employer: string;
    position: string;
    phone: string;
    address: string;
  };
  qa: { q: string; a: string }[];
  signatures: { interviewee: SignatureSlotView; officers: SignatureSlotView };
}

export interface FilingApprovalView {
  kind: 'filingApproval';
  header: HeaderView;
  source: string;
  sourceRef: string;
  discoveredAt: string;
  cause: string;
  parties: PartyView[];
  product: string;
  facts: string;
  legalBasis: string;
  officers: OfficerView[];
  approvals: ApprovalsView;
}

export interface MeasureDecisionView {
  kind: 'measureDecision';
  header: HeaderView;
  itemId: string;
  /** 查封 or 扣押. */
  measure: string;
  parties: PartyView[];
  cause: string;
  facts: string;
  legalBasis: string;
  place: string;
  startDate: string;
  endDate: string;
  items: GoodsRowView[];
  totalValue: string;
  officers: OfficerView[];
  signatures: { party: SignatureSlotView; officers: SignatureSlotView };
}

export interface PenaltyLinesView {
  fine: string;
  fineCapital: string;
  illegalGains: string;
  illegalGainsCapital: string;
  goodsValue: string;
  confiscation: string;
}

export interface PenaltyNoticeView {
  kind: 'penaltyNotice';
  header: HeaderView;
  parties: PartyView[];
  cause: string;
  facts: string;
  legalBasis: string;
  penaltyBasis: string;
  penalty: PenaltyLinesView;
  /** The 陈述申辩 window from the deadline rules in force, e.g. 五个工作日. */
  statementPeriod: string;
  hearingOffered: boolean;
  officers: OfficerView[];
  date: string;
  signatures: { party: SignatureSlotView };
}

export interface PenaltyDecisionView {
  kind: 'penaltyDecision';
  header: HeaderView;
  parties: PartyView[];
  cause: string;
  filedAt: string;
  facts: string;
  evidence: string[];
  notice: {
    documentNumber: string;
    deliveredAt: string;
    waived: boolean;
    statement: string;
    statementReceivedAt: string;
  };
  legalBasis: string;
  penaltyBasis: string;
  content: string;
  penalty: PenaltyLinesView;
  date: string;
}

export interface DeliveryReceiptView {
  kind: 'deliveryReceipt';
  header: HeaderView;
  cause: string;
  served: { title: string; documentNumber: string };
  recipient: string;
  address: string;
  method: string;
  deliveredAt: string;
  officers: OfficerView[];
  signatures: {
    recipient: SignatureSlotView;
    officers: SignatureSlotView;
    witness: SignatureSlotView;
  };
}

export interface ClosingApprovalView {
  kind: 'closingApproval';
  header: HeaderView;
  cause: string;
  parties: PartyView[];
  filedAt: string;
  decidedAt: string;
  decisionNumber: string;
  result: string;
  penalty: PenaltyLinesView;
  executedAt: string;
  execution: string;
  officers: OfficerView[];
  approvals: ApprovalsView;
}

export type DocumentView =
  | SamplingSheetView
  | OnSiteRecordView
  | InquiryRecordView
  | FilingApprovalView
  | MeasureDecisionView
  | PenaltyNoticeView
  | PenaltyDecisionView
  | DeliveryReceiptView
  | ClosingApprovalView;

export type ViewOf<K extends DocumentKind> = Extract<DocumentView, { kind: K }>;
