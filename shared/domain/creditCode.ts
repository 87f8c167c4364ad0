/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters; the 18th is a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'charset' | 'division' | 'checkChar';

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for the first 17 characters, or null if any is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why a code is not valid, or null when it is. Expects a normalized code. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'charset';
  // Positions 3–8 carry the GB/T 2260 administrative division code: always digits.
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return 'checkChar';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(normalizeCreditCode(code)) === null;
}
