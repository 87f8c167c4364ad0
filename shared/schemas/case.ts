/**
 * Enforcement cases (案件): the content an inspector types. Drafts may leave anything empty;
 * what each procedural step needs filled in is checked by the state machine's guards
 * (shared/domain/case/machine.ts), not here, so a half-written case always saves.
 */
import { z } from 'zod';
import {
  credentialNumber,
  optionalCreditCode,
  optionalDate,
  optionalDecimal,
  optionalText,
  phone,
  uuid,
} from './fields';
import { SignatureListSchema } from './signature';

export const CASE_SOURCES = [
  'failedSpotCheck',
  'complaint',
  'specialAction',
  'transfer',
  'inspection',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const PARTY_KINDS = ['enterprise', 'person'] as const;
export const EVIDENCE_KINDS = ['photo', 'document', 'sample', 'inquiry', 'onSite'] as const;
export const MEASURE_KINDS = ['seal', 'seize'] as const; // 查封 / 扣押

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** Local date and time as typed in the field, e.g. `2026-11-28T09:30`; empty when unknown. */
export const optionalDateTime = z
  .string({ error: 'v.type' })
  .trim()
  .refine((v) => v === '' || DATETIME.test(v), { error: 'v.dateTime' });

const sha256OrEmpty = z
  .string({ error: 'v.type' })
  .refine((v) => v === '' || /^[0-9a-f]{64}$/.test(v), { error: 'v.invalid' });

const optionalCredential = z.union([z.literal(''), credentialNumber]);

/** 当事人: an enterprise from the register, or a natural person. */
export const PartySchema = z.strictObject({
  kind: z.enum(PARTY_KINDS, { error: 'v.enum' }),
  /** The register entry this party was taken from, if any. */
  enterpriseId: z.union([z.literal(''), uuid]).default(''),
  name: optionalText(100),
  creditCode: optionalCreditCode.default(''),
  /** 居民身份证号 for a person. */
  idNumber: optionalText(18).default(''),
  legalRepresentative: optionalText(50).default(''),
  address: optionalText(200).default(''),
  phone: phone.default(''),
});
export type Party = z.infer<typeof PartySchema>;

/** A party with nothing filled in yet: a new line of the form, or the base of one carried over. */
export const emptyParty = (kind: Party['kind']): Party => ({
  kind,
  enterpriseId: '',
  name: '',
  creditCode: '',
  idNumber: '',
  legalRepresentative: '',
  address: '',
  phone: '',
});

/** 承办人: an enforcement officer with credential number (执法证号). */
export const OfficerSchema = z.strictObject({
  userId: optionalText(40).default(''),
  name: optionalText(50),
  credentialNumber: optionalCredential.default(''),
});
export type Officer = z.infer<typeof OfficerSchema>;

/** 涉案物品: one line of the goods list of a measure or of the case. */
export const GoodsItemSchema = z.strictObject({
  name: optionalText(100),
  spec: optionalText(100).default(''),
  quantity: optionalDecimal.default(''),
  unit: optionalText(20).default(''),
  /** 货值 of this line, yuan. */
  value: optionalDecimal.default(''),
  note: optionalText(200).default(''),
});
export type GoodsItem = z.infer<typeof GoodsItemSchema>;

export const EvidenceItemSchema = z.strictObject({
  id: uuid,
  kind: z.enum(EVIDENCE_KINDS, { error: 'v.enum' }),
  title: optionalText(200),
  description: optionalText(2000).default(''),
  /** A photo or scan stored as an attachment (content-addressed). */
  attachmentSha256: sha256OrEmpty.default(''),
  collectedAt: optionalDate.default(''),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

/** 查封/扣押: a coercive measure with its goods list and period. */
export const MeasureSchema = z.strictObject({
  id: uuid,
  kind: z.enum(MEASURE_KINDS, { error: 'v.enum' }),
  place: optionalText(200).default(''),
  startDate: optionalDate.default(''),
  /** The end the decision states; at most the rule's period from the start. */
  endDate: optionalDate.default(''),
  /** Set when the period was extended with approval (once, by at most the rule's extension). */
  extendedTo: optionalDate.default(''),
  releasedAt: optionalDate.default(''),
  items: z.array(GoodsItemSchema).max(500, { error: 'v.tooMany' }).default([]),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const QaPairSchema = z.strictObject({
  q: optionalText(2000),
  a: optionalText(5000),
});

/** 询问笔录: who was asked, where, when, and the questions and answers. */
export const InquirySchema = z.strictObject({
  id: uuid,
  intervieweeName: optionalText(50),
  intervieweeGender: z.enum(['', 'male', 'female'], { error: 'v.enum' }).default(''),
  intervieweeIdNumber: optionalText(18).default(''),
  intervieweeEmployer: optionalText(100).default(''),
  intervieweePosition: optionalText(50).default(''),
  intervieweePhone: phone.default(''),
  intervieweeAddress: optionalText(200).default(''),
  place: optionalText(200).default(''),
  startedAt: optionalDateTime.default(''),
  endedAt: optionalDateTime.default(''),
  recorder: optionalText(50).default(''),
  qa: z.array(QaPairSchema).max(500, { error: 'v.tooMany' }).default([]),
});
export type Inquiry = z.infer<typeof InquirySchema>;

/** 现场检查笔录. */
export const OnSiteInspectionSchema = z.strictObject({
  startedAt: optionalDateTime.default(''),
  endedAt: optionalDateTime.default(''),
  place: optionalText(200).default(''),
  present: optionalText(500).default(''),
  findings: optionalText(20000).default(''),
});

export const CaseDataSchema = z.strictObject({
  /**
   * The agency handling the case, as its forms print it: set from the creator's unit when the
   * case is opened, so every device prints (and verifies) the same heading.
   */
  agencyName: optionalText(100).default(''),
  source: z.union([z.literal(''), z.enum(CASE_SOURCES)], { error: 'v.enum' }).default(''),
  /** 举报编号, the special action's name (e.g. 质检利剑), or the transferring agency. */
  sourceRef: optionalText(200).default(''),
  /** 案由. */
  cause: optionalText(200).default(''),
  /** The day the lead was found or the material received: the 立案 period runs from it. */
  discoveredAt: optionalDate.default(''),
  parties: z.array(PartySchema).max(20, { error: 'v.tooMany' }).default([]),
  facts: optionalText(20000).default(''),
  /** 违法依据: the provisions broken. */
  legalBasis: optionalText(5000).default(''),
  /** 处罚依据: the provisions the penalty rests on. */
  penaltyBasis: optionalText(5000).default(''),
  product: z
    .strictObject({
      name: optionalText(100).default(''),
      brand: optionalText(100).default(''),
      model: optionalText(100).default(''),
      batchNumber: optionalText(100).default(''),
      quantity: optionalDecimal.default(''),
      unit: optionalText(20).default(''),
    })
    .default({ name: '', brand: '', model: '', batchNumber: '', quantity: '', unit: '' }),
  goods: z.array(GoodsItemSchema).max(500, { error: 'v.tooMany' }).default([]),
  amounts: z
    .strictObject({
      goodsValue: optionalDecimal.default(''), // 货值金额
      illegalGains: optionalDecimal.default(''), // 违法所得
      fine: optionalDecimal.default(''), // 罚款
      confiscation: optionalText(500).default(''), // 没收 (goods or money, described)
    })
    .default({ goodsValue: '', illegalGains: '', fine: '', confiscation: '' }),
  officers: z.array(OfficerSchema).max(10, { error: 'v.tooMany' }).default([]),
  linkedSpotCheckIds: z.array(uuid).max(50, { error: 'v.tooMany' }).default([]),
  evidence: z.array(EvidenceItemSchema).max(500, { error: 'v.tooMany' }).default([]),
  measures: z.array(MeasureSchema).max(50, { error: 'v.tooMany' }).default([]),
  inquiries: z.array(InquirySchema).max(50, { error: 'v.tooMany' }).default([]),
  onSite: OnSiteInspectionSchema.default({
    startedAt: '',
    endedAt: '',
    place: '',
    present: '',
    findings: '',
  }),
  notice: z
    .strictObject({
      /** 行政处罚告知书 delivered: the 陈述申辩 window runs from this day. */
      deliveredAt: optionalDate.default(''),
      hearingOffered: z.boolean({ error: 'v.type' }).default(false),
      /** The party said in writing it gives up 陈述申辩 (and hearing). */
      waived: z.boolean({ error: 'v.type' }).default(false),
      statement: optionalText(5000).default(''),
      statementReceivedAt: optionalDate.default(''),
    })
    .default({
      deliveredAt: '',
      hearingOffered: false,
      waived: false,
      statement: '',
      statementReceivedAt: '',
    }),
  decision: z
    .strictObject({
      content: optionalText(5000).default(''),
      /** 送达回证: the day the 决定书 reached the party. */
      deliveredAt: optionalDate.default(''),
      deliveryMethod: optionalText(50).default(''),
    })
    .default({ content: '', deliveredAt: '', deliveryMethod: '' }),
  execution: z
    .strictObject({
      executedAt: optionalDate.default(''),
      note: optionalText(2000).default(''),
    })
    .default({ executedAt: '', note: '' }),
  /** For 移送: the agency the case goes to. */
  transferTo: optionalText(200).default(''),
  signatures: SignatureListSchema.default([]),
  /**
   * 文书字号 issued to the case's forms, by shared/documents/numbers.ts documentNumberKey; kept
   * in the case so every device prints and verifies the same number. Written once, by the app.
   */
  documentNumbers: z
    .record(z.string().regex(/^[A-Za-z0-9]{1,80}$/, { error: 'v.invalid' }), z.string().max(64))
    .default({}),
});
export type CaseData = z.infer<typeof CaseDataSchema>;
export type CaseDataInput = z.input<typeof CaseDataSchema>;

export function emptyCaseData(): CaseData {
  return CaseDataSchema.parse({});
}
