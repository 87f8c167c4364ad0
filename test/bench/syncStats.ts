/** Small numeric helpers and the result table of the sync benchmark. */

export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

export interface BenchRow {
  scenario: string;
  system: string;
  records: number;
  seconds: number;
  /** Batch latency percentiles in ms, when the scenario measures them. */
  p50?: number;
  p99?: number;
  note?: string;
}

export const rate = (r: BenchRow): number => r.records / r.seconds;

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function printTable(rows: readonly BenchRow[]): void {
  const head = ['scenario', 'system', 'records', 'seconds', 'records/s', 'p50 ms', 'p99 ms'];
  const body = rows.map((r) => [
    r.scenario,
    r.system,
    fmtInt(r.records),
    r.seconds.toFixed(2),
    fmtInt(rate(r)),
    r.p50 === undefined ? '' : r.p50.toFixed(1),
    r.p99 === undefined ? '' : r.p99.toFixed(1),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => (b[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  const notes = rows.filter((r) => r.note);
  for (const r of notes) console.log(`  * ${r.scenario} / ${r.system}: ${r.note}`);
}
