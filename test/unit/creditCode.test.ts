import { def } from '../integration/core-fixtures';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
} from '../../shared/domain/creditCode';

/** Independent re-implementation of GB 32100-2015's check character, to cross-check. */
function referenceCheck(first17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(def(first17[i])) * def(w[i]);
  return def(CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]);
}

describe('unified social credit code', () => {
  // Published codes of well-known companies (Huawei, Alibaba, Tencent, Xiaomi).
  it.each(['914403001922038216', '91330100799655058B', '91440300708461136T', '91110108551385082Q'])(
    'accepts the real published code %s',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull();
      expect(isValidCreditCode(code)).toBe(true);
    },
  );

  it.each(['91210100MA0P4X2K1', '92210200L12345678', '12210000000000000', '5121130077777777A'])(
    'computes the check character of %s like the reference algorithm',
    (body) => {
      const check = creditCodeCheckChar(body);
      expect(check).toBe(referenceCheck(body));
      expect(creditCodeProblem(body + check)).toBeNull();
    },
  );

  it('maps a zero remainder to check character 0', () => {
    // 17 zeros sum to 0 -> (31 - 0) mod 31 = 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects a wrong length', () => {
    expect(creditCodeProblem('91330100799655058')).toBe('length');
    expect(creditCodeProblem('91330100799655058BB')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the excluded letter %s', (ch) => {
    const code = `9133010079965505${ch}B`;
    expect(creditCodeProblem(code)).toBe('charset');
  });

  it('rejects a non-digit administrative division (positions 3-8)', () => {
    const body = '9121A100MA0P4X2K1';
    expect(creditCodeProblem(body + (creditCodeCheckChar(body) as string))).toBe('division');
  });

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('914403001922038217')).toBe('checkChar');
    expect(creditCodeProblem('91330100799655058A')).toBe('checkChar');
  });

  it('normalizes lowercase and surrounding spaces before validating', () => {
    expect(normalizeCreditCode(' 91330100799655058b ')).toBe('91330100799655058B');
    expect(isValidCreditCode(' 91330100799655058b ')).toBe(true);
    expect(creditCodeProblem('91330100799655058b')).toBe('charset');
  });
});
