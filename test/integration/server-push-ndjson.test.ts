/**
 * Push bodies as NDJSON (shared/sync/pushBody.ts), as the app sends them: read into exactly the
 * request and prepared creates a JSON body gives, refused with the same words where the request
 * is invalid, with line numbers where a line is not JSON, and counted before anything is parsed.
 * Through the worker pool and over HTTP as well.
 */
import { HttpError } from '../../server/errors';
import { readPushBody } from '../../server/sync/pushInput';
import { PushInputPool } from '../../server/sync/pushInputPool';
import { newId, submittableSpotCheckData } from '../../server/testing/harness';
import { HybridClock } from '../../shared/sync/hlc';
import { encodePushBody } from '../../shared/sync/pushBody';
import { SYNC_LIMITS, type Mutation, type PushRequest } from '../../shared/sync/protocol';

const limits = { maxBatchMutations: 20, maxBatchBytes: SYNC_LIMITS.maxBatchBytes };
const deviceId = newId();
const clock = new HybridClock(deviceId);

function mutation(seq: number, changes: Record<string, unknown>): Mutation {
  return {
    seq,
    mutationId: newId(),
    entity: 'spotCheck',
    entityId: newId(),
    op: 'create',
    baseServerSeq: null,
    changes,
    hlc: clock.send(),
  };
}

const request = (): PushRequest => ({
  deviceId,
  epoch: 'e1',
  batch: [
    mutation(1, { data: submittableSpotCheckData() }),
    mutation(2, { data: { basic: { recordNumber: 'X-1' } } }),
    mutation(3, { data: { sample: { name: 42 } } }),
  ],
  pipelined: true,
});

const lines = (text: string) => Buffer.from(text);
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

/** The refusal a read gives, as the HTTP answer would carry it. */
function refusal(read: () => unknown): { status: number; body: HttpError['body'] } {
  try {
    read();
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: err.body };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('NDJSON push bodies', () => {
  it('read into the same request and prepared creates as the JSON body', () => {
    const req = request();
    const fromLines = readPushBody(lines(encodePushBody(req)), limits, 'ndjson');
    expect(fromLines).toEqual(readPushBody(json(req), limits, 'json'));
    expect(fromLines.request.batch.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(fromLines.request.pipelined).toBe(true);
    // The complete record travels without its changes; the others keep theirs.
    expect(fromLines.prepared[0]).toMatchObject({ sameAsSent: true });
    expect(fromLines.request.batch[0]?.changes).toEqual({});
    expect(fromLines.prepared[2]).toMatchObject({ reject: 'validation' });
  });

  it('puts one JSON text per line, the envelope first', () => {
    const text = encodePushBody(request());
    const [first, ...rest] = text.split('\n');
    expect(JSON.parse(first as string)).toEqual({ deviceId, epoch: 'e1', pipelined: true });
    expect(rest.map((l) => (JSON.parse(l) as Mutation).seq)).toEqual([1, 2, 3]);
  });

  it('takes a final newline, and a body whose text has Chinese and escaped newlines', () => {
    const req = request();
    (req.batch[1] as Mutation).changes = { data: { basic: { purpose: '第一行\n第二行' } } };
    const read = readPushBody(lines(`${encodePushBody(req)}\n`), limits, 'ndjson');
    expect(read.request.batch).toHaveLength(3);
    expect(read.request.batch[1]?.changes).toEqual({
      data: { basic: { purpose: '第一行\n第二行' } },
    });
  });

  it('names the line that is not JSON', () => {
    const text = encodePushBody(request()).split('\n');
    text[2] = '{"seq": 2,';
    const r = refusal(() => readPushBody(lines(text.join('\n')), limits, 'ndjson'));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('BAD_REQUEST');
    expect(r.body.message).toContain('line 3');
  });

  it('refuses a blank line inside the body', () => {
    const text = encodePushBody(request()).replace('\n', '\n\n');
    const r = refusal(() => readPushBody(lines(text), limits, 'ndjson'));
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('line 2');
  });

  it('counts the mutations before parsing any line', () => {
    const text = [JSON.stringify({ deviceId }), ...Array.from({ length: 21 }, () => 'not json')];
    const r = refusal(() => readPushBody(lines(text.join('\n')), limits, 'ndjson'));
    expect(r.status).toBe(413);
    expect(r.body.details).toEqual({ count: 21 });
  });

  it.each([
    ['a first line that is not an object', '[1,2]\n{}'],
    ['a first line with a batch of its own', `{"deviceId":"${deviceId}","batch":[]}`],
  ])('refuses %s', (_label, text) => {
    const r = refusal(() => readPushBody(lines(text), limits, 'ndjson'));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('BAD_REQUEST');
  });

  it('refuses an empty body and prototype poisoning as a JSON body is refused', () => {
    expect(refusal(() => readPushBody(lines(''), limits, 'ndjson')).status).toBe(400);
    const poisoned = `{"deviceId":"${deviceId}"}\n{"seq":1,"__proto__":{"x":1}}`;
    expect(refusal(() => readPushBody(lines(poisoned), limits, 'ndjson')).body.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('refuses a mutation with U+0000 or a lone surrogate alone, as a JSON body does', () => {
    const req = request();
    (req.batch[1] as Mutation).changes = { data: { basic: { purpose: 'a\u0000b' } } };
    (req.batch[2] as Mutation).changes = { data: { sample: { name: '\udbff样品' } } };
    const fromLines = readPushBody(lines(encodePushBody(req)), limits, 'ndjson');
    expect(fromLines).toEqual(readPushBody(json(req), limits));
    expect(fromLines.prepared.slice(1)).toEqual([
      { reject: 'unstorableText' },
      { reject: 'unstorableText' },
    ]);
    expect(fromLines.request.batch.map((m) => m.seq)).toEqual([1, 2, 3]);
    // In the envelope line: the request.
    const r = refusal(() =>
      readPushBody(lines(encodePushBody({ ...request(), epoch: '\u0000' })), limits, 'ndjson'),
    );
    expect(r).toMatchObject({ status: 400, body: { details: { reason: 'unstorableText' } } });
  });

  it.each([
    [
      'an unknown envelope field',
      (t: string[]) => [t[0]?.replace('{', '{"note":1,'), ...t.slice(1)],
    ],
    [
      'a mutation with a bad field',
      (t: string[]) => [t[0], t[1]?.replace('"op":"create"', '"op":"drop"'), ...t.slice(2)],
    ],
    ['a gap in the seqs', (t: string[]) => [t[0], t[1], t[3]]],
    ['no mutation at all', (t: string[]) => [t[0]]],
  ])('refuses %s with the same validation errors as the JSON body', (_label, edit) => {
    const req = request();
    const text = edit(encodePushBody(req).split('\n')).join('\n');
    const asLines = refusal(() => readPushBody(lines(text), limits, 'ndjson'));
    const [envelope, ...batch] = text.split('\n').map((l) => JSON.parse(l) as unknown);
    const asJson = refusal(() =>
      readPushBody(json({ ...(envelope as object), batch }), limits, 'json'),
    );
    expect(asLines.status).toBe(400);
    expect(asLines.body.code).toBe('VALIDATION');
    expect(asLines).toEqual(asJson);
  });

  it('reads the same through a worker thread', async () => {
    const pool = new PushInputPool(limits, 1);
    try {
      const body = lines(encodePushBody(request()));
      const viaWorker = await pool.read(body, 'ndjson');
      expect(pool.reads).toEqual({ worker: 1, inline: 0 });
      expect(viaWorker).toEqual(readPushBody(body, limits, 'ndjson'));
    } finally {
      await pool.close();
    }
  });
});
