/**
 * The content hash a form's QR code carries: SHA-256 of the canonical JSON of its view model.
 * The view model is what the paper says (and only that), so the same record gives the same
 * hash on any device, and any change to what the paper would say changes it.
 */
import { canonicalJson, sha256Hex } from '../audit/chain';
import type { DocumentView } from './view';

export function contentHash(view: DocumentView): string {
  return sha256Hex(canonicalJson(view));
}
