/**
 * Turning what the signature dialog collected into a record's signature entry (the shared
 * SignatureSchema), with field messages for what is missing. Kept apart from the dialog so the
 * rules read in one place: a name always; a drawn signature, or a refusal's reason and witness.
 */
import type { MessageRef } from '../../../shared/api/result';
import {
  SignatureSchema,
  type Signature,
  type SignerRole,
} from '../../../shared/schemas/signature';

export interface SignatureDraft {
  role: SignerRole | '';
  name: string;
  refused: boolean;
  refusalReason: string;
  witness: string;
}

export type DraftErrors = Partial<Record<keyof SignatureDraft | 'pad', MessageRef>>;

/** What must be fixed before saving; `blank` says whether the pad is still empty. */
export function draftProblems(d: SignatureDraft, blank: boolean): DraftErrors {
  const errors: DraftErrors = {};
  if (d.role === '') errors.role = { key: 'v.required' };
  if (d.name.trim() === '') errors.name = { key: 'v.required' };
  if (d.refused) {
    if (d.refusalReason.trim() === '') errors.refusalReason = { key: 'v.required' };
    if (d.witness.trim() === '') errors.witness = { key: 'v.required' };
  } else if (blank) {
    errors.pad = { key: 'signatures.padEmpty' };
  }
  const lengths: [keyof SignatureDraft, number][] = [
    ['name', 50],
    ['refusalReason', 200],
    ['witness', 50],
  ];
  for (const [key, max] of lengths) {
    const value = d[key];
    if (typeof value === 'string' && value.trim().length > max && !errors[key]) {
      errors[key] = { key: 'v.tooLong', params: { max } };
    }
  }
  return errors;
}

/** The entry as the record stores it (parsed by the shared schema, so it is what a save accepts). */
export function signatureEntry(
  d: SignatureDraft & { role: SignerRole },
  where: { documentKind: string; itemId: string },
  image: { sha256: string } | null,
  at: Date,
): Signature {
  return SignatureSchema.parse({
    id: crypto.randomUUID(),
    documentKind: where.documentKind,
    itemId: where.itemId,
    role: d.role,
    name: d.name,
    attachmentSha256: d.refused ? '' : (image?.sha256 ?? ''),
    signedAt: at.toISOString(),
    refused: d.refused,
    refusalReason: d.refused ? d.refusalReason : '',
    witness: d.refused ? d.witness : '',
  });
}
