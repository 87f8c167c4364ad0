/**
 * Signature images for a form: the PNGs its view names, read from this device's file store
 * (checked against their hash there) and inlined as data: URIs. A missing file leaves the
 * signature's place as a line to sign by hand; the form still prints.
 */
import { signatureHashes } from '../../shared/documents/signatures';
import type { DocumentView } from '../../shared/documents/view';
import type { LocalFileStore } from '../attachments/fileStore';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

export function signatureImages(files: LocalFileStore, view: DocumentView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sha of signatureHashes(view)) {
    const bytes = files.read(sha);
    if (!bytes || !bytes.subarray(0, 4).equals(PNG_MAGIC)) continue;
    out[sha] = `data:image/png;base64,${bytes.toString('base64')}`;
  }
  return out;
}
