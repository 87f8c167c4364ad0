/**
 * A text column's value given in parts, written one after another (see RowSet in types.ts): a
 * large text is never copied into a new string. A part is a string or UTF-8 bytes — the push path
 * stores a device's JSON text as the bytes it arrived in (sync/pushInput.ts).
 */
export type TextPart = string | Uint8Array;

const isTextPart = (v: unknown): v is TextPart => typeof v === 'string' || v instanceof Uint8Array;

/** True for an array of parts (not for a lone string or bytes). */
export function isTextParts(v: unknown): v is readonly TextPart[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isTextPart(v[i])) return false;
  return true;
}

// A leading U+FEFF is text like any other here, never a mark to drop.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const partString = (p: TextPart): string => (typeof p === 'string' ? p : utf8.decode(p));

/** The text the parts make up. */
export const joinText = (parts: readonly TextPart[]): string =>
  parts.length === 1 ? partString(parts[0] as TextPart) : parts.map(partString).join('');
