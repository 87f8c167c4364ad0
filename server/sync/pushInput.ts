/**
 * Reading a push request: the body's bytes to a validated PushRequest, with the creates whose
 * outcome depends on the mutation alone already worked out (EntityHandler.prepareCreate: for a
 * spot check, its draft validated and its data serialized). Pure — no database, no caller, no
 * Fastify — so it runs in a worker thread (pushInputPool.ts) while the main thread applies
 * another batch, and inline where there is no worker.
 *
 * Refusals are the ones the server gave before it read requests this way: malformed JSON and
 * prototype-poisoning keys are 400 BAD_REQUEST (the same parser and settings as Fastify's own),
 * too many mutations is 413 before any validation, anything zod refuses is 400 VALIDATION.
 */
import { isUtf8 } from 'node:buffer';
import sjson from 'secure-json-parse';
import { isPlainObject } from '../../shared/sync/paths';
import { PUSH_BODY_TYPE, pushRequestFromLines } from '../../shared/sync/pushBody';
import {
  firstSeqBreak,
  MutationSchema,
  PushEnvelopeSchema,
  PushRequestSchema,
  type Mutation,
  type PushRequest,
} from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import {
  hasUnstorableText,
  mayHoldUnstorableText,
  parseBody,
  UNSTORABLE_REFUSED,
} from '../validate';
import { ENTITY_HANDLERS } from './entities';
import { isRejection, type PreparedCreate, type Rejection, type SentText } from './entities/types';

export interface PushInput {
  request: PushRequest;
  /**
   * By index in the batch: a prepared create, a create already refused, a mutation of any op
   * refused as it was read (`unstorableText`: see prepareOne), or null (not prepared: the
   * handler works it out when the batch runs). A create prepared as exactly what was sent
   * travels without its changes (`{}`): the prepared text stands for them.
   */
  prepared: (PreparedCreate | Rejection | null)[];
}

export interface PushInputLimits {
  maxBatchMutations: number;
  maxBatchBytes: number;
}

/** How a refusal crosses from a worker thread: the HttpError's arguments. */
export interface HttpErrorArgs {
  code: HttpError['code'];
  params: Record<string, string | number>;
  details?: unknown;
}

/** Thrown by readPushBody; `args` rebuild the same HttpError on the other side of a thread. */
export class PushInputError extends HttpError {
  constructor(readonly args: HttpErrorArgs) {
    super(args.code, args.params, args.details);
  }
}

const badRequest = (detail: string, fastifyCode: string) =>
  new PushInputError({ code: 'BAD_REQUEST', params: { detail }, details: { fastifyCode } });

/** How the body is written: one JSON document, or NDJSON lines (shared/sync/pushBody.ts). */
export type PushBodyFormat = 'json' | 'ndjson';

const emptyBody = (format: PushBodyFormat) =>
  badRequest(
    `Body cannot be empty when content-type is set to '${format === 'ndjson' ? PUSH_BODY_TYPE : 'application/json'}'`,
    'FST_ERR_CTP_EMPTY_JSON_BODY',
  );

const tooMany = (limits: PushInputLimits, count: number) =>
  new PushInputError({
    code: 'PAYLOAD_TOO_LARGE',
    params: { maxMutations: limits.maxBatchMutations, maxBytes: limits.maxBatchBytes },
    details: { count },
  });

/** One JSON text, with Fastify's parser settings. */
function parseJsonText(text: string, where = ''): unknown {
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    throw badRequest(`${where}${(err as Error).message}`, 'FST_ERR_CTP_INVALID_JSON_BODY');
  }
}

const unstorableRefusal = () =>
  new PushInputError({
    code: 'BAD_REQUEST',
    params: { detail: UNSTORABLE_REFUSED },
    details: { reason: 'unstorableText' },
  });

function readJson(bytes: Buffer, limits: PushInputLimits): { raw: unknown; suspect: boolean } {
  const text = bytes.toString('utf8');
  const raw = parseJsonText(text);
  // Counted before validation so an oversized batch costs no validation work.
  const batch = (raw as { batch?: unknown } | null)?.batch;
  if (Array.isArray(batch) && batch.length > limits.maxBatchMutations)
    throw tooMany(limits, batch.length);
  return { raw, suspect: mayHoldUnstorableText(text) };
}

/** The byte offsets of the line ends (a final empty line is no line). */
function lineEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, nl + 1)) ends.push(nl);
  if (ends.at(-1) !== bytes.length - 1) ends.push(bytes.length);
  return ends;
}

/** A mutation's line, parsed, and what is known of its text (see readLines). */
interface LineRead {
  raw: unknown;
  /** The text may hold text the database cannot store (mayHoldUnstorableText). */
  suspect: boolean;
  /** The text of `raw.changes.data`, as sent (see readSplit). */
  sentData?: SentText;
}

/** How a line written by encodePushBody goes on before a create's data (shared/sync/pushBody.ts). */
const DATA_AT_END = Buffer.from(',"changes":{"data":');
const CLOSE_BRACE = 0x7d;

/**
 * A line of the form `<head>,"changes":{"data":<data>}}` — `changes` last, holding only `data`,
 * as encodePushBody writes a create — read as its two parts, so the text of `data` is known as
 * sent and its bytes can be stored as they came (prepareCreate's `sent`). Null when the line
 * is not of that form, or a part does not parse: the caller then reads the whole line.
 *
 * Exact: `<head>}` parsing as an object with a member means `<head>` ends after a complete member
 * at the top level, so the line is that object with `"changes":{"data":<data>}` added as its last
 * member (replacing an earlier `changes`, as JSON.parse does), and the line is valid JSON exactly
 * when `<data>` is one JSON value. That holds wherever `DATA_AT_END` is found, so its first
 * occurrence is taken (a few hundred bytes in, where the search is short): if it is not the
 * line's own member, one of the two parts does not parse (`<head>}` leaves a nested object open,
 * or `<data>` holds more than one value). A byte-order mark before `<data>` is
 * refused here (the JSON parser would skip it, which JSON inside a line does not allow). `utf8`:
 * the body is valid UTF-8 (so the bytes are the text).
 */
function readSplit(bytes: Buffer, from: number, to: number, utf8: boolean): LineRead | null {
  if (!utf8 || bytes[to - 1] !== CLOSE_BRACE || bytes[to - 2] !== CLOSE_BRACE) return null;
  // Within the line only: an update's line also ends in `}}`, and the next line may be a create's.
  const found = bytes.subarray(from, to - 2).indexOf(DATA_AT_END);
  if (found <= 0) return null;
  const at = from + found;
  const dataFrom = at + DATA_AT_END.length;
  const headText = bytes.toString('utf8', from, at);
  const dataText = bytes.toString('utf8', dataFrom, to - 2);
  if (dataText.charCodeAt(0) === 0xfeff) return null;
  let head: unknown;
  let data: unknown;
  try {
    head = parseJsonText(`${headText}}`);
    data = parseJsonText(dataText);
  } catch {
    return null;
  }
  if (!isPlainObject(head) || Object.keys(head).length === 0) return null;
  head.changes = { data };
  return {
    raw: head,
    suspect: mayHoldUnstorableText(headText) || mayHoldUnstorableText(dataText),
    sentData: { text: dataText, bytes: bytes.subarray(dataFrom, to - 2) },
  };
}

/**
 * NDJSON, one mutation at a time: each line is parsed, validated and its create prepared before
 * the next is read, so what the device sent is let go as soon as its prepared text stands for it
 * (a batch's parsed documents never all live at once). Too many lines is refused before any is
 * parsed; JSON errors name their line. Anything the per-line checks refuse is read again as one
 * request through the same schema as a JSON body, so a refusal is worded exactly as for JSON.
 */
function readLines(bytes: Buffer, limits: PushInputLimits): PushInput {
  const ends = lineEnds(bytes);
  if (ends.length - 1 > limits.maxBatchMutations) throw tooMany(limits, ends.length - 1);
  const from = (i: number) => (i === 0 ? 0 : (ends[i - 1] as number) + 1);
  const text = (i: number) => bytes.toString('utf8', from(i), ends[i]);
  const line = (i: number): unknown => parseJsonText(text(i), `line ${i + 1}: `);
  const whole = () => prepareAll(validated(wholeRequest(line, ends.length)), true);
  const first = text(0);
  const envelope = PushEnvelopeSchema.safeParse(envelopeOf(parseJsonText(first, 'line 1: ')));
  if (envelope.success && mayHoldUnstorableText(first) && hasUnstorableText(envelope.data))
    throw unstorableRefusal();
  const utf8 = isUtf8(bytes);
  const readWhole = (i: number): LineRead => {
    const t = text(i);
    return { raw: parseJsonText(t, `line ${i + 1}: `), suspect: mayHoldUnstorableText(t) };
  };
  const batch: Mutation[] = [];
  const prepared: PushInput['prepared'] = [];
  for (let i = 1; envelope.success && i < ends.length; i++) {
    const read = readSplit(bytes, from(i), ends[i] as number, utf8) ?? readWhole(i);
    const m = MutationSchema.safeParse(read.raw);
    if (!m.success) return whole();
    const [sent, p] = prepareOne(m.data, read.suspect, read.sentData);
    batch.push(sent);
    prepared.push(p);
  }
  if (!envelope.success || batch.length === 0 || firstSeqBreak(batch) >= 0) return whole();
  return { request: { ...envelope.data, batch }, prepared };
}

/** The first line as the request's envelope: an object with no batch of its own. */
function envelopeOf(first: unknown): Record<string, unknown> {
  const raw = pushRequestFromLines([first]);
  if (!raw)
    throw badRequest(
      'The first line of an NDJSON push is the request without its batch (an object); each further line is one mutation.',
      'FST_ERR_CTP_INVALID_JSON_BODY',
    );
  delete raw.batch;
  return raw;
}

/** Every line again, as the one request they describe (for the canonical refusal). */
function wholeRequest(line: (i: number) => unknown, count: number): unknown {
  const lines: unknown[] = [];
  for (let i = 0; i < count; i++) lines.push(line(i));
  return pushRequestFromLines(lines);
}

function validated(raw: unknown): PushRequest {
  try {
    return parseBody(PushRequestSchema, raw);
  } catch (err) {
    const e = err as HttpError;
    throw new PushInputError({ code: e.code, params: {}, details: e.body.details });
  }
}

/**
 * A mutation and what its handler works out before the batch runs (null: nothing). A create
 * prepared as exactly what was sent goes on without its changes (`{}`): the prepared text stands
 * for them. `suspect`: its JSON text may hold text the database cannot store
 * (mayHoldUnstorableText); if its changes do, it is refused alone (`unstorableText`, changes
 * dropped: nothing of them can be stored) and the batch goes on.
 */
function prepareOne(
  m: Mutation,
  suspect: boolean,
  sentData?: SentText,
): [Mutation, PreparedCreate | Rejection | null] {
  if (suspect && hasUnstorableText(m.changes))
    return [{ ...m, changes: {} }, { reject: 'unstorableText' }];
  const prepare = m.op === 'create' ? ENTITY_HANDLERS[m.entity].prepareCreate : undefined;
  if (!prepare) return [m, null];
  const p = prepare(m, sentData);
  return [!isRejection(p) && p.sameAsSent ? { ...m, changes: {} } : m, p];
}

/** `suspect`: the request's text may hold unstorable text (see prepareOne). */
function prepareAll(request: PushRequest, suspect: boolean): PushInput {
  if (suspect && hasUnstorableText({ ...request, batch: [] })) throw unstorableRefusal();
  const prepared: PushInput['prepared'] = [];
  request.batch.forEach((m, i) => {
    const [sent, p] = prepareOne(m, suspect);
    request.batch[i] = sent;
    prepared.push(p);
  });
  return { request, prepared };
}

export function readPushBody(
  body: Uint8Array,
  limits: PushInputLimits,
  format: PushBodyFormat = 'json',
): PushInput {
  if (body.byteLength === 0) throw emptyBody(format);
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (format === 'ndjson') return readLines(bytes, limits);
  const { raw, suspect } = readJson(bytes, limits);
  return prepareAll(validated(raw), suspect);
}
