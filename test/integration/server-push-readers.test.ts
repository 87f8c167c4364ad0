/**
 * Push requests read in worker threads (server/sync/pushInputPool.ts) give exactly what reading
 * them on the main thread gives: the same request, the same prepared creates, the same refusals;
 * and a worker that dies costs nothing but time.
 */
import { HttpError } from '../../server/errors';
import { HybridClock } from '../../shared/sync/hlc';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import { readPushBody } from '../../server/sync/pushInput';
import { PushInputPool } from '../../server/sync/pushInputPool';
import { enterpriseDoc, newId, submittableSpotCheckData } from '../../server/testing/harness';

jest.setTimeout(30_000);

const limits = { maxBatchMutations: 50, maxBatchBytes: SYNC_LIMITS.maxBatchBytes };
const deviceId = newId();
const clock = new HybridClock(deviceId);

function body(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

function mutation(seq: number, entity: string, changes: Record<string, unknown>) {
  return {
    seq,
    mutationId: newId(),
    entity,
    entityId: newId(),
    op: 'create',
    baseServerSeq: null,
    changes,
    hlc: clock.send(),
  };
}

const goodBatch = () => ({
  deviceId,
  batch: [
    mutation(1, 'spotCheck', { data: submittableSpotCheckData() }),
    mutation(2, 'spotCheck', { data: { basic: { recordNumber: 'X-1' } } }),
    mutation(3, 'spotCheck', { data: { sample: { name: 42 } } }),
    mutation(4, 'enterprise', enterpriseDoc(1)),
  ],
  pipelined: true,
});

/** The refusal a read gives, as the HTTP answer would carry it. */
async function refusal(read: Promise<unknown>): Promise<unknown> {
  try {
    await read;
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: err.body };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('reading push requests in worker threads', () => {
  let pool: PushInputPool;
  beforeEach(() => {
    pool = new PushInputPool(limits, 1);
  });
  afterEach(() => pool.close());

  it('gives the same request and prepared creates as reading inline', async () => {
    const b = body(goodBatch());
    const viaWorker = await pool.read(b);
    expect(pool.reads).toEqual({ worker: 1, inline: 0 });
    expect(viaWorker).toEqual(readPushBody(b, limits));
    const [full, partial, invalid, enterprise] = viaWorker.prepared;
    // Sent complete: prepared as sent, travelling without its changes.
    expect(full).toMatchObject({ sameAsSent: true });
    expect(viaWorker.request.batch[0]?.changes).toEqual({});
    // Completed on the server: prepared, but its changes are kept for the push log.
    expect(partial).toMatchObject({ sameAsSent: false });
    expect(viaWorker.request.batch[1]?.changes).toHaveProperty('data');
    expect(invalid).toMatchObject({ reject: 'validation' });
    // Enterprises are not prepared (their checks need the database).
    expect(enterprise).toBeNull();
  });

  it.each([
    ['malformed JSON', '{"deviceId": '],
    ['empty body', ''],
    ['prototype poisoning', `{"deviceId":"${deviceId}","__proto__":{"x":1},"batch":[]}`],
    ['not an object', '[1,2,3]'],
    ['unknown field', { ...goodBatch(), note: 'x' }],
    [
      'too many mutations',
      { deviceId, batch: Array.from({ length: 51 }, (_, i) => mutation(i + 1, 'enterprise', {})) },
    ],
  ])('refuses %s exactly as inline', async (_label, input) => {
    const b = body(input);
    const viaWorker = await refusal(pool.read(b));
    const inline = await refusal(Promise.resolve().then(() => readPushBody(b, limits)));
    expect(viaWorker).toEqual(inline);
    expect((viaWorker as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((viaWorker as { status: number }).status).toBeLessThan(500);
    expect(pool.reads.worker).toBe(1);
  });

  it('a worker that dies mid-read: the read completes inline, and the next one has a new worker', async () => {
    await pool.read(body(goodBatch()));
    const worker = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] })
      .slots[0]?.worker;
    // A full batch takes the worker milliseconds to read: it is still reading when terminated
    // (a four-mutation one could be answered first, and nothing would be read inline).
    const full = {
      deviceId,
      batch: Array.from({ length: limits.maxBatchMutations }, (_, i) =>
        mutation(i + 1, 'spotCheck', { data: submittableSpotCheckData() }),
      ),
    };
    const reading = pool.read(body(full));
    await worker?.terminate();
    const input = await reading;
    expect(input.request.batch).toHaveLength(limits.maxBatchMutations);
    expect(pool.reads.inline).toBe(1);
    await pool.read(body(goodBatch()));
    expect(pool.reads.worker).toBe(2);
  });

  it('refuses a mutation carrying U+0000 or a lone surrogate alone, but not a backslash followed by u0000 typed as text', async () => {
    const bad = goodBatch();
    (bad.batch[3]?.changes as Record<string, unknown>).name = '企业\u0000';
    (
      bad.batch[1]?.changes as { data: { basic: Record<string, unknown> } }
    ).data.basic.recordNumber = 'X-\ud800';
    const read = await pool.read(body(bad));
    expect(read.request.batch).toHaveLength(bad.batch.length);
    expect(read.prepared[3]).toEqual({ reject: 'unstorableText' });
    expect(read.prepared[1]).toEqual({ reject: 'unstorableText' });
    // Nothing of what was refused goes further; the others are read as usual.
    expect(read.request.batch[3]?.changes).toEqual({});
    expect(read.request.batch.map((m) => m.entityId)).toEqual(bad.batch.map((m) => m.entityId));
    expect(read.prepared[0]).toHaveProperty('sameAsSent', true);
    expect(read.prepared[2]).toMatchObject({ reject: 'validation' });
    // Outside the mutations, the whole request is refused.
    expect(await refusal(pool.read(body({ ...goodBatch(), epoch: 'e\udc00' })))).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', details: { reason: 'unstorableText' } },
    });
    const typed = goodBatch();
    (typed.batch[3]?.changes as Record<string, unknown>).name = '企业\\u0000\ud83d\ude00';
    const input = await pool.read(body(typed));
    expect(input.request.batch[3]?.changes).toMatchObject({ name: '企业\\u0000😀' });
    expect(input.prepared[3]).not.toEqual({ reject: 'unstorableText' });
  });

  it('with no workers, reads inline', async () => {
    const inline = new PushInputPool(limits, 0);
    await inline.read(body(goodBatch()));
    expect(inline.reads).toEqual({ worker: 0, inline: 1 });
    await inline.close();
  });
});
