/**
 * The server keeps a valid full-shape draft as the device sent it instead of validating,
 * completing and comparing a copy (server/sync/entities/spotCheckDraft.ts). That is only right
 * if the stored data is always the same JSON value completion would give: checked here for
 * drafts that take the shortcut and for every way a draft can differ from its completed form.
 * A new record's data is prepared as JSON text; `sameAsSent` lets the push log refer to it.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  completeSpotCheckData,
  emptySpotCheckData,
  hasFullSpotCheckShape,
  SpotCheckDraftDataSchema,
} from '../../shared/schemas/spotCheck';
import type { Mutation } from '../../shared/sync/protocol';
import { spotCheckHandler } from '../../server/sync/entities/spotCheck';
import type { BatchContext } from '../../server/sync/entities/types';
import { isRejection } from '../../server/sync/entities/types';

const ctx = {
  caller: { user: { id: uuidv7(), unitId: uuidv7() } },
} as unknown as BatchContext;

function create(data: unknown): Mutation {
  return {
    seq: 1,
    mutationId: uuidv7(),
    entity: 'spotCheck',
    entityId: uuidv7(),
    op: 'create',
    baseServerSeq: null,
    changes: { data },
    hlc: '000001700000000:00000:dev',
  };
}

/** The stored data's JSON text, and whether it is exactly what was sent. */
async function stored(data: unknown): Promise<{ text: string; sameAsSent: boolean }> {
  const plan = await spotCheckHandler.create(ctx, create(data));
  if (isRejection(plan)) throw new Error(`rejected: ${JSON.stringify(plan)}`);
  if (plan.dataJson === undefined) throw new Error('no prepared data text');
  expect(plan.doc.data).toBeNull();
  if (typeof plan.dataJson !== 'string') throw new Error('prepared from bytes: none were given');
  return { text: plan.dataJson, sameAsSent: plan.dataIsSent === true };
}

const completed = (data: unknown) =>
  completeSpotCheckData(SpotCheckDraftDataSchema.parse(JSON.parse(JSON.stringify(data))));

function filled(): Record<string, unknown> {
  const d = emptySpotCheckData();
  d.basic.recordNumber = 'LNJD-2026-000001';
  d.sample.name = '复合肥料';
  d.sampledUnit.enterpriseId = uuidv7();
  d.samplers = [{ name: '张三', credentialNumber: 'LN-2101-0001' }];
  return d as unknown as Record<string, unknown>;
}

const signature = (extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  documentKind: 'samplingRecord',
  itemId: '',
  role: 'party',
  name: '王五',
  attachmentSha256: '',
  signedAt: '2026-11-28T09:00:00.000Z',
  refused: false,
  refusalReason: '',
  witness: '',
  ...extra,
});

describe('spot-check drafts kept as sent', () => {
  it('a full-shape draft is stored as sent, the same value as its completed form', async () => {
    const sent = filled();
    sent.signatures = [signature()];
    const data = await stored(sent);
    expect(data.sameAsSent).toBe(true);
    expect(data.text).toBe(JSON.stringify(sent));
    expect(JSON.parse(data.text)).toEqual(completed(sent));
  });

  it('keys in another order are still the same value', async () => {
    const sent = filled();
    const reordered = Object.fromEntries(Object.entries(sent).reverse());
    reordered.basic = Object.fromEntries(Object.entries(sent.basic as object).reverse());
    const data = await stored(reordered);
    expect(data.sameAsSent).toBe(true);
    expect(data.text).toBe(JSON.stringify(reordered));
    expect(JSON.parse(data.text)).toEqual(completed(sent));
  });

  it.each([
    [
      'a group missing',
      (d: Record<string, unknown>) => {
        delete d.seals;
      },
    ],
    [
      'a field missing',
      (d: Record<string, unknown>) => {
        delete (d.sample as Record<string, unknown>).trademark;
      },
    ],
    [
      'samplers missing',
      (d: Record<string, unknown>) => {
        delete d.samplers;
      },
    ],
    [
      'a signature without its defaulted fields',
      (d: Record<string, unknown>) => {
        const s: Record<string, unknown> = signature();
        delete s.itemId;
        delete s.witness;
        d.signatures = [s];
      },
    ],
    [
      'a signature name with spaces to trim',
      (d: Record<string, unknown>) => {
        d.signatures = [signature({ name: '  王五  ' })];
      },
    ],
  ])('%s: stored completed, not as sent', async (_label, change) => {
    const sent = filled();
    change(sent);
    const data = await stored(sent);
    expect(data.sameAsSent).toBe(false);
    const value = JSON.parse(data.text) as unknown;
    expect(value).toEqual(completed(sent));
    expect(hasFullSpotCheckShape(value as never)).toBe(true);
  });

  it('an invalid draft is refused whatever its shape', async () => {
    const sent = filled();
    (sent.sample as Record<string, unknown>).name = 42;
    const plan = await spotCheckHandler.create(ctx, create(sent));
    expect(isRejection(plan)).toBe(true);
  });
});
