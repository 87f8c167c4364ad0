/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows the wall clock when it can
 * and never goes backwards when it cannot. Devices stamp every mutation with one so people can
 * see what happened "when" across laptops with wrong clocks. The server records it and never
 * orders by it: order comes from the server's commit sequence (see protocol.ts).
 *
 * Text form: `<wall ms, 15 digits>:<counter, 5 digits>:<node id>`. Fixed widths make the text
 * sort like the value for the same node; use compareHlc for anything else.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const NODE = /^[0-9A-Za-z-]{1,64}$/;

export const HLC_PATTERN = /^\d{15}:\d{5}:[0-9A-Za-z-]{1,64}$/;

export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}:${String(h.counter).padStart(COUNTER_DIGITS, '0')}:${h.node}`;
}

export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new Error(`Not an HLC timestamp: ${text.slice(0, 100)}`);
  const [wall, counter, node] = text.split(':') as [string, string, string];
  return { wall: Number(wall), counter: Number(counter), node };
}

/** Total order: wall, then counter, then node id (only to break exact ties deterministically). */
export function compareHlc(a: Hlc | string, b: Hlc | string): number {
  const x = typeof a === 'string' ? parseHlc(a) : a;
  const y = typeof b === 'string' ? parseHlc(b) : b;
  if (x.wall !== y.wall) return x.wall < y.wall ? -1 : 1;
  if (x.counter !== y.counter) return x.counter < y.counter ? -1 : 1;
  return x.node < y.node ? -1 : x.node > y.node ? 1 : 0;
}

export class HybridClock {
  private last: Hlc;

  /**
   * @param node this device's id (no ':')
   * @param now the physical clock, injectable for tests
   * @param initial the last timestamp this device issued (persist it: a restart must not go back)
   */
  constructor(
    readonly node: string,
    private readonly now: () => number = () => Date.now(),
    initial?: Hlc | string,
  ) {
    if (!NODE.test(node)) throw new Error(`HLC node id must match ${NODE}: ${node}`);
    const start =
      initial === undefined ? null : typeof initial === 'string' ? parseHlc(initial) : initial;
    this.last = start
      ? { wall: start.wall, counter: start.counter, node }
      : { wall: 0, counter: 0, node };
  }

  /** Timestamp for a local event (a new mutation). */
  send(): string {
    const pt = this.physical();
    if (pt > this.last.wall) this.last = { wall: pt, counter: 0, node: this.node };
    else this.bump(this.last.wall, this.last.counter + 1);
    return formatHlc(this.last);
  }

  /** Merge a timestamp seen from elsewhere, so later local events sort after it. */
  receive(remote: Hlc | string): string {
    const r = typeof remote === 'string' ? parseHlc(remote) : remote;
    const pt = this.physical();
    const wall = Math.max(pt, this.last.wall, r.wall);
    let counter: number;
    if (wall === this.last.wall && wall === r.wall)
      counter = Math.max(this.last.counter, r.counter) + 1;
    else if (wall === this.last.wall) counter = this.last.counter + 1;
    else if (wall === r.wall) counter = r.counter + 1;
    else counter = 0;
    this.bump(wall, counter);
    return formatHlc(this.last);
  }

  current(): string {
    return formatHlc(this.last);
  }

  private physical(): number {
    const t = Math.floor(this.now());
    return Number.isFinite(t) && t > 0 ? t : 0;
  }

  /** A full counter moves the logical wall on by 1 ms rather than wrapping (which would go back). */
  private bump(wall: number, counter: number): void {
    this.last =
      counter > MAX_COUNTER
        ? { wall: wall + 1, counter: 0, node: this.node }
        : { wall, counter, node: this.node };
  }
}
