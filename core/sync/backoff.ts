/**
 * Retry delay after failed rounds: 2 s, 4 s, 8 s … up to 5 min, with jitter so a hundred laptops
 * coming back online at once do not knock together.
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() / 2));
}
