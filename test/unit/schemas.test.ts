import type { z } from 'zod';
import { issuesToFieldErrors } from '../../shared/api/validation';
import { EnterpriseInputSchema } from '../../shared/schemas/enterprise';
import {
  SpotCheckDraftDataSchema,
  SpotCheckSubmitDataSchema,
  completeSpotCheckData,
  emptySpotCheckData,
} from '../../shared/schemas/spotCheck';
import { completeData, enterpriseInput, def } from '../integration/core-fixtures';

const errorsOf = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? {} : issuesToFieldErrors(def(r.error).issues);
};

describe('EnterpriseInputSchema', () => {
  it('accepts a complete enterprise and normalizes the credit code', () => {
    const r = EnterpriseInputSchema.safeParse(
      enterpriseInput({ creditCode: ' 91330100799655058b ' }),
    );
    expect(r.success).toBe(true);
    expect(r.data?.creditCode).toBe('91330100799655058B');
  });

  it('reports each bad field by name', () => {
    const errs = errorsOf(
      EnterpriseInputSchema,
      enterpriseInput({
        name: '  ',
        creditCode: '91330100799655058A',
        regionCode: '110000',
        contactPhone: '12',
      }),
    );
    expect(errs.name?.key).toBe('v.required');
    expect(errs.creditCode?.key).toBe('v.creditCode.checkChar');
    expect(errs.regionCode?.key).toBe('v.region');
    expect(errs.contactPhone?.key).toBe('v.phone');
    expect(errs.address).toBeUndefined();
  });

  it('refuses unknown fields', () => {
    const errs = errorsOf(EnterpriseInputSchema, { ...enterpriseInput(), extra: 1 });
    expect(errs.extra?.key).toBe('v.unknownField');
  });
});

describe('SpotCheckSubmitDataSchema', () => {
  it('accepts a complete record', () => {
    expect(SpotCheckSubmitDataSchema.safeParse(completeData()).success).toBe(true);
  });

  it('reports missing required fields by dotted path', () => {
    const errs = errorsOf(SpotCheckSubmitDataSchema, emptySpotCheckData());
    expect(errs['basic.recordNumber']?.key).toBe('v.required');
    expect(errs['sample.batchNumber']?.key).toBe('v.required');
    expect(errs['sample.samplingDate']?.key).toBe('v.required');
    expect(errs['sampledUnit.creditCode']?.key).toBe('v.required');
    expect(errs['samplers.0.name']?.key).toBe('v.required');
    expect(errs['sample.remarks']).toBeUndefined();
  });

  it('needs at least two samplers', () => {
    const d = completeData((x) => (x.samplers = [def(x.samplers[0])]));
    expect(errorsOf(SpotCheckSubmitDataSchema, d).samplers?.key).toBe('v.samplers.min');
  });

  it('refuses duplicate credential numbers, ignoring case', () => {
    const d = completeData((x) => (def(x.samplers[1]).credentialNumber = 'ln-2101-0001'));
    expect(errorsOf(SpotCheckSubmitDataSchema, d)['samplers.1.credentialNumber']?.key).toBe(
      'v.samplers.duplicate',
    );
  });

  it('requires reason and witness when the unit refused to sign, and no signatory name', () => {
    const d = completeData((x) => {
      x.signatory.refused = true;
      x.signatory.name = '';
    });
    const errs = errorsOf(SpotCheckSubmitDataSchema, d);
    expect(errs['signatory.refusalReason']?.key).toBe('v.required');
    expect(errs['signatory.witness']?.key).toBe('v.required');
    expect(errs['signatory.name']).toBeUndefined();
    d.signatory.refusalReason = '负责人拒绝签字';
    d.signatory.witness = '村委会主任';
    expect(SpotCheckSubmitDataSchema.safeParse(d).success).toBe(true);
  });

  it('requires the signatory name when not refused', () => {
    const d = completeData((x) => (x.signatory.name = ''));
    expect(errorsOf(SpotCheckSubmitDataSchema, d)['signatory.name']?.key).toBe('v.required');
  });

  it('requires the producer when it differs from the sampled unit', () => {
    const d = completeData((x) => (x.producer.sameAsSampledUnit = false));
    const errs = errorsOf(SpotCheckSubmitDataSchema, d);
    expect(errs['producer.name']?.key).toBe('v.required');
    expect(errs['producer.address']?.key).toBe('v.required');
    expect(SpotCheckSubmitDataSchema.safeParse(completeData()).success).toBe(true);
  });

  it('refuses a production date after the sampling date', () => {
    const d = completeData((x) => (x.sample.productionDate = '2026-05-01'));
    expect(errorsOf(SpotCheckSubmitDataSchema, d)['sample.productionDate']?.key).toBe(
      'v.productionAfterSampling',
    );
  });

  it('requires the origin of an imported sample', () => {
    const d = completeData((x) => (x.sample.imported = true));
    expect(errorsOf(SpotCheckSubmitDataSchema, d)['sample.origin']?.key).toBe('v.required');
  });
});

describe('draft data', () => {
  it('accepts incomplete groups and completes them to the full shape', () => {
    const draft = {
      basic: {},
      sampledUnit: {},
      producer: {},
      sample: { name: '水泥' },
      seals: {},
      signatory: {},
    };
    const parsed = SpotCheckDraftDataSchema.parse(draft);
    const full = completeSpotCheckData(parsed);
    expect(full.sample.name).toBe('水泥');
    expect(full.sample.batchNumber).toBe('');
    expect(full.producer.sameAsSampledUnit).toBe(true);
    expect(full.samplers).toHaveLength(2);
  });

  it('refuses wrong types and over-long text even in a draft', () => {
    const r = SpotCheckDraftDataSchema.safeParse({
      ...emptySpotCheckData(),
      sample: { name: 'x'.repeat(201) },
      seals: { sealedIntact: 'yes' },
    });
    expect(r.success).toBe(false);
    const errs = issuesToFieldErrors(def(r.error).issues);
    expect(errs['sample.name']?.key).toBe('v.tooLong');
    expect(errs['seals.sealedIntact']?.key).toBe('v.type');
  });
});
