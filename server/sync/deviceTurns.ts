/**
 * One device's pushes are applied in seq order, even when they reach the handler out of order.
 * A device sends its next batch before the answer to the previous one comes back (PUSH_WINDOW in
 * shared/sync/protocol.ts: the server validates one batch while the database writes the one
 * before, and a slow link's round trip is not paid per batch) and marks it `pipelined`. Two
 * requests on two connections can finish arriving in either order, and a batch applied before
 * its predecessor would be refused as a gap. So a pipelined batch whose first seq is beyond the
 * device's last seq + 1 waits here for its predecessor; a batch that is not pipelined has none
 * coming and goes at once (the database refuses a gap, push.ts).
 *
 * The last seq known here: the value read when the request was authenticated, raised by every
 * push that finishes here. A batch sent before one of the device's requests failed here (its
 * predecessor may be the one that failed) goes at once. No wait is longer than `maxWaitMs`
 * (2 s): the predecessor left the device first and is normally here within milliseconds; a
 * longer wait would only hold back the refusal of a batch whose predecessor will not come (it
 * failed where this process cannot see it, e.g. before authentication, or went to another server
 * process), and the device waits for that answer. Waiting is only an optimisation: the order itself is enforced by the database (device row
 * lock, gap refusal), never by this file, so it also holds across server processes.
 */

interface Waiter {
  first: number;
  pipelined: boolean;
  arrivedAt: number;
  expired: boolean;
  go: () => void;
}

interface DeviceState {
  last: number;
  running: boolean;
  waiting: Waiter[];
  /** When a request of the device last failed here (performance.now()); -1 if none. */
  failedAt: number;
  /** When its last batch here finished (performance.now()). */
  idleSince: number;
  /** A timer will drop this state once the device has been idle for maxWaitMs. */
  forgetting: boolean;
}

export interface Turn {
  /** The batch's first seq. */
  first: number;
  /** The device's last seq when the request was authenticated. */
  lastAtAuth: number;
  /** Sent while the device's previous batch was unanswered. */
  pipelined: boolean;
  /** When the request was authenticated (performance.now()). */
  arrivedAt: number;
}

export class DeviceTurns {
  private readonly devices = new Map<string, DeviceState>();

  constructor(private readonly maxWaitMs = 2_000) {}

  /** Runs `fn` (the batch) when it is this device's turn; `fn` resolves with the new last seq. */
  async run<T extends { lastSeq: number }>(
    deviceId: string,
    turn: Turn,
    fn: () => Promise<T>,
  ): Promise<T> {
    const st = this.state(deviceId, turn.lastAtAuth);
    await this.turn(st, turn);
    try {
      const res = await fn();
      st.last = Math.max(st.last, res.lastSeq);
      return res;
    } catch (err) {
      this.markFailed(st);
      throw err;
    } finally {
      st.running = false;
      this.next(deviceId, st);
    }
  }

  /**
   * A push request of the device failed outside `run` (refused before its turn). The batches
   * sent before now stop waiting: their predecessor may be this one.
   */
  failed(deviceId: string): void {
    const st = this.state(deviceId, 0);
    this.markFailed(st);
    this.next(deviceId, st);
  }

  /** Devices with a push running or waiting here, or one that finished less than maxWaitMs ago. */
  get active(): number {
    return this.devices.size;
  }

  private markFailed(st: DeviceState): void {
    st.failedAt = performance.now();
  }

  private state(deviceId: string, lastAtAuth: number): DeviceState {
    let st = this.devices.get(deviceId);
    if (!st) {
      st = {
        last: lastAtAuth,
        running: false,
        waiting: [],
        failedAt: -1,
        idleSince: 0,
        forgetting: false,
      };
      this.devices.set(deviceId, st);
    } else st.last = Math.max(st.last, lastAtAuth);
    return st;
  }

  /** May this batch go now (nothing else of the device running)? */
  private mayGo(st: DeviceState, w: Omit<Waiter, 'go'>): boolean {
    return w.expired || !w.pipelined || w.first <= st.last + 1 || w.arrivedAt <= st.failedAt;
  }

  private turn(st: DeviceState, t: Turn): Promise<void> {
    const w0 = { first: t.first, pipelined: t.pipelined, arrivedAt: t.arrivedAt, expired: false };
    if (!st.running && st.waiting.length === 0 && this.mayGo(st, w0)) {
      st.running = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        w.expired = true;
        this.pump(st);
      }, this.maxWaitMs);
      timer.unref();
      const w: Waiter = {
        ...w0,
        go: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      st.waiting.push(w);
      this.pump(st);
    });
  }

  /** Starts the waiting batch with the lowest seq if it may go (or one whose wait is over). */
  private pump(st: DeviceState): void {
    if (st.running || st.waiting.length === 0) return;
    let best = st.waiting[0] as Waiter;
    for (const w of st.waiting) if (w.first < best.first) best = w;
    const pick = this.mayGo(st, best) ? best : st.waiting.find((x) => this.mayGo(st, x));
    if (!pick) return;
    st.waiting.splice(st.waiting.indexOf(pick), 1);
    st.running = true;
    pick.go();
  }

  private next(deviceId: string, st: DeviceState): void {
    this.pump(st);
    // What this device's last seq is, and whether its last request failed, is kept a while after
    // its last batch: a batch sent before that one finished may still arrive, authenticated when
    // the last seq was lower than it is now.
    st.idleSince = performance.now();
    if (st.forgetting) return;
    st.forgetting = true;
    const forget = () => {
      if (this.devices.get(deviceId) !== st) return;
      const left = st.idleSince + this.maxWaitMs - performance.now();
      if (st.running || st.waiting.length > 0 || left > 0) {
        setTimeout(forget, Math.max(left, 1)).unref();
        return;
      }
      this.devices.delete(deviceId);
    };
    setTimeout(forget, this.maxWaitMs).unref();
  }
}
