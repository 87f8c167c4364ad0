/**
 * Push (`/v1/sync/push`) and the skip of a mutation too large to push (`/v1/sync/skip`): a
 * device's batches, read off the main thread (sync/pushInputPool.ts) and applied in seq order
 * (sync/deviceTurns.ts), each in one transaction (sync/push.ts).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUSH_BODY_TYPE } from '../../shared/sync/pushBody';
import { SkipRequestSchema, type PushResponse } from '../../shared/sync/protocol';
import type { ServerConfig } from '../config';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import { DeviceTurns } from '../sync/deviceTurns';
import { pushBatch, skipMutation } from '../sync/push';
import type { PushBodyFormat } from '../sync/pushInput';
import { PushInputPool } from '../sync/pushInputPool';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';

const BODY_FORMATS: readonly (readonly [string, PushBodyFormat])[] = [
  ['application/json', 'json'],
  [PUSH_BODY_TYPE, 'ndjson'],
];

export function pushRoutes(
  app: FastifyInstance,
  storage: Storage,
  config: ServerConfig,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  // A device's batches are applied in seq order, also when they arrive out of order (deviceTurns.ts).
  const turns = new DeviceTurns();
  /** How each push body is written, as its content type said. */
  const formats = new WeakMap<FastifyRequest, PushBodyFormat>();
  /** When each push request was authenticated, for its turn. */
  const arrived = new WeakMap<FastifyRequest, number>();
  // A push refused or abandoned (bad body, gap, rate limit, revoked, client gone): batches the
  // device sent behind it stop waiting for it (deviceTurns.ts).
  const refused = (req: FastifyRequest) => {
    let deviceId: string;
    try {
      deviceId = callerOf(req).deviceId;
    } catch {
      return; // not authenticated: no device to speak of
    }
    turns.failed(deviceId);
  };
  const pushHooks = {
    onRequest: async (req: FastifyRequest) => {
      arrived.set(req, performance.now());
    },
    onResponse: async (req: FastifyRequest, reply: FastifyReply) => {
      if (reply.statusCode !== 200) refused(req);
    },
    onRequestAbort: async (req: FastifyRequest) => refused(req),
  };
  const turnOf = (req: FastifyRequest, caller: Caller, first: number, pipelined: boolean) => ({
    first,
    lastAtAuth: caller.lastSeqAtAuth ?? 0,
    pipelined,
    arrivedAt: arrived.get(req) ?? performance.now(),
  });
  // Push bodies are read off the main thread (sync/pushInputPool.ts): in this scope JSON and
  // NDJSON (shared/sync/pushBody.ts) arrive as bytes, their format noted, for the route below.
  const readers = new PushInputPool(config, config.pushReaders, (reason) =>
    app.log.warn({ reason }, 'push readers unavailable: reading push requests on the main thread'),
  );
  app.addHook('onClose', () => readers.close());
  void app.register(async (scope) => {
    for (const [type, format] of BODY_FORMATS) {
      scope.addContentTypeParser(type, { parseAs: 'buffer' }, (req, bytes, done) => {
        formats.set(req, format);
        done(null, bytes);
      });
    }
    scope.post('/v1/sync/push', pushHooks, async (req): Promise<PushResponse> => {
      const caller = callerOf(req);
      // Other content types (text/plain) reach here parsed by Fastify's own parsers: not a push.
      const format = formats.get(req);
      if (!(req.body instanceof Uint8Array) || !format)
        throw new HttpError('BAD_REQUEST', {
          detail: `A push body is NDJSON (${PUSH_BODY_TYPE}) or JSON (application/json).`,
        });
      const { request: body, prepared } = await readers.read(req.body, format);
      req.body = null;
      if (body.deviceId !== caller.deviceId)
        throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
      const first = body.batch[0]?.seq;
      const size = body.batch.length;
      const turn = turnOf(req, caller, first ?? 1, body.pipelined === true);
      // pushBatch lets go of the batch's mutations one by one (their documents can be freed
      // while the batch is applied).
      const res = await turns.run(caller.deviceId, turn, () =>
        pushBatch(storage, caller, body, undefined, { consume: true, prepared }),
      );
      logPush(req, caller, first, size, res);
      return res;
    });
  });

  function logPush(
    req: FastifyRequest,
    caller: Caller,
    first: number | undefined,
    size: number,
    res: PushResponse,
  ): void {
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
  }

  // A mutation too large to push: recorded as refused under its seq (see skipMutation).
  app.post('/v1/sync/skip', pushHooks, async (req): Promise<PushResponse> => {
    const caller = callerOf(req);
    const body = parseBody(SkipRequestSchema, req.body);
    if (body.deviceId !== caller.deviceId)
      throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
    const res = await turns.run(caller.deviceId, turnOf(req, caller, body.seq, false), () =>
      skipMutation(storage, caller, body),
    );
    req.log.warn(
      { deviceId: caller.deviceId, seq: body.seq, bytes: body.bytes, lastSeq: res.lastSeq },
      'mutation skipped as too large',
    );
    return res;
  });
}
