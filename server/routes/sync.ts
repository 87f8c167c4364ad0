import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PullQuerySchema, PullRequestSchema } from '../../shared/sync/protocol';
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/types';
import { pullPage, pullPageJson } from '../sync/pull';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';
import { pushRoutes } from './push';

export function syncRoutes(
  app: FastifyInstance,
  storage: Storage,
  config: ServerConfig,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  pushRoutes(app, storage, config, callerOf);

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
