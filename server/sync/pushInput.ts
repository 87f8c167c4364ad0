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
import sjson from 'secure-json-parse';
import { PushRequestSchema, type PushRequest } from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import { hasNul, NUL_REFUSED, parseBody } from '../validate';
import { ENTITY_HANDLERS } from './entities';
import { isRejection, type PreparedCreate, type Rejection } from './entities/types';

export interface PushInput {
  request: PushRequest;
  /**
   * By index in the batch: a prepared create, a create already refused, or null (not prepared:
   * the handler works it out when the batch runs). A create prepared as exactly what was sent
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

export function readPushBody(body: Uint8Array, limits: PushInputLimits): PushInput {
  if (body.byteLength === 0)
    throw badRequest(
      "Body cannot be empty when content-type is set to 'application/json'",
      'FST_ERR_CTP_EMPTY_JSON_BODY',
    );
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  let raw: unknown;
  try {
    raw = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    throw badRequest((err as Error).message, 'FST_ERR_CTP_INVALID_JSON_BODY');
  }
  // Only an escape can put U+0000 in JSON text: the walk runs only when one is there.
  if (text.includes('\\u0000') && hasNul(raw))
    throw new PushInputError({
      code: 'BAD_REQUEST',
      params: { detail: NUL_REFUSED },
      details: { reason: 'nul' },
    });
  // Counted before validation so an oversized batch costs no validation work.
  const batch = (raw as { batch?: unknown } | null)?.batch;
  if (Array.isArray(batch) && batch.length > limits.maxBatchMutations) {
    throw new PushInputError({
      code: 'PAYLOAD_TOO_LARGE',
      params: { maxMutations: limits.maxBatchMutations, maxBytes: limits.maxBatchBytes },
      details: { count: batch.length },
    });
  }
  let request: PushRequest;
  try {
    request = parseBody(PushRequestSchema, raw);
  } catch (err) {
    const e = err as HttpError;
    throw new PushInputError({ code: e.code, params: {}, details: e.body.details });
  }
  const prepared: PushInput['prepared'] = request.batch.map((m, i) => {
    const prepare = m.op === 'create' ? ENTITY_HANDLERS[m.entity].prepareCreate : undefined;
    if (!prepare) return null;
    const p = prepare(m);
    if (!isRejection(p) && p.sameAsSent) request.batch[i] = { ...m, changes: {} };
    return p;
  });
  return { request, prepared };
}
