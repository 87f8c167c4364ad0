/** The API contract wired to the services; input arrives already parsed by dispatch. */
import type { ApiHandlers, AppInfo } from '../../shared/api/contract';
import { ok } from '../../shared/api/result';
import { createEnterprise, getEnterprise, listEnterprises, updateEnterprise } from './enterprise';
import { getProfile, setupProfile } from './profile';
import {
  createCorrection,
  createSpotCheck,
  getSpotCheck,
  listSpotChecks,
  saveDraft,
  submitSpotCheck,
} from './spotCheck';
import { createAttachmentHandlers } from './attachments';
import { listConflicts, resolveConflict } from './conflicts';
import { createCaseHandlers } from './cases/handlers';
import { createDocumentHandlers } from './documents/handlers';
import { createNumberHandlers } from './numbers/handlers';
import {
  syncEnroll,
  syncLogin,
  syncLogout,
  syncNow,
  syncQuarantine,
  syncStatus,
  type SyncServiceContext,
} from './sync';

export function createHandlers(ctx: SyncServiceContext, info: AppInfo): ApiHandlers {
  return {
    'app.info': () => ok(info),
    'profile.get': () => getProfile(ctx),
    'profile.setup': (input) => setupProfile(ctx, input),
    'catalog.categories': () => ok(ctx.store.catalog.categories()),
    'enterprise.create': (input) => createEnterprise(ctx, input),
    'enterprise.update': (input) => updateEnterprise(ctx, input),
    'enterprise.get': ({ id }) => getEnterprise(ctx, id),
    'enterprise.list': (q) => listEnterprises(ctx, q),
    'spotCheck.create': (input) => createSpotCheck(ctx, input),
    'spotCheck.saveDraft': (input) => saveDraft(ctx, input),
    'spotCheck.get': ({ id }) => getSpotCheck(ctx, id),
    'spotCheck.list': (q) => listSpotChecks(ctx, q),
    'spotCheck.submit': (input) => submitSpotCheck(ctx, input),
    'spotCheck.createCorrection': ({ id }) => createCorrection(ctx, id),
    'audit.list': ({ entityType, entityId }) => ok(ctx.store.audit.list(entityType, entityId)),
    'sync.status': () => syncStatus(ctx),
    'sync.enroll': (input) => syncEnroll(ctx, input),
    'sync.login': (input) => syncLogin(ctx, input),
    'sync.logout': () => syncLogout(ctx),
    'sync.now': () => syncNow(ctx),
    'sync.quarantine': () => syncQuarantine(ctx),
    'conflicts.list': ({ entityId }) => listConflicts(ctx, entityId),
    'conflicts.resolve': (input) => resolveConflict(ctx, input),
    ...createAttachmentHandlers(ctx),
    ...createCaseHandlers(ctx),
    ...createDocumentHandlers(ctx),
    ...createNumberHandlers(ctx),
  };
}
