/**
 * Push bodies as NDJSON (shared/sync/pushBody.ts), as the app sends them: read into exactly the
 * request and prepared creates a JSON body gives, refused with the same words where the request
 * is invalid, with line numbers where a line is not JSON, and counted before anything is parsed.
 * Through the worker pool and over HTTP as well.
 */
import { HttpError } from '../../server/errors';
import { readPushBody, type PushInput } from '../../server/sync/pushInput';
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

/**
 * A read with every prepared text as a string: a create read from NDJSON carries its data as the
 * bytes the device sent (see 'the sent text of a create'), a JSON body as text made again.
 */
function asText(input: PushInput): PushInput {
  const prepared = input.prepared.map((p) =>
    p && 'dataJson' in p && typeof p.dataJson !== 'string'
      ? { ...p, dataJson: Buffer.from(p.dataJson).toString('utf8') }
      : p,
  );
  return { ...input, prepared };
}

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
    expect(asText(fromLines)).toEqual(readPushBody(json(req), limits, 'json'));
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
    expect(asText(fromLines)).toEqual(readPushBody(json(req), limits));
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

  describe('the sent text of a create', () => {
    const complete = () => mutation(1, { data: submittableSpotCheckData() });
    const envelopeLine = JSON.stringify({ deviceId, epoch: 'e1' });
    const body = (...mutationLines: string[]) => lines([envelopeLine, ...mutationLines].join('\n'));
    /** The read of one mutation line, and the same mutation read as a JSON body. */
    const readBoth = (line: string) => ({
      read: readPushBody(body(line), limits, 'ndjson'),
      asJson: readPushBody(
        json({ deviceId, epoch: 'e1', batch: [JSON.parse(line) as unknown] }),
        limits,
        'json',
      ),
    });
    const preparedText = (input: PushInput) => {
      const p = input.prepared[0];
      if (!p || !('dataJson' in p)) throw new Error('not prepared');
      return p.dataJson;
    };

    it('is written last on its line, and stored as the bytes the body holds', () => {
      const m = complete();
      const line = encodePushBody({ deviceId, epoch: 'e1', batch: [m] }).split('\n')[1] as string;
      expect(line.endsWith(`,"changes":{"data":${JSON.stringify(m.changes.data)}}}`)).toBe(true);
      const sent = body(line);
      const text = preparedText(readPushBody(sent, limits, 'ndjson'));
      expect(text).toBeInstanceOf(Uint8Array);
      // A view of the request's own bytes, not a copy.
      expect((text as Uint8Array).buffer).toBe(sent.buffer);
      expect(Buffer.from(text as Uint8Array).toString()).toBe(JSON.stringify(m.changes.data));
    });

    it.each([
      [
        'changes before another member',
        (m: Mutation) => JSON.stringify({ ...m, changes: m.changes, hlc: m.hlc }),
      ],
      ['spaces inside the closing braces', (m: Mutation) => `${encodedLine(m).slice(0, -2)} } }`],
    ])('is serialized again for a line with %s', (_label, write) => {
      const { read, asJson } = readBoth(write(complete()));
      expect(typeof preparedText(read)).toBe('string');
      expect(read).toEqual(asJson);
    });

    it('is the last changes of a line that names changes twice, as JSON.parse takes it', () => {
      const m = complete();
      const first = JSON.stringify({ data: { basic: { recordNumber: 'OLD' } } });
      const line = encodedLine(m).replace('{"seq":', `{"changes":${first},"seq":`);
      const { read, asJson } = readBoth(line);
      expect(asText(read)).toEqual(asJson);
      expect(preparedText(read)).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(preparedText(read) as Uint8Array).toString()).toBe(
        JSON.stringify(m.changes.data),
      );
      // Named twice after another member: the first is found, its data part does not parse
      // (it runs on into the second), and the line is read whole.
      const twice = encodedLine(m).replace('"mutationId":', `"changes":${first},"mutationId":`);
      const again = readBoth(twice);
      expect(again.read).toEqual(again.asJson);
      expect(preparedText(again.read)).toBe(JSON.stringify(m.changes.data));
    });

    it.each([
      ['spacing', (text: string) => JSON.stringify(JSON.parse(text), null, 1).replace(/\n/g, ' ')],
      [
        'a key given twice',
        (text: string) => text.replace('{"basic":{', '{"basic":{"purpose":"隐藏",'),
      ],
      ['another escape', (text: string) => text.replace('塑胶玩具', '\\u5851胶玩具')],
    ])('is made again, not kept as sent, for a text with %s', (_label, rewrite) => {
      const m = complete();
      const exact = JSON.stringify(m.changes.data);
      const line = encodedLine(m).replace(exact, rewrite(exact));
      expect(line).not.toContain(exact);
      const { read, asJson } = readBoth(line);
      // Only what was validated is stored: JSON.stringify's text of the parsed draft (a key given
      // twice keeps its first place and its last value, as JSON.parse takes it).
      expect(preparedText(read)).toBe(JSON.stringify(JSON.parse(rewrite(exact))));
      expect(preparedText(read)).not.toContain('隐藏');
      expect(read).toEqual(asJson);
    });

    it('is not taken from a body that is not valid UTF-8', () => {
      const line = encodedLine(complete());
      expect(preparedText(readPushBody(body(line), limits, 'ndjson'))).toBeInstanceOf(Uint8Array);
      // A byte that is no UTF-8 in a name inside the data: read as U+FFFD, which the database
      // can store; the bytes sent could not be stored, so the text is made again.
      const [before, after] = line.split('塑胶玩具');
      const bad = Buffer.concat([
        body(`${before}塑胶`),
        Buffer.from([0xff]),
        Buffer.from(`${after}`),
      ]);
      const text = preparedText(readPushBody(bad, limits, 'ndjson'));
      expect(typeof text).toBe('string');
      expect(text).toContain('塑胶\ufffd');
    });

    it('reads a line whose data is not its last member whole', () => {
      const line = encodedLine(complete()).replace(/\}\}$/, '},"x":{}}');
      const asLines = refusal(() => readPushBody(body(line), limits, 'ndjson'));
      const asJson = refusal(() =>
        readPushBody(
          json({ deviceId, epoch: 'e1', batch: [JSON.parse(line) as unknown] }),
          limits,
          'json',
        ),
      );
      expect(asLines.body.code).toBe('VALIDATION');
      expect(asLines).toEqual(asJson);
    });

    it.each([
      ['a head with no member', `{,"changes":{"data":{}}}`],
      ['a head that poisons the prototype', `{"seq":1,"__proto__":{"x":1},"changes":{"data":{}}}`],
      [
        'data that poisons the prototype',
        encodedLine(complete()).replace('{"basic":{', '{"basic":{"__proto__":{"x":1},'),
      ],
      [
        'a byte-order mark before the data (JSON.parse of the part would skip it)',
        encodedLine(complete()).replace(',"changes":{"data":', ',"changes":{"data":\ufeff'),
      ],
    ])('refuses %s as the whole line would be refused', (_label, line) => {
      const r = refusal(() => readPushBody(body(line), limits, 'ndjson'));
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('BAD_REQUEST');
      expect(r.body.message).toContain('line 2');
    });

    it('reads a member of that name nested in the data as part of the data', () => {
      const m = mutation(1, { data: { basic: { x: 1, changes: { data: { basic: {} } } } } });
      const { read, asJson } = readBoth(encodedLine(m));
      expect(asText(read)).toEqual(asJson);
      expect(read.prepared[0]).toMatchObject({ reject: 'validation' });
    });
  });
});

/** A mutation's line as encodePushBody writes it. */
function encodedLine(m: Mutation): string {
  return encodePushBody({ deviceId, epoch: 'e1', batch: [m] }).split('\n')[1] as string;
}
