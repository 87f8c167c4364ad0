/**
 * Base64 in, bytes out, strictly. Node's decoder silently skips characters outside the
 * alphabet, which would store something other than what the user picked; so the text is
 * checked first. A `data:<type>;base64,` prefix (what FileReader.readAsDataURL gives) is
 * accepted and dropped.
 */
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeBase64(text: string): Buffer | null {
  const body = text.replace(DATA_URL, '').replace(/\s+/g, '');
  if (body.length % 4 !== 0 || !BASE64.test(body)) return null;
  return Buffer.from(body, 'base64');
}
