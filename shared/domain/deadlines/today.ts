/**
 * The calendar day an act happens on, in China Standard Time (UTC+8, no daylight saving):
 * legal periods count Beijing days wherever the laptop's time zone is set.
 */
const CST_OFFSET_MS = 8 * 3_600_000;

export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
