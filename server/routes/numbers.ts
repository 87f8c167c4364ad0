import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  NumberBlockRequestSchema,
  type NumberBlockResponse,
} from '../../shared/sync/numberProtocol';
import { allocateBlock } from '../numbers/allocate';
import type { Storage } from '../storage/types';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';

/** Blocks of document numbers for the calling device (shared/sync/numberProtocol.ts). */
export function numberRoutes(
  app: FastifyInstance,
  storage: Storage,
  callerOf: (req: FastifyRequest) => Caller,
  now: () => number = Date.now,
): void {
  app.post('/v1/numbers/blocks', async (req): Promise<NumberBlockResponse> => {
    const caller = callerOf(req);
    const body = parseBody(NumberBlockRequestSchema, req.body);
    const res = await allocateBlock(storage, caller, body, new Date(now()));
    req.log.info(
      {
        deviceId: caller.deviceId,
        docType: body.docType,
        year: body.year,
        prefix: res.block.prefix,
        start: res.block.start,
        end: res.block.end,
      },
      'number block',
    );
    return res;
  });
}
