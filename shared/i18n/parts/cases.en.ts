import type { casesZh } from './cases.zh-CN';
import type { Widen } from '../widen';

export const casesEn: Widen<typeof casesZh> = {
  cases: {},
};
