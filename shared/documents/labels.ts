/**
 * Words printed on the forms for coded values. The paper is always in Chinese, whatever
 * language the screen speaks, so these are not UI messages.
 */
import type { CaseSource } from '../schemas/case';
import type { SAMPLING_LINKS, SAMPLING_TYPES } from '../schemas/spotCheckFields';

export const SOURCE_LABELS: Record<CaseSource, string> = {
  failedSpotCheck: '监督抽查不合格',
  complaint: '举报投诉',
  specialAction: '专项行动',
  transfer: '其他机关移送',
  inspection: '检查发现',
};

export const MEASURE_LABELS = { seal: '查封', seize: '扣押' } as const;

export const GENDER_LABELS = { '': '', male: '男', female: '女' } as const;

export const SAMPLING_TYPE_LABELS: Record<(typeof SAMPLING_TYPES)[number], string> = {
  supervision: '监督抽查',
  special: '专项抽查',
  risk: '风险监测',
  followUp: '跟踪抽查',
};

export const SAMPLING_LINK_LABELS: Record<(typeof SAMPLING_LINKS)[number], string> = {
  production: '生产',
  circulation: '流通',
  ecommerce: '电子商务',
};

/** The printed word for a stored code; empty for a code it does not know (a draft's blank). */
export const labelFor = <K extends string>(labels: Record<K, string>, code: string): string =>
  Object.hasOwn(labels, code) ? labels[code as K] : '';

/** 当事人 in running text: 你单位 for an organisation, 你 for a person. */
export const partyPronoun = (kind: 'enterprise' | 'person' | ''): string =>
  kind === 'person' ? '你' : kind === 'enterprise' ? '你单位' : '你（单位）';
