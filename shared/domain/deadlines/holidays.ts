/**
 * The national holiday calendar (国务院办公厅 holiday notices) as data. Update it each year when
 * the notice is published; deadlines computed for dates beyond the last configured year treat
 * only weekends as non-working days.
 */
import type { WorkCalendar } from './calendar';

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = Date.parse(`${from}T00:00:00Z`);
    d <= Date.parse(`${to}T00:00:00Z`);
    d += 86_400_000
  ) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}

export const CN_CALENDAR: WorkCalendar = {
  holidays: [
    // 2025
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'), // 春节
    ...range('2025-04-04', '2025-04-06'), // 清明节
    ...range('2025-05-01', '2025-05-05'), // 劳动节
    ...range('2025-05-31', '2025-06-02'), // 端午节
    ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    // 2026
    ...range('2026-01-01', '2026-01-03'), // 元旦
    ...range('2026-02-15', '2026-02-23'), // 春节
    ...range('2026-04-04', '2026-04-06'), // 清明节
    ...range('2026-05-01', '2026-05-05'), // 劳动节
    ...range('2026-06-19', '2026-06-21'), // 端午节
    ...range('2026-09-25', '2026-09-27'), // 中秋节
    ...range('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};
