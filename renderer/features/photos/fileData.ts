/** Getting files into the shape attachments.add takes, and catching what it would refuse. */
import type { MessageRef } from '../../../shared/api/result';
import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES } from '../../../shared/schemas/sync';

export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

export const ACCEPT = ATTACHMENT_MIME_TYPES.join(',');

export const isAcceptedType = (type: string): type is AttachmentMime =>
  (ATTACHMENT_MIME_TYPES as readonly string[]).includes(type);

/** The same checks the core makes, so a 30 MB photo is refused before it is read into memory. */
export function checkFile(file: Blob): MessageRef | null {
  if (!isAcceptedType(file.type)) return { key: 'v.fileType' };
  if (file.size > MAX_ATTACHMENT_BYTES) return { key: 'v.fileTooLarge' };
  return null;
}

/** Base64 without the `data:…;base64,` prefix; FileReader does it off the main thread. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const dataUrl = (mimeType: string, base64: string) => `data:${mimeType};base64,${base64}`;
