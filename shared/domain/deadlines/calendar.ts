/**
 * Working-day arithmetic over a configured calendar. Dates are ISO `YYYY-MM-DD` strings and
 * are handled as UTC days, so the result never depends on the laptop's time zone.
 *
 * A calendar is data: public holidays (法定节假日) and the weekend days that are worked instead
 * (调休上班). The State Council publishes them each year; an admin updates the table.
 */

export interface WorkCalendar {
  /** Non-working days that are not weekends. */
  holidays: readonly string[];
  /** Saturdays or Sundays that are working days. */
  workdays: readonly string[];
}

const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function isWorkingDay(cal: WorkCalendar, iso: string): boolean {
  if (cal.workdays.includes(iso)) return true;
  if (cal.holidays.includes(iso)) return false;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkingDayFrom(cal: WorkCalendar, iso: string): string {
  let d = iso;
  for (let i = 0; i < 366 && !isWorkingDay(cal, d); i++) d = addDays(d, 1);
  return d;
}

/**
 * The last day of a period of `n` working days that starts the day after `start` (the day of
 * the event itself is not counted).
 */
export function addWorkingDays(cal: WorkCalendar, start: string, n: number): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/**
 * The last day of a period of `n` calendar days counted from the day after `start`; when that
 * day is a holiday or weekend the period ends on the next working day instead
 * (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期).
 */
export function addCalendarDaysRolling(cal: WorkCalendar, start: string, n: number): string {
  return nextWorkingDayFrom(cal, addDays(start, n));
}
