/**
 * Token bucket per key (device id, or client address for the public routes), in memory: one
 * server process. Refused requests are answered 429 with Retry-After before any work is done.
 */
import type { RateConfig } from '../config';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly cfg: RateConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const perMs = this.cfg.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.cfg.burst, at: t };
    b.tokens = Math.min(this.cfg.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(key, b);
      if (this.buckets.size > 50_000) this.prune(t, perMs);
      return 0;
    }
    this.buckets.set(key, b);
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  /** A bucket that has refilled is the same as no bucket: forget it so memory stays bounded. */
  private prune(t: number, perMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.at) * perMs >= this.cfg.burst) this.buckets.delete(key);
    }
  }
}
