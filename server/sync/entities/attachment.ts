/**
 * Attachment metadata (photos, scans and signatures of a spot check or a case). The document
 * names the file by its SHA-256; the bytes are uploaded afterwards through /v1/files
 * (server/files/). Create only: an attachment is evidence as taken, so there is no update.
 *
 * It may be added only while its owner may still change the record: a spot check that is a
 * draft or was returned for changes; a case its owner may still edit (not in a final stage,
 * by the case rules). The app enforces the same (core/attachments/owner.ts). The row takes its
 * record's unit and owner, so whoever sees the record sees its attachments, and nobody else.
 */
import { editProblem } from '../../../shared/domain/case/machine';
import { isEditableSpotCheckStatus } from '../../../shared/schemas/spotCheck';
import { AttachmentChangesSchema, type AttachmentDoc } from '../../../shared/sync/attachmentDoc';
import type { Doc } from '../../../shared/sync/paths';
import { canWrite } from '../scope';
import { actorOf, ruleRejection, workflowOf } from './caseRules';
import type { EntityRow } from './repo';
import { reject, validationRejection, type EntityHandler, type Rejection } from './types';

function ownerProblem(
  owner: EntityRow,
  ctx: Parameters<EntityHandler['create']>[0],
): Rejection | null {
  if (owner.entity === 'spotCheck') {
    return isEditableSpotCheckStatus(owner.doc.status) ? null : reject('immutable');
  }
  const problem = editProblem(
    workflowOf(owner.doc),
    String(owner.ownerUserId),
    actorOf(ctx.caller),
    [],
  );
  return problem ? ruleRejection(problem) : null;
}

export const attachmentHandler: EntityHandler = {
  entity: 'attachment',

  async create(ctx, m) {
    const parsed = AttachmentChangesSchema.safeParse(m.changes);
    if (!parsed.success) return validationRejection(parsed.error.issues);
    const owner = await ctx.entities.load(parsed.data.ownerType, parsed.data.ownerId);
    if (!owner) return reject('notFound');
    // The row to be written carries the owner's unit and owner: it is written by the owner only.
    const row = { entity: 'attachment', unitId: owner.unitId, ownerUserId: owner.ownerUserId };
    if (!canWrite(ctx.scope, row)) return reject('outOfScope');
    const refused = ownerProblem(owner, ctx);
    if (refused) return refused;
    const doc: AttachmentDoc = { ...parsed.data, createdBy: ctx.caller.user.id };
    return { doc: doc as unknown as Doc, unitId: owner.unitId, ownerUserId: owner.ownerUserId };
  },

  async change(_ctx, m) {
    return reject('unsupportedOp', { op: m.op });
  },
};
