import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AUDIT_UPLOAD_LIMITS,
  AuditBreakQuerySchema,
  AuditPushRequestSchema,
  type AuditBreakListItem,
  type AuditPushResponse,
} from '../../shared/sync/auditProtocol';
import { listBreaks } from '../audit/breaks';
import { pushAuditEntries } from '../audit/push';
import { HttpError } from '../errors';
import type { Storage } from '../storage/types';
import type { Caller } from '../sync/scope';
import { parseBody } from '../validate';

const tooLarge = (details?: unknown) =>
  new HttpError(
    'PAYLOAD_TOO_LARGE',
    { maxMutations: AUDIT_UPLOAD_LIMITS.maxEntries, maxBytes: AUDIT_UPLOAD_LIMITS.maxBodyBytes },
    details,
  );

/** The audit chain upload (shared/sync/auditProtocol.ts). Authenticated like every route. */
export function auditRoutes(
  app: FastifyInstance,
  storage: Storage,
  callerOf: (req: FastifyRequest) => Caller,
): void {
  app.post(
    '/v1/audit/push',
    { bodyLimit: AUDIT_UPLOAD_LIMITS.maxBodyBytes },
    async (req): Promise<AuditPushResponse> => {
      const caller = callerOf(req);
      // Counted before parsing so an oversized batch costs no validation work.
      const raw = req.body as { entries?: unknown } | null;
      if (raw && Array.isArray(raw.entries) && raw.entries.length > AUDIT_UPLOAD_LIMITS.maxEntries)
        throw tooLarge({ count: raw.entries.length });
      const body = parseBody(AuditPushRequestSchema, req.body);
      if (body.deviceId !== caller.deviceId)
        throw new HttpError('FORBIDDEN', {}, { reason: 'deviceId does not match the credential' });
      const res = await pushAuditEntries(storage, caller.deviceId, body);
      const log = {
        deviceId: caller.deviceId,
        afterSeq: body.afterSeq,
        size: body.entries.length,
        status: res.status,
        head: res.head.chainSeq,
      };
      if (res.status === 'broken')
        req.log.warn(
          { ...log, break: { kind: res.report.kind, chainSeq: res.report.chainSeq } },
          'audit chain broken',
        );
      else req.log.info(log, 'audit push');
      return res;
    },
  );

  // Supervisors and admins see the reports of devices in their unit and the units under it.
  app.get('/v1/audit/breaks', async (req): Promise<AuditBreakListItem[]> => {
    const caller = callerOf(req);
    if (caller.user.role === 'inspector')
      throw new HttpError('FORBIDDEN', {}, { reason: 'audit reports are for supervisors' });
    const query = parseBody(AuditBreakQuerySchema, req.query ?? {});
    return listBreaks(storage, { unitIds: caller.down, limit: query.limit });
  });
}
