import type { FastifyInstance } from 'fastify';
import { SYNC_PROTOCOL_VERSION, type HealthResponse } from '../../shared/sync/protocol';
import { getEpoch } from '../org/epoch';
import type { Storage } from '../storage/types';
import { SERVER_VERSION } from '../version';

export function healthRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/health', async (req, reply) => {
    let epoch: string | null = null;
    try {
      epoch = await getEpoch(storage);
    } catch (err) {
      req.log.error({ err }, 'health: database unreachable');
    }
    const body: HealthResponse = {
      ok: epoch !== null,
      db: epoch !== null ? 'ok' : 'unreachable',
      storage: storage.kind,
      epoch,
      version: SERVER_VERSION,
      protocol: SYNC_PROTOCOL_VERSION,
    };
    return reply.status(body.ok ? 200 : 503).send(body);
  });
}
