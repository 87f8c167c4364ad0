/**
 * The synced document of an attachment (entity 'attachment'): metadata only, the bytes travel
 * separately (fileProtocol.ts). It belongs to a spot check or a case. Created once, never changed: a photo is evidence as taken.
 */
import { z } from 'zod';
import { uuid } from '../schemas/fields';
import {
  ATTACHMENT_MIME_TYPES,
  ATTACHMENT_OWNER_TYPES,
  MAX_ATTACHMENT_BYTES,
} from '../schemas/sync';
import { SHA256_PATTERN } from './fileProtocol';

/** What a device sends in the create mutation's `changes`. */
export const AttachmentChangesSchema = z.strictObject({
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES, { error: 'v.enum' }),
  ownerId: uuid,
  sha256: z.string().regex(SHA256_PATTERN, { error: 'v.invalid' }),
  fileName: z.string({ error: 'v.type' }).trim().min(1, { error: 'v.required' }).max(200),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES, { error: 'v.fileType' }),
  size: z
    .number({ error: 'v.type' })
    .int()
    .min(1, { error: 'v.required' })
    .max(MAX_ATTACHMENT_BYTES, { error: 'v.fileTooLarge' }),
  /** When the photo was added on the device (shown only; never used for ordering). */
  createdAt: z.iso.datetime({ offset: true, error: 'v.invalid' }),
});
export type AttachmentChanges = z.infer<typeof AttachmentChangesSchema>;

/** What the server stores and devices pull: the changes plus the user who added it. */
export type AttachmentDoc = AttachmentChanges & { createdBy: string };
