/**
 * The running deadlines of one case: which periods are open in its stage, their last day, and
 * whether today is fine, close (warning) or past (overdue).
 */
import type { CaseData } from '../../schemas/case';
import type { CaseStage } from '../case/stages';
import { addCalendarDaysRolling, addWorkingDays, daysBetween, type WorkCalendar } from './calendar';
import { CN_CALENDAR } from './holidays';
import {
  DEADLINE_RULE_SETS,
  ruleOf,
  ruleSetFor,
  type DeadlineKey,
  type DeadlineRule,
  type DeadlineRuleSet,
} from './rules';

export type DeadlineState = 'ok' | 'warning' | 'overdue';

export interface CaseDeadline {
  key: DeadlineKey;
  label: string;
  source: string;
  ruleSetId: string;
  startedOn: string;
  /** The last day of the period. */
  due: string;
  /** Days from today to the last day (0 = today is the last day, negative = past). */
  daysLeft: number;
  state: DeadlineState;
  /** For a coercive measure: which one. */
  measureId?: string;
}

/** What deadlines depend on: the stage, the content and the workflow dates. */
export interface DeadlineFacts {
  stage: CaseStage;
  data: Pick<CaseData, 'discoveredAt' | 'notice' | 'measures'>;
  filedAt: string | null;
  decidedAt: string | null;
}

export interface DeadlineOptions {
  today: string;
  calendar?: WorkCalendar;
  ruleSets?: readonly DeadlineRuleSet[];
}

export function periodEnd(
  cal: WorkCalendar,
  rule: Pick<DeadlineRule, 'amount' | 'unit'>,
  start: string,
): string {
  return rule.unit === 'workingDays'
    ? addWorkingDays(cal, start, rule.amount)
    : addCalendarDaysRolling(cal, start, rule.amount);
}

function stateOf(daysLeft: number, warnDays: number): DeadlineState {
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= warnDays ? 'warning' : 'ok';
}

export function caseDeadlines(facts: DeadlineFacts, opts: DeadlineOptions): CaseDeadline[] {
  const cal = opts.calendar ?? CN_CALENDAR;
  const set = ruleSetFor(facts.data.discoveredAt, opts.ruleSets ?? DEADLINE_RULE_SETS);
  const out: CaseDeadline[] = [];
  const push = (rule: DeadlineRule, start: string, due: string, measureId?: string) => {
    const daysLeft = daysBetween(opts.today, due);
    out.push({
      key: rule.key,
      label: rule.label,
      source: rule.source,
      ruleSetId: set.id,
      startedOn: start,
      due,
      daysLeft,
      state: stateOf(daysLeft, rule.warnDays),
      ...(measureId ? { measureId } : {}),
    });
  };
  for (const rule of set.rules) {
    if (!rule.activeIn.includes(facts.stage)) continue;
    if (rule.start === 'measureStart') {
      for (const m of facts.data.measures) {
        if (!m.startDate || m.releasedAt) continue;
        push(rule, m.startDate, m.extendedTo || periodEnd(cal, rule, m.startDate), m.id);
      }
      continue;
    }
    const start = startOf(rule, facts);
    if (start) push(rule, start, periodEnd(cal, rule, start));
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

function startOf(rule: DeadlineRule, f: DeadlineFacts): string | null {
  switch (rule.start) {
    case 'discoveredAt':
      return f.data.discoveredAt || null;
    case 'filedAt':
      return f.filedAt;
    case 'noticeDeliveredAt':
      return f.data.notice.deliveredAt || null;
    case 'decidedAt':
      return f.decidedAt;
    default:
      return null;
  }
}

/** The last day of the 陈述申辩 window, or null before the 告知书 is delivered. */
export function statementWindowEnd(
  facts: DeadlineFacts,
  calendar: WorkCalendar = CN_CALENDAR,
  ruleSets: readonly DeadlineRuleSet[] = DEADLINE_RULE_SETS,
): string | null {
  const rule = ruleOf(ruleSetFor(facts.data.discoveredAt, ruleSets), 'statement');
  const start = facts.data.notice.deliveredAt;
  return rule && start ? periodEnd(calendar, rule, start) : null;
}

/** The most pressing deadline of a case (for sorting a case list), or null. */
export function nearestDeadline(facts: DeadlineFacts, opts: DeadlineOptions): CaseDeadline | null {
  return caseDeadlines(facts, opts)[0] ?? null;
}
