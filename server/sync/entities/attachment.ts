/**
 * Attachment metadata (photos and scans of a spot check). The document names the file by its
 * SHA-256; the bytes are uploaded afterwards through /v1/files (server/files/). Create only:
 * a photo is evidence as taken, so there is no update, and it may be added only while its
 * spot check is a draft (the app enforces the same). The row takes its spot check's unit and
 * owner, so whoever sees the record sees its photos, and nobody else.
 */
import { AttachmentChangesSchema, type AttachmentDoc } from '../../../shared/sync/attachmentDoc';
import type { Doc } from '../../../shared/sync/paths';
import { canWrite } from '../scope';
import { loadEntity } from './repo';
import { reject, validationRejection, type EntityHandler } from './types';

export const attachmentHandler: EntityHandler = {
  entity: 'attachment',

  async create(ctx, m) {
    const parsed = AttachmentChangesSchema.safeParse(m.changes);
    if (!parsed.success) return validationRejection(parsed.error.issues);
    const owner = await loadEntity(ctx.tx, 'spotCheck', parsed.data.ownerId);
    if (!owner) return reject('notFound');
    if (!canWrite(ctx.scope, owner)) return reject('outOfScope');
    if (owner.doc.status !== 'draft') return reject('immutable');
    const doc: AttachmentDoc = { ...parsed.data, createdBy: ctx.caller.user.id };
    return { doc: doc as unknown as Doc, unitId: owner.unitId, ownerUserId: owner.ownerUserId };
  },

  async change(_ctx, m) {
    return reject('unsupportedOp', { op: m.op });
  },
};
