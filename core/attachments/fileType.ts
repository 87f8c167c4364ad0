/**
 * Content sniffing: a file must be what its type says. The declared MIME type is checked
 * against the file's leading bytes ("magic numbers"), so a renamed .exe or a text file called
 * photo.jpg is refused instead of being kept as evidence nobody can open.
 */
import type { ATTACHMENT_MIME_TYPES } from '../../shared/schemas/sync';

type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

const startsWith = (bytes: Buffer, sig: number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: Record<AttachmentMime, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
};

export function matchesMimeType(bytes: Buffer, mimeType: AttachmentMime): boolean {
  return SIGNATURES[mimeType](bytes);
}
