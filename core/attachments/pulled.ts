/**
 * Attachment metadata received from the server (a pull row of entity 'attachment'), so a
 * supervisor's device lists a record's photos; the bytes are fetched on first read
 * (attachments.read). Call from the pull applier, inside the page's transaction.
 */
import type { Store } from '../../db/store';
import { AttachmentChangesSchema } from '../../shared/sync/attachmentDoc';

export function applyPulledAttachment(
  store: Store,
  id: string,
  doc: Record<string, unknown>,
): void {
  const { createdBy, ...changes } = doc;
  const parsed = AttachmentChangesSchema.safeParse(changes);
  // A document this build cannot read (a newer server) is skipped, like unknown entities.
  if (!parsed.success || typeof createdBy !== 'string') return;
  store.attachments.upsertPulled(id, { ...parsed.data, createdBy });
}
