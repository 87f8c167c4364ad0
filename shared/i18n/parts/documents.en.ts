import type { documentsZh } from './documents.zh-CN';
import type { Widen } from '../widen';

export const documentsEn: Widen<typeof documentsZh> = {
  documents: {},
};
