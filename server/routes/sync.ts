import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  PullQuerySchema,
  PullRequestSchema,
  PushRequestSchema,
  SkipRequestSchema,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { ServerConfig } from '../config';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import { pullPage, pullPageJson } from '../sync/pull';
import { pushBatch, skipMutation } from '../sync/push';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';

export function syncRoutes(
  app: FastifyInstance,
  storage: Storage,
  config: ServerConfig,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  app.post('/v1/sync/push', async (req): Promise<PushResponse> => {
    const caller = callerOf(req);
    // Counted before parsing so an oversized batch costs no validation work.
    const raw = req.body as { batch?: unknown } | null;
    if (raw && Array.isArray(raw.batch) && raw.batch.length > config.maxBatchMutations) {
      throw new HttpError(
        'PAYLOAD_TOO_LARGE',
        { maxMutations: config.maxBatchMutations, maxBytes: config.maxBatchBytes },
        { count: raw.batch.length },
      );
    }
    const body = parseBody(PushRequestSchema, req.body);
    if (body.deviceId !== caller.deviceId)
      throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
    const first = body.batch[0]?.seq;
    const size = body.batch.length;
    // The parsed JSON is referenced from here on only through `body`, whose mutations pushBatch
    // lets go one by one (their documents can be freed while the batch is applied).
    req.body = null;
    const res = await pushBatch(storage, caller, body, undefined, { consume: true });
    const counts = { applied: 0, conflict: 0, rejected: 0, replayed: 0 };
    for (const r of res.results) {
      counts[r.status]++;
      if (r.replayed) counts.replayed++;
    }
    req.log.info(
      {
        deviceId: caller.deviceId,
        first,
        size,
        lastSeq: res.lastSeq,
        ...counts,
      },
      'push',
    );
    return res;
  });

  // A mutation too large to push: recorded as refused under its seq (see skipMutation).
  app.post('/v1/sync/skip', async (req): Promise<PushResponse> => {
    const caller = callerOf(req);
    const body = parseBody(SkipRequestSchema, req.body);
    if (body.deviceId !== caller.deviceId)
      throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
    const res = await skipMutation(storage, caller, body);
    req.log.warn(
      { deviceId: caller.deviceId, seq: body.seq, bytes: body.bytes, lastSeq: res.lastSeq },
      'mutation skipped as too large',
    );
    return res;
  });

  /** Answers with the page's JSON text (a PullResponse; documents as stored, see pull.ts). */
  const pull = async (
    req: FastifyRequest,
    reply: FastifyReply,
    input: unknown,
    schema: typeof PullRequestSchema | typeof PullQuerySchema,
  ): Promise<string> => {
    const caller = callerOf(req);
    const body = parseBody(schema, input ?? {});
    const res = await pullPage(storage, caller, {
      cursor: body.cursor,
      epoch: body.epoch ?? null,
      limit: body.limit,
    });
    req.log.info(
      {
        deviceId: caller.deviceId,
        cursor: body.cursor,
        rows: res.rows.length,
        hasMore: res.hasMore,
      },
      'pull',
    );
    void reply.type('application/json; charset=utf-8');
    return pullPageJson(res);
  };
  app.post('/v1/sync/pull', (req, reply) => pull(req, reply, req.body, PullRequestSchema));
  app.get('/v1/sync/pull', (req, reply) => pull(req, reply, req.query, PullQuerySchema));
}
