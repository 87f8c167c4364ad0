import {
  findRegion,
  isLiaoningRegion,
  LIAONING_REGIONS,
  REGION_CODES,
} from '../../shared/domain/regions';

describe('Liaoning region codes (GB/T 2260)', () => {
  it('has the province and its 14 prefecture-level cities', () => {
    expect(LIAONING_REGIONS).toHaveLength(15);
    expect(new Set(REGION_CODES).size).toBe(15);
    for (const code of REGION_CODES) expect(code).toMatch(/^21\d{2}00$/);
  });

  it('finds Shenyang, Dalian and Huludao by code', () => {
    expect(findRegion('210100')?.zh).toBe('沈阳市');
    expect(findRegion('210200')?.zh).toBe('大连市');
    expect(findRegion('211400')?.zh).toBe('葫芦岛市');
  });

  it('refuses codes outside Liaoning or malformed', () => {
    expect(isLiaoningRegion('110000')).toBe(false);
    expect(isLiaoningRegion('211500')).toBe(false);
    expect(isLiaoningRegion('21010')).toBe(false);
    expect(isLiaoningRegion('210000')).toBe(true);
  });
});
