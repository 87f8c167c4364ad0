/**
 * Deadline rules: working days over weekends, configured holidays and 调休 workdays; calendar
 * periods across month and year ends that roll past a non-working last day; the rule set in
 * force on the day the lead was found; and the running deadlines of a case in each stage.
 * Expected dates are worked out by hand from the calendars, not by the code under test.
 */
import { emptyCaseData, type CaseData, type Measure } from '../../shared/schemas/case';
import type { CaseStage } from '../../shared/domain/case/stages';
import {
  addCalendarDaysRolling,
  addDays,
  addWorkingDays,
  daysBetween,
  isWorkingDay,
  nextWorkingDayFrom,
  type WorkCalendar,
} from '../../shared/domain/deadlines/calendar';
import {
  caseDeadlines,
  nearestDeadline,
  statementWindowEnd,
  type DeadlineFacts,
} from '../../shared/domain/deadlines/compute';
import { CN_CALENDAR } from '../../shared/domain/deadlines/holidays';
import {
  DEADLINE_RULE_SETS,
  ruleOf,
  ruleSetFor,
  type DeadlineRuleSet,
} from '../../shared/domain/deadlines/rules';

/** 2030: Wed 1 – Fri 3 May off, Saturday 4 May worked instead. */
const TEST_CAL: WorkCalendar = {
  holidays: ['2030-05-01', '2030-05-02', '2030-05-03'],
  workdays: ['2030-05-04'],
};
const WEEKENDS_ONLY: WorkCalendar = { holidays: [], workdays: [] };

describe('working days', () => {
  it.each([
    ['2030-05-01', false, 'a configured holiday on a Wednesday'],
    ['2030-05-04', true, 'a Saturday configured as a workday'],
    ['2030-05-05', false, 'an ordinary Sunday'],
    ['2030-05-06', true, 'an ordinary Monday'],
  ])('%s working: %s (%s)', (day, working) => {
    expect(isWorkingDay(TEST_CAL, day)).toBe(working);
  });

  it.each([
    ['2030-05-10', 1, '2030-05-13', 'Friday + 1 skips the weekend'],
    ['2030-04-30', 1, '2030-05-04', 'over the holidays onto the 调休 Saturday'],
    ['2030-04-30', 2, '2030-05-06', 'then past Sunday to Monday'],
    ['2030-04-29', 5, '2030-05-08', 'Tue 30, Sat 4, Mon 6, Tue 7, Wed 8'],
  ])('addWorkingDays(%s, %d) = %s (%s)', (start, n, due) => {
    expect(addWorkingDays(TEST_CAL, start, n)).toBe(due);
  });

  it('does not count the day of the event itself, and 0 days is that day', () => {
    expect(addWorkingDays(TEST_CAL, '2030-05-06', 0)).toBe('2030-05-06');
    expect(addWorkingDays(TEST_CAL, '2030-05-06', 1)).toBe('2030-05-07');
  });

  it('follows the shipped calendar over 2026 national day and its 调休 Saturday', () => {
    expect(isWorkingDay(CN_CALENDAR, '2026-10-01')).toBe(false);
    expect(isWorkingDay(CN_CALENDAR, '2026-10-07')).toBe(false);
    expect(isWorkingDay(CN_CALENDAR, '2026-10-10')).toBe(true); // Saturday, worked
    expect(isWorkingDay(CN_CALENDAR, '2026-09-20')).toBe(true); // Sunday, worked
    // Wed 30 Sep: Oct 1–7 off; Thu 8 (1), Fri 9 (2), Sat 10 (3), Mon 12 (4), Tue 13 (5).
    expect(addWorkingDays(CN_CALENDAR, '2026-09-30', 5)).toBe('2026-10-13');
    // Thu 24 Sep: 中秋 25–27 off; Mon 28 (1), Tue 29 (2), Wed 30 (3), Thu 8 Oct (4), Fri 9 (5).
    expect(addWorkingDays(CN_CALENDAR, '2026-09-24', 5)).toBe('2026-10-09');
    // Over 春节 2026 (15–23 Feb off, Sat 14 and Sat 28 Feb worked): 15 working days.
    expect(addWorkingDays(CN_CALENDAR, '2026-02-10', 15)).toBe('2026-03-09');
  });

  it('finds the next working day from a non-working one', () => {
    expect(nextWorkingDayFrom(TEST_CAL, '2030-05-01')).toBe('2030-05-04');
    expect(nextWorkingDayFrom(TEST_CAL, '2030-05-05')).toBe('2030-05-06');
    expect(nextWorkingDayFrom(TEST_CAL, '2030-05-06')).toBe('2030-05-06');
  });
});

describe('calendar-day periods', () => {
  it.each([
    ['2026-01-31', 30, '2026-03-02', 'Jan 31 + 30 in a common year (Feb has 28 days)'],
    ['2028-01-31', 30, '2028-03-01', 'Jan 31 + 30 in a leap year (Feb has 29 days)'],
    ['2026-02-01', 30, '2026-03-03', 'through February, common year'],
    ['2028-02-01', 30, '2028-03-02', 'through February, leap year'],
    ['2025-12-15', 30, '2026-01-14', 'December into January'],
    ['2027-01-01', 30, '2027-02-01', 'a last day on Sunday 31 Jan rolls to Monday'],
  ])('%s + %d = %s (%s)', (start, n, due) => {
    expect(addCalendarDaysRolling(WEEKENDS_ONLY, start, n)).toBe(due);
  });

  it('rolls a last day that is a configured holiday to the next working day', () => {
    // 1 Apr + 30 = 1 May 2030, a holiday; 2–3 May too; Saturday 4 May is worked.
    expect(addDays('2030-04-01', 30)).toBe('2030-05-01');
    expect(addCalendarDaysRolling(TEST_CAL, '2030-04-01', 30)).toBe('2030-05-04');
    // With the shipped calendar: 2 Dec 2025 + 30 = 元旦 2026 (1–3 Jan off, Sunday 4 Jan worked).
    expect(addCalendarDaysRolling(CN_CALENDAR, '2025-12-02', 30)).toBe('2026-01-04');
    expect(addCalendarDaysRolling(WEEKENDS_ONLY, '2025-12-02', 30)).toBe('2026-01-01');
  });

  it('counts days between dates across years without time-zone drift', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
  });
});

describe('rule sets by date', () => {
  it('picks the set in force on the day the lead was found', () => {
    expect(ruleSetFor('2020-05-01').id).toBe('samr-2019');
    expect(ruleSetFor('2021-07-14').id).toBe('samr-2019');
    expect(ruleSetFor('2021-07-15').id).toBe('samr-2021');
    expect(ruleSetFor('2026-03-02').id).toBe('samr-2021');
    // Before every set: the oldest; unknown date: the newest.
    expect(ruleSetFor('2010-01-01').id).toBe('samr-2019');
    expect(ruleSetFor('').id).toBe('samr-2021');
  });

  it('keeps the legal source with every rule', () => {
    for (const set of DEADLINE_RULE_SETS) {
      for (const rule of set.rules) expect(rule.source).toMatch(/《.+》/);
    }
    const statement = ruleOf(ruleSetFor('2026-01-01'), 'statement');
    expect(statement).toMatchObject({ amount: 5, unit: 'workingDays', start: 'noticeDeliveredAt' });
  });

  it('applies an older set to an older case when the rules change', () => {
    const base = ruleSetFor('2026-01-01');
    const sets: DeadlineRuleSet[] = [
      {
        id: 'old',
        name: '旧规定',
        effectiveFrom: '2000-01-01',
        rules: base.rules.map((r) => (r.key === 'statement' ? { ...r, amount: 3 } : r)),
      },
      { id: 'new', name: '新规定', effectiveFrom: '2026-01-01', rules: base.rules },
    ];
    const facts = (discoveredAt: string): DeadlineFacts => ({
      stage: 'notified',
      data: caseData({ discoveredAt, notice: { deliveredAt: '2030-05-06' } }),
      filedAt: '2030-04-01',
      decidedAt: null,
    });
    // Delivered Mon 6 May 2030: 3 working days → Thu 9; 5 → Mon 13.
    expect(statementWindowEnd(facts('2025-12-31'), TEST_CAL, sets)).toBe('2030-05-09');
    expect(statementWindowEnd(facts('2026-01-01'), TEST_CAL, sets)).toBe('2030-05-13');
    const old = caseDeadlines(facts('2025-06-01'), {
      today: '2030-05-06',
      calendar: TEST_CAL,
      ruleSets: sets,
    });
    expect(old.find((d) => d.key === 'statement')).toMatchObject({
      ruleSetId: 'old',
      due: '2030-05-09',
    });
  });
});

function caseData(over: {
  discoveredAt?: string;
  notice?: Partial<CaseData['notice']>;
  measures?: Partial<Measure>[];
}): CaseData {
  const d = emptyCaseData();
  d.discoveredAt = over.discoveredAt ?? '';
  d.notice = { ...d.notice, ...over.notice };
  d.measures = (over.measures ?? []).map((m, i) => ({
    id: `0190a0b0-0000-7000-8000-00000000000${i}`,
    kind: 'seal',
    place: '',
    startDate: '',
    endDate: '',
    extendedTo: '',
    releasedAt: '',
    items: [],
    ...m,
  }));
  return d;
}

describe('the deadlines of a case', () => {
  /** Found Mon 2 Mar 2026, filed Tue 10 Mar, 告知书 delivered Mon 1 Jun, decided Wed 10 Jun. */
  const facts = (stage: CaseStage, measures: Partial<Measure>[] = []): DeadlineFacts => ({
    stage,
    data: caseData({ discoveredAt: '2026-03-02', notice: { deliveredAt: '2026-06-01' }, measures }),
    filedAt: stage === 'accepted' ? null : '2026-03-10',
    decidedAt: ['decided', 'executing', 'closed'].includes(stage) ? '2026-06-10' : null,
  });
  const dues = (stage: CaseStage, today = '2026-03-03') =>
    caseDeadlines(facts(stage), { today, calendar: CN_CALENDAR }).map((d) => [d.key, d.due]);

  it.each<[CaseStage, [string, string][]]>([
    // 15 working days from 2 Mar (no holiday in March 2026).
    ['accepted', [['filing', '2026-03-23']]],
    // 90 calendar days from 10 Mar: 8 Jun (a Monday).
    ['investigating', [['caseDecision', '2026-06-08']]],
    ['reviewing', [['caseDecision', '2026-06-08']]],
    // 5 working days from Mon 1 Jun: Mon 8 Jun; sorted by due.
    [
      'notified',
      [
        ['caseDecision', '2026-06-08'],
        ['statement', '2026-06-08'],
      ],
    ],
    // 7 calendar days from Wed 10 Jun: Wed 17 Jun.
    ['decided', [['delivery', '2026-06-17']]],
    ['executing', []],
    ['closed', []],
    ['notFiled', []],
    ['withdrawn', []],
    ['transferred', []],
  ])('in stage %s: %j', (stage, expected) => {
    expect(dues(stage)).toEqual(expected);
  });

  it('says ok, warning (within warnDays) and overdue', () => {
    // Filing is due 23 Mar with 3 days' warning.
    const at = (today: string) =>
      caseDeadlines(facts('accepted'), { today, calendar: CN_CALENDAR })[0];
    expect(at('2026-03-19')).toMatchObject({ daysLeft: 4, state: 'ok' });
    expect(at('2026-03-20')).toMatchObject({ daysLeft: 3, state: 'warning' });
    expect(at('2026-03-23')).toMatchObject({ daysLeft: 0, state: 'warning' });
    expect(at('2026-03-24')).toMatchObject({ daysLeft: -1, state: 'overdue' });
    expect(at('2026-03-24')).toMatchObject({
      key: 'filing',
      startedOn: '2026-03-02',
      ruleSetId: 'samr-2021',
      source: expect.stringContaining('第十八条'),
    });
  });

  it('runs a measure 30 days from its start, to its extension, and stops when released', () => {
    const list = caseDeadlines(
      facts('investigating', [
        // 2 Mar + 30 = 1 Apr (Wednesday).
        { startDate: '2026-03-02' },
        // 1 Apr + 30 = 1 May, 劳动节 (1–5 May off): rolls to Wed 6 May.
        { startDate: '2026-04-01' },
        // Extended with approval: the recorded end stands.
        { startDate: '2026-03-02', extendedTo: '2026-05-01' },
        { startDate: '2026-03-02', releasedAt: '2026-03-20' },
        { startDate: '' },
      ]),
      { today: '2026-03-30', calendar: CN_CALENDAR },
    );
    const measures = list.filter((d) => d.key === 'measure');
    expect(measures.map((d) => [d.measureId?.slice(-1), d.due, d.state])).toEqual([
      ['0', '2026-04-01', 'warning'],
      ['2', '2026-05-01', 'ok'],
      ['1', '2026-05-06', 'ok'],
    ]);
    expect(
      nearestDeadline(facts('investigating', [{ startDate: '2026-03-02' }]), {
        today: '2026-03-30',
        calendar: CN_CALENDAR,
      }),
    ).toMatchObject({ key: 'measure', due: '2026-04-01' });
    // Measures run in every open stage, and not after the case ends.
    expect(
      caseDeadlines(facts('executing', [{ startDate: '2026-03-02' }]), { today: '2026-03-03' }),
    ).toHaveLength(1);
    expect(
      caseDeadlines(facts('closed', [{ startDate: '2026-03-02' }]), { today: '2026-03-03' }),
    ).toEqual([]);
  });

  it('has no statement window before the 告知书 is delivered', () => {
    const f: DeadlineFacts = {
      stage: 'notified',
      data: caseData({ discoveredAt: '2026-03-02' }),
      filedAt: '2026-03-10',
      decidedAt: null,
    };
    expect(statementWindowEnd(f)).toBeNull();
    expect(caseDeadlines(f, { today: '2026-03-10' }).map((d) => d.key)).toEqual(['caseDecision']);
  });
});
