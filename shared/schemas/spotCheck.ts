import { z } from 'zod';
import {
  credentialNumber,
  optionalCreditCode,
  optionalDate,
  optionalDecimal,
  optionalNonNegativeInteger,
  optionalText,
  phone,
  regionCode,
  requiredDate,
  requiredPositiveInteger,
  requiredText,
  uuid,
} from './fields';
import {
  MAX_SAMPLERS,
  MIN_SAMPLERS,
  SPOT_CHECK_GROUPS,
  type FieldSpec,
  type SpotCheckGroupKey,
} from './spotCheckFields';
import { SignatureListSchema, type Signature } from './signature';
import { compiled } from './compiled';

type GroupOf<K extends SpotCheckGroupKey> = Extract<(typeof SPOT_CHECK_GROUPS)[number], { key: K }>;
type FieldValue<F> = F extends { kind: 'boolean' } ? boolean : string;
type GroupValues<K extends SpotCheckGroupKey> = {
  [F in GroupOf<K>['fields'][number] as F['key']]: FieldValue<F>;
};

export interface Sampler {
  name: string;
  credentialNumber: string;
}

/** A spot-check record's content; drafts may leave any of it empty. */
export interface SpotCheckData {
  basic: GroupValues<'basic'>;
  sampledUnit: GroupValues<'sampledUnit'> & { enterpriseId: string };
  producer: GroupValues<'producer'>;
  sample: GroupValues<'sample'>;
  seals: GroupValues<'seals'>;
  signatory: GroupValues<'signatory'>;
  result: GroupValues<'result'>;
  samplers: Sampler[];
  /** Signatures captured on screen for the printed 抽样单. */
  signatures: Signature[];
}

const DRAFT_TEXT_MAX = 1000;

function draftField(spec: FieldSpec): z.ZodType {
  if (spec.kind === 'boolean') return z.boolean({ error: 'v.type' });
  return z.string({ error: 'v.type' }).max(spec.max ?? DRAFT_TEXT_MAX, { error: 'v.tooLong' });
}

function submitField(spec: FieldSpec): z.ZodType {
  const max = spec.max ?? DRAFT_TEXT_MAX;
  switch (spec.kind) {
    case 'boolean':
      return z.boolean({ error: 'v.type' });
    case 'date':
      return spec.required ? requiredDate : optionalDate;
    case 'decimal':
      return optionalDecimal;
    case 'integer':
      return spec.required ? requiredPositiveInteger : optionalNonNegativeInteger;
    case 'phone':
      return spec.required ? phone.refine((v) => v !== '', { error: 'v.required' }) : phone;
    case 'creditCode':
      return spec.required
        ? optionalCreditCode.refine((v) => v !== '', { error: 'v.required' })
        : optionalCreditCode;
    case 'region':
      return regionCode;
    case 'select':
      return spec.required
        ? z.enum(spec.options as [string, ...string[]], { error: 'v.required' })
        : z.union([z.literal(''), z.enum(spec.options as [string, ...string[]])], {
            error: 'v.enum',
          });
    default:
      return spec.required ? requiredText(max) : optionalText(max);
  }
}

function groupSchema(fields: readonly FieldSpec[], make: (f: FieldSpec) => z.ZodType) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.key, make(f)])));
}

function buildShape(make: (f: FieldSpec) => z.ZodType, partial: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const group of SPOT_CHECK_GROUPS) {
    let schema = groupSchema(group.fields, make);
    if (group.key === 'sampledUnit') {
      schema = schema.extend({ enterpriseId: z.union([z.literal(''), uuid]) });
    }
    // A draft may lack a whole group (one saved before the group existed): completion fills it.
    shape[group.key] = partial ? schema.partial().optional() : schema;
  }
  return shape;
}

const draftSampler = z.strictObject({
  name: z.string({ error: 'v.type' }).max(50, { error: 'v.tooLong' }),
  credentialNumber: z.string({ error: 'v.type' }).max(32, { error: 'v.tooLong' }),
});

/**
 * What a draft may hold: right types and lengths, anything may be missing or not yet valid.
 * Autosave accepts this so nothing the inspector typed is refused mid-sentence.
 */
export const SpotCheckDraftDataSchema = compiled(
  z.strictObject({
    ...buildShape(draftField, true),
    samplers: z.array(draftSampler).max(MAX_SAMPLERS, { error: 'v.samplers.max' }).optional(),
    signatures: SignatureListSchema.optional(),
  }),
);
export type SpotCheckDraftData = z.infer<typeof SpotCheckDraftDataSchema>;

const submitSampler = z.strictObject({
  name: requiredText(50),
  credentialNumber,
});

/** What a record must satisfy to be submitted (and so become read-only). */
export const SpotCheckSubmitDataSchema = compiled(
  z
    .strictObject({
      ...buildShape(submitField, false),
      samplers: z
        .array(submitSampler)
        .min(MIN_SAMPLERS, { error: 'v.samplers.min' })
        .max(MAX_SAMPLERS, { error: 'v.samplers.max' }),
      signatures: SignatureListSchema,
    })
    .superRefine((raw, ctx) => {
      const d = raw as unknown as SpotCheckData;
      const need = (ok: boolean, path: (string | number)[], message = 'v.required') => {
        if (!ok) ctx.addIssue({ code: 'custom', message, path });
      };
      if (!d.producer.sameAsSampledUnit) {
        need(d.producer.name.trim() !== '', ['producer', 'name']);
        need(d.producer.address.trim() !== '', ['producer', 'address']);
      }
      if (d.sample.imported) need(d.sample.origin.trim() !== '', ['sample', 'origin']);
      if (d.sample.productionDate && d.sample.samplingDate) {
        need(
          d.sample.productionDate <= d.sample.samplingDate,
          ['sample', 'productionDate'],
          'v.productionAfterSampling',
        );
      }
      if (d.signatory.refused) {
        need(d.signatory.refusalReason.trim() !== '', ['signatory', 'refusalReason']);
        need(d.signatory.witness.trim() !== '', ['signatory', 'witness']);
      } else {
        need(d.signatory.name.trim() !== '', ['signatory', 'name']);
      }
      const seen = new Map<string, number>();
      d.samplers.forEach((s, i) => {
        const key = s.credentialNumber.trim().toUpperCase();
        if (seen.has(key)) need(false, ['samplers', i, 'credentialNumber'], 'v.samplers.duplicate');
        seen.set(key, i);
      });
    }),
);

function emptyGroup(fields: readonly FieldSpec[]): Record<string, string | boolean> {
  return Object.fromEntries(fields.map((f) => [f.key, f.kind === 'boolean' ? false : '']));
}

/** Blank groups, built once and copied: the server completes every pushed draft with them. */
let blankGroups: [string, Readonly<Record<string, string | boolean>>][] | null = null;

/** A blank record, every field present, as the form starts it. */
export function emptySpotCheckData(): SpotCheckData {
  blankGroups ??= SPOT_CHECK_GROUPS.map((g) => [g.key, emptyGroup(g.fields)]);
  const data: Record<string, unknown> = {};
  for (const [key, blank] of blankGroups) data[key] = { ...blank };
  (data.sampledUnit as Record<string, unknown>).enterpriseId = '';
  (data.producer as Record<string, unknown>).sameAsSampledUnit = true;
  (data.seals as Record<string, unknown>).sealedIntact = true;
  data.samplers = [
    { name: '', credentialNumber: '' },
    { name: '', credentialNumber: '' },
  ];
  data.signatures = [];
  return data as unknown as SpotCheckData;
}

/** Keys per group of the full shape (sampledUnit also has its enterpriseId). */
const GROUP_SIZES: readonly (readonly [string, number])[] = SPOT_CHECK_GROUPS.map((g) => [
  g.key,
  g.fields.length + (g.key === 'sampledUnit' ? 1 : 0),
]);

/**
 * True when a draft that passed SpotCheckDraftDataSchema already has the full shape: every group
 * with all of its fields, samplers and signatures present. (The groups are strict objects, so a
 * group with as many keys as it has fields has all of them.) Completing it adds nothing.
 */
export function hasFullSpotCheckShape(draft: SpotCheckDraftData): boolean {
  const src = draft as Record<string, unknown>;
  for (const [key, size] of GROUP_SIZES) {
    const group = src[key];
    if (typeof group !== 'object' || group === null) return false;
    let n = 0;
    for (const k in group) if (Object.hasOwn(group, k)) n++;
    if (n !== size) return false;
  }
  return Array.isArray(draft.samplers) && Array.isArray(draft.signatures);
}

/** Fills a draft's missing fields with blanks so it always has the full shape. */
export function completeSpotCheckData(draft: SpotCheckDraftData): SpotCheckData {
  const base = emptySpotCheckData() as unknown as Record<string, Record<string, unknown>>;
  const src = draft as Record<string, unknown>;
  for (const group of SPOT_CHECK_GROUPS) {
    base[group.key] = { ...base[group.key], ...((src[group.key] as object | undefined) ?? {}) };
  }
  const out = base as unknown as SpotCheckData;
  if (draft.samplers) out.samplers = draft.samplers.map((s) => ({ ...s }));
  if (draft.signatures) out.signatures = draft.signatures.map((s) => ({ ...s }));
  return out;
}

/**
 * draft → submitted → approved (locked) or returned (editable again by its owner, then
 * submitted anew). A supervisor's decision moves it; see shared/schemas/review.ts.
 */
export const SPOT_CHECK_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SpotCheckStatus = (typeof SPOT_CHECK_STATUSES)[number];

/** A draft, or a record the supervisor returned: its owner may change and submit it. */
export const SPOT_CHECK_EDITABLE_STATUSES = [
  'draft',
  'returned',
] as const satisfies readonly SpotCheckStatus[];
/** A record sent for review or approved: changed only by a correction (a new version). */
export const SPOT_CHECK_CORRECTABLE_STATUSES = [
  'submitted',
  'approved',
] as const satisfies readonly SpotCheckStatus[];

/** Takes `unknown` so the server can ask about a stored document's status as it is. */
export const isEditableSpotCheckStatus = (status: unknown): boolean =>
  (SPOT_CHECK_EDITABLE_STATUSES as readonly unknown[]).includes(status);
export const isCorrectableSpotCheckStatus = (status: unknown): boolean =>
  (SPOT_CHECK_CORRECTABLE_STATUSES as readonly unknown[]).includes(status);

export interface SpotCheckRecord {
  id: string;
  status: SpotCheckStatus;
  /** 1 for the original; a correction of a submitted record is the next version. */
  version: number;
  /** The submitted record this one corrects, if any. */
  supersedesId: string | null;
  /** The correction that replaced this record, if any. */
  supersededById: string | null;
  /** Bumped on every save; a save names the revision it started from. */
  revision: number;
  data: SpotCheckData;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The supervisor's latest decision on this record, shown with it. */
  review?: {
    decision: 'approve' | 'return';
    comment: string;
    reviewerName: string;
    decidedAt: string;
  } | null;
}

export const SpotCheckCreateSchema = z.strictObject({
  data: SpotCheckDraftDataSchema.optional(),
  enterpriseId: uuid.optional(),
});

export const SpotCheckSaveDraftSchema = z.strictObject({
  id: uuid,
  expectedRevision: z.number({ error: 'v.type' }).int().nonnegative(),
  data: SpotCheckDraftDataSchema,
});

export const SpotCheckRefSchema = z.strictObject({ id: uuid });

export const SpotCheckSubmitSchema = z.strictObject({
  id: uuid,
  expectedRevision: z.number({ error: 'v.type' }).int().nonnegative(),
});
