/**
 * The spot-check sampling record (抽样单), field by field. This one table drives the draft
 * schema, the submit schema and the form the inspector fills, so a field is added in one place.
 * Labels live in i18n under `fields.<group>.<key>`; select options under `options.<key>.<value>`.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'decimal'
  | 'integer'
  | 'phone'
  | 'creditCode'
  | 'region'
  | 'category'
  | 'select'
  | 'boolean';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  max?: number;
  /** Required before the record can be submitted (drafts may always be incomplete). */
  required?: boolean;
  options?: readonly string[];
  /** Wide fields take a full row in the form. */
  wide?: boolean;
}

export interface GroupSpec {
  key: SpotCheckGroupKey;
  fields: readonly FieldSpec[];
}

export const SAMPLING_TYPES = ['supervision', 'special', 'risk', 'followUp'] as const;
export const SAMPLING_LINKS = ['production', 'circulation', 'ecommerce'] as const;
export const TEST_CONCLUSIONS = ['pass', 'fail'] as const;

export const SPOT_CHECK_GROUPS = [
  {
    key: 'basic',
    fields: [
      { key: 'recordNumber', kind: 'text', max: 40, required: true },
      { key: 'taskSource', kind: 'text', max: 100, required: true },
      { key: 'taskNumber', kind: 'text', max: 60, required: true },
      { key: 'organizingDepartment', kind: 'text', max: 100, required: true },
      { key: 'testingInstitution', kind: 'text', max: 100, required: true },
      { key: 'samplingType', kind: 'select', options: SAMPLING_TYPES, required: true },
      { key: 'link', kind: 'select', options: SAMPLING_LINKS, required: true },
      { key: 'categoryCode', kind: 'category', max: 40, required: true },
      { key: 'samplingPlace', kind: 'text', max: 200, required: true, wide: true },
      { key: 'purpose', kind: 'textarea', max: 500, wide: true },
    ],
  },
  {
    key: 'sampledUnit',
    fields: [
      { key: 'name', kind: 'text', max: 200, required: true, wide: true },
      { key: 'creditCode', kind: 'creditCode', required: true },
      { key: 'regionCode', kind: 'region', required: true },
      { key: 'address', kind: 'text', max: 300, required: true, wide: true },
      { key: 'licenceType', kind: 'text', max: 100 },
      { key: 'licenceNumber', kind: 'text', max: 100 },
      { key: 'annualSales', kind: 'decimal' },
      { key: 'legalRepresentative', kind: 'text', max: 50, required: true },
      { key: 'contactPerson', kind: 'text', max: 50, required: true },
      { key: 'contactPhone', kind: 'phone', required: true },
    ],
  },
  {
    key: 'producer',
    fields: [
      { key: 'sameAsSampledUnit', kind: 'boolean' },
      { key: 'name', kind: 'text', max: 200, wide: true },
      { key: 'address', kind: 'text', max: 300, wide: true },
      { key: 'licenceNumber', kind: 'text', max: 100 },
      { key: 'contactPerson', kind: 'text', max: 50 },
      { key: 'contactPhone', kind: 'phone' },
      { key: 'entrustedProducer', kind: 'text', max: 200, wide: true },
    ],
  },
  {
    key: 'sample',
    fields: [
      { key: 'name', kind: 'text', max: 200, required: true },
      { key: 'trademark', kind: 'text', max: 100 },
      { key: 'specification', kind: 'text', max: 100, required: true },
      { key: 'batchNumber', kind: 'text', max: 100, required: true },
      { key: 'productionDate', kind: 'date' },
      { key: 'shelfLife', kind: 'text', max: 50 },
      { key: 'sampleType', kind: 'text', max: 50 },
      { key: 'sampleSource', kind: 'text', max: 50 },
      { key: 'sampleAttribute', kind: 'text', max: 50 },
      { key: 'packaging', kind: 'text', max: 50 },
      { key: 'qualityGrade', kind: 'text', max: 50 },
      { key: 'unitPrice', kind: 'decimal' },
      { key: 'imported', kind: 'boolean' },
      { key: 'origin', kind: 'text', max: 100 },
      { key: 'samplingDate', kind: 'date', required: true },
      { key: 'samplingMethod', kind: 'text', max: 100, required: true },
      { key: 'samplingTools', kind: 'text', max: 100 },
      { key: 'sampleForm', kind: 'text', max: 50 },
      { key: 'storageConditions', kind: 'text', max: 100 },
      { key: 'samplingBase', kind: 'integer', required: true },
      { key: 'sampleQuantity', kind: 'integer', required: true },
      { key: 'backupQuantity', kind: 'integer', required: true },
      { key: 'quantityUnit', kind: 'text', max: 20, required: true },
      { key: 'executedStandard', kind: 'text', max: 100, required: true },
      { key: 'remarks', kind: 'textarea', max: 1000, wide: true },
    ],
  },
  {
    key: 'seals',
    fields: [
      { key: 'testSampleSealNumber', kind: 'text', max: 60, required: true },
      { key: 'backupSampleSealNumber', kind: 'text', max: 60, required: true },
      { key: 'sealedIntact', kind: 'boolean' },
      { key: 'sealNote', kind: 'text', max: 200, wide: true },
    ],
  },
  {
    key: 'signatory',
    fields: [
      { key: 'name', kind: 'text', max: 50 },
      { key: 'position', kind: 'text', max: 50 },
      { key: 'phone', kind: 'phone' },
      { key: 'refused', kind: 'boolean' },
      { key: 'refusalReason', kind: 'text', max: 200, wide: true },
      { key: 'witness', kind: 'text', max: 50 },
    ],
  },
  {
    // 检验结论: known when the lab reports; a failed result is where a case starts.
    key: 'result',
    fields: [
      { key: 'conclusion', kind: 'select', options: TEST_CONCLUSIONS },
      { key: 'reportNumber', kind: 'text', max: 60 },
      { key: 'reportDate', kind: 'date' },
      { key: 'failedItems', kind: 'textarea', max: 2000, wide: true },
    ],
  },
] as const satisfies readonly { key: string; fields: readonly FieldSpec[] }[];

export type SpotCheckGroupKey =
  'basic' | 'sampledUnit' | 'producer' | 'sample' | 'seals' | 'signatory' | 'result';

/** Samplers (抽样人员): the law needs at least two, each with a credential number. */
export const MIN_SAMPLERS = 2;
export const MAX_SAMPLERS = 6;
