/**
 * The schemas every pushed mutation goes through are compiled (shared/schemas/compiled.ts). A
 * schema the compiler cannot model is silently left to the runtime parser, several times slower:
 * these tests make such a change to one of them fail here instead of showing up as a slower sync.
 */
import { z } from 'zod';
import {
  emptySpotCheckData,
  SpotCheckDraftDataSchema,
  SpotCheckSubmitDataSchema,
} from '../../shared/schemas/spotCheck';
import { MutationSchema, PushEnvelopeSchema, PushRequestSchema } from '../../shared/sync/protocol';

const HOT = {
  MutationSchema,
  PushEnvelopeSchema,
  PushRequestSchema,
  SpotCheckDraftDataSchema,
  SpotCheckSubmitDataSchema,
};

describe('schemas compiled for the push path', () => {
  it.each(Object.entries(HOT))(
    '%s compiles without falling back to the runtime parser',
    (_, schema) => {
      expect(() => z.compile(schema as z.ZodType, { strict: true })).not.toThrow();
    },
  );

  it('a refused draft still names every bad field and why (the runtime parser reports it)', () => {
    const data = emptySpotCheckData() as unknown as Record<string, Record<string, unknown>>;
    (data.basic as Record<string, unknown>).taskSource = 'x'.repeat(5000);
    (data.sample as Record<string, unknown>).imported = 'yes';
    const r = SpotCheckDraftDataSchema.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['basic.taskSource', 'v.tooLong'],
      ['sample.imported', 'v.type'],
    ]);
  });
});
