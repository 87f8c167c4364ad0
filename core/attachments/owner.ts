/**
 * The record an attachment is added to: whether it may take one now. A spot check takes
 * attachments while its owner may still change it (a draft, or returned by the supervisor);
 * a case while its owner may still change its content (the case rules: not in a final stage).
 * The server checks the same on push (server/sync/entities/attachment.ts).
 */
import { fail } from '../../shared/api/result';
import { editProblem } from '../../shared/domain/case/machine';
import { isEditableSpotCheckStatus } from '../../shared/schemas/spotCheck';
import type { AttachmentOwnerType } from '../../shared/schemas/sync';
import { currentActor, ruleFailure } from '../services/cases/actor';
import { isFailure, type Failure, type ServiceContext } from '../services/context';

export function attachmentOwnerProblem(
  ctx: ServiceContext,
  ownerType: AttachmentOwnerType,
  ownerId: string,
): Failure | null {
  if (ownerType === 'spotCheck') {
    const owner = ctx.store.spotChecks.get(ownerId);
    if (!owner) return fail('NOT_FOUND', 'e.notFound');
    if (!isEditableSpotCheckStatus(owner.status)) {
      return fail('READ_ONLY', 'e.readOnly');
    }
    return null;
  }
  const owner = ctx.store.cases.get(ownerId);
  if (!owner) return fail('NOT_FOUND', 'e.notFound');
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const problem = editProblem(owner, owner.ownerUserId, actor, []);
  return problem ? ruleFailure(problem) : null;
}
