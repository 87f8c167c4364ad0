/**
 * Time limits of the case procedure, kept as data with their legal source so they can change
 * with the regulations without code. Each set applies to cases whose lead was found on or
 * after its `effectiveFrom`; older sets stay so older cases keep the limits they started under.
 *
 * The article references are those of the texts named; confirm them against the version in
 * force when a new set is added.
 */
import type { CaseStage } from '../case/stages';

export const DEADLINE_KEYS = [
  'filing',
  'caseDecision',
  'statement',
  'measure',
  'delivery',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** The event a period runs from. */
export type DeadlineStart =
  | 'discoveredAt' // 发现线索或收到材料之日
  | 'filedAt' // 立案之日
  | 'noticeDeliveredAt' // 告知书送达之日
  | 'measureStart' // 查封扣押决定之日
  | 'decidedAt'; // 处理决定作出之日

export interface DeadlineRule {
  key: DeadlineKey;
  label: string;
  source: string;
  start: DeadlineStart;
  amount: number;
  unit: 'workingDays' | 'calendarDays';
  /** How far, and by whom, the period may be extended (shown; applied when recorded). */
  extension: { amount: number; unit: 'workingDays' | 'calendarDays'; note: string } | null;
  /** Stages in which the period is running. */
  activeIn: readonly CaseStage[];
  /** Warn this many days before the last day. */
  warnDays: number;
}

export interface DeadlineRuleSet {
  id: string;
  name: string;
  effectiveFrom: string;
  rules: readonly DeadlineRule[];
}

const OPEN_AFTER_FILING: readonly CaseStage[] = ['investigating', 'reviewing', 'notified'];

const SAMR_RULES: readonly DeadlineRule[] = [
  {
    key: 'filing',
    label: '立案审查期限',
    source: '《市场监督管理行政处罚程序规定》第十八条',
    start: 'discoveredAt',
    amount: 15,
    unit: 'workingDays',
    extension: {
      amount: 15,
      unit: 'workingDays',
      note: '特殊情况经负责人批准可延长；检测、检验、鉴定等时间不计入',
    },
    activeIn: ['accepted'],
    warnDays: 3,
  },
  {
    key: 'caseDecision',
    label: '办案期限（立案后作出处理决定）',
    source: '《市场监督管理行政处罚程序规定》第六十四条',
    start: 'filedAt',
    amount: 90,
    unit: 'calendarDays',
    extension: {
      amount: 30,
      unit: 'calendarDays',
      note: '经负责人批准可延长；再延长须集体讨论决定',
    },
    activeIn: OPEN_AFTER_FILING,
    warnDays: 10,
  },
  {
    key: 'statement',
    label: '陈述、申辩期限',
    source: '《市场监督管理行政处罚程序规定》第五十七条（告知书送达之日起五个工作日内）',
    start: 'noticeDeliveredAt',
    amount: 5,
    unit: 'workingDays',
    extension: null,
    activeIn: ['notified'],
    warnDays: 1,
  },
  {
    key: 'measure',
    label: '查封、扣押期限',
    source: '《中华人民共和国行政强制法》第二十五条',
    start: 'measureStart',
    amount: 30,
    unit: 'calendarDays',
    extension: {
      amount: 30,
      unit: 'calendarDays',
      note: '情况复杂的经负责人批准可延长一次，不超过三十日',
    },
    activeIn: ['accepted', 'investigating', 'reviewing', 'notified', 'decided', 'executing'],
    warnDays: 5,
  },
  {
    key: 'delivery',
    label: '处罚决定书送达期限',
    source: '《中华人民共和国行政处罚法》第六十一条（当事人不在场的，七日内送达）',
    start: 'decidedAt',
    amount: 7,
    unit: 'calendarDays',
    extension: null,
    activeIn: ['decided'],
    warnDays: 2,
  },
];

export const DEADLINE_RULE_SETS: readonly DeadlineRuleSet[] = [
  {
    id: 'samr-2019',
    name: '《市场监督管理行政处罚程序暂行规定》（2019年4月1日施行）',
    effectiveFrom: '2019-04-01',
    rules: SAMR_RULES,
  },
  {
    id: 'samr-2021',
    name: '《市场监督管理行政处罚程序规定》（2021年7月15日施行，2022年修正）',
    effectiveFrom: '2021-07-15',
    rules: SAMR_RULES,
  },
];

/** The set in force on `date` (the latest whose effectiveFrom is not after it). */
export function ruleSetFor(
  date: string,
  sets: readonly DeadlineRuleSet[] = DEADLINE_RULE_SETS,
): DeadlineRuleSet {
  const sorted = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let chosen = sorted[sorted.length - 1] as DeadlineRuleSet;
  if (date) {
    const inForce = sorted.filter((s) => s.effectiveFrom <= date);
    chosen = inForce[inForce.length - 1] ?? (sorted[0] as DeadlineRuleSet);
  }
  return chosen;
}

export function ruleOf(set: DeadlineRuleSet, key: DeadlineKey): DeadlineRule | undefined {
  return set.rules.find((r) => r.key === key);
}
