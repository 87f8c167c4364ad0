import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ConflictResolveRequestSchema,
  FetchRequestSchema,
  SeqResetRequestSchema,
  type ConflictListResponse,
  type ConflictResolveResponse,
  type FetchResponse,
  type SeqResetResponse,
} from '../../shared/sync/maintenance';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import {
  fetchRows,
  listOpenConflicts,
  resetDeviceSeq,
  resolveConflicts,
} from '../sync/maintenance';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';

/** Conflicts, fetch by id and the seq reset (shared/sync/maintenance.ts). All authenticated. */
export function maintenanceRoutes(
  app: FastifyInstance,
  storage: Storage,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  app.get('/v1/conflicts', async (req): Promise<ConflictListResponse> => {
    return { conflicts: await listOpenConflicts(storage, callerOf(req)) };
  });

  app.post('/v1/conflicts/resolve', async (req): Promise<ConflictResolveResponse> => {
    const caller = callerOf(req);
    const body = parseBody(ConflictResolveRequestSchema, req.body);
    const resolved = await resolveConflicts(storage, caller, body.conflictIds);
    req.log.info({ deviceId: caller.deviceId, resolved: resolved.length }, 'conflicts resolved');
    return { resolved };
  });

  app.post('/v1/sync/fetch', async (req): Promise<FetchResponse> => {
    const body = parseBody(FetchRequestSchema, req.body);
    return fetchRows(storage, callerOf(req), body.refs);
  });

  app.post('/v1/sync/reset-seq', async (req): Promise<SeqResetResponse> => {
    const caller = callerOf(req);
    const body = parseBody(SeqResetRequestSchema, req.body);
    if (body.deviceId !== caller.deviceId)
      throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
    const lastSeq = await resetDeviceSeq(storage, caller.deviceId, body.nextSeq);
    req.log.warn({ deviceId: caller.deviceId, nextSeq: body.nextSeq, lastSeq }, 'device seq reset');
    return { lastSeq };
  });
}
