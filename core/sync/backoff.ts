/**
 * Retry delay after failed rounds: 2 s, 4 s, 8 s … up to 5 min, with jitter so a hundred laptops
 * coming back online at once do not knock together.
 */
export const MAX_BACKOFF_MS = 5 * 60_000;
/**
 * While the endpoint is simply unreachable (a laptop in the field), a retry is one cheap
 * /health probe, so it keeps trying every half minute: the app syncs soon after the network
 * comes back instead of up to five minutes later.
 */
export const MAX_UNREACHABLE_BACKOFF_MS = 30_000;

export function backoffMs(
  failures: number,
  random: () => number = Math.random,
  capMs: number = MAX_BACKOFF_MS,
): number {
  const base = Math.min(capMs, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() / 2));
}
