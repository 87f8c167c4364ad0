/**
 * Signatures on printed forms: captured on screen, stored as attachments (PNG, by SHA-256), and
 * placed on the form they were given for. A refusal to sign is recorded with its reason and a
 * witness, and printed as such.
 */
import { z } from 'zod';
import { optionalText, uuid } from './fields';

export const SIGNER_ROLES = ['party', 'officer', 'witness', 'interviewee', 'recipient'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const SignatureSchema = z.strictObject({
  id: uuid,
  /** The form kind it was given for (see shared/documents), e.g. `inquiryRecord`. */
  documentKind: z.string({ error: 'v.type' }).regex(/^[a-zA-Z]{1,40}$/, { error: 'v.invalid' }),
  /** For forms made once per item (an inquiry, a measure): which item. Empty otherwise. */
  itemId: z.union([z.literal(''), uuid]).default(''),
  role: z.enum(SIGNER_ROLES, { error: 'v.enum' }),
  name: optionalText(50),
  /** The PNG of the signature; empty when the signer refused. */
  attachmentSha256: z
    .string({ error: 'v.type' })
    .refine((v) => v === '' || /^[0-9a-f]{64}$/.test(v), { error: 'v.invalid' })
    .default(''),
  signedAt: optionalText(30).default(''),
  refused: z.boolean({ error: 'v.type' }).default(false),
  refusalReason: optionalText(200).default(''),
  witness: optionalText(50).default(''),
});
export type Signature = z.infer<typeof SignatureSchema>;

export const SignatureListSchema = z.array(SignatureSchema).max(200, { error: 'v.tooMany' });
