/**
 * The signatures a form carries: those recorded in the record's data for this form kind (and
 * item), by role. A refusal is kept with its reason and witness and printed as such.
 */
import type { Signature, SignerRole } from '../schemas/signature';
import { zhDayOfInstant } from './format';
import type { DocumentKind } from './kinds';
import type { SignatureSlotView, SignatureView } from './view';

export function signatureView(s: Signature): SignatureView {
  return {
    name: s.name,
    sha256: s.refused ? '' : s.attachmentSha256,
    refused: s.refused,
    refusalReason: s.refusalReason,
    witness: s.witness,
    date: zhDayOfInstant(s.signedAt),
  };
}

export function signatureSlot(
  signatures: readonly Signature[],
  kind: DocumentKind,
  itemId: string,
  role: SignerRole,
  who: string,
): SignatureSlotView {
  return {
    role,
    who,
    signatures: signatures
      .filter((s) => s.documentKind === kind && s.itemId === itemId && s.role === role)
      .map(signatureView),
  };
}

/** Every signature image a view model names: the attachments to inline when printing. */
export function signatureHashes(view: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.sha256 === 'string' && o.sha256 !== '' && 'refused' in o) found.add(o.sha256);
      Object.values(o).forEach(walk);
    }
  };
  walk(view);
  return [...found];
}
