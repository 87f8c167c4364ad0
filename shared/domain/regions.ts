/** Liaoning administrative divisions, GB/T 2260 (province and prefecture-level cities). */
export interface Region {
  code: string;
  zh: string;
  en: string;
}

export const LIAONING_REGIONS: readonly Region[] = [
  { code: '210000', zh: '辽宁省', en: 'Liaoning Province' },
  { code: '210100', zh: '沈阳市', en: 'Shenyang' },
  { code: '210200', zh: '大连市', en: 'Dalian' },
  { code: '210300', zh: '鞍山市', en: 'Anshan' },
  { code: '210400', zh: '抚顺市', en: 'Fushun' },
  { code: '210500', zh: '本溪市', en: 'Benxi' },
  { code: '210600', zh: '丹东市', en: 'Dandong' },
  { code: '210700', zh: '锦州市', en: 'Jinzhou' },
  { code: '210800', zh: '营口市', en: 'Yingkou' },
  { code: '210900', zh: '阜新市', en: 'Fuxin' },
  { code: '211000', zh: '辽阳市', en: 'Liaoyang' },
  { code: '211100', zh: '盘锦市', en: 'Panjin' },
  { code: '211200', zh: '铁岭市', en: 'Tieling' },
  { code: '211300', zh: '朝阳市', en: 'Chaoyang' },
  { code: '211400', zh: '葫芦岛市', en: 'Huludao' },
];

export const REGION_CODES = LIAONING_REGIONS.map((r) => r.code) as [string, ...string[]];

export function findRegion(code: string): Region | undefined {
  return LIAONING_REGIONS.find((r) => r.code === code);
}

export function isLiaoningRegion(code: string): boolean {
  return findRegion(code) !== undefined;
}
