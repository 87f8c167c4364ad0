/**
 * server/sync/deviceTurns.ts: a device's pipelined batches run in seq order whatever order
 * they reach the server in; other devices do not wait; nothing waits for a predecessor that
 * cannot come (not pipelined, after a failure, past the longest wait).
 */
import { performance } from 'node:perf_hooks';
import { DeviceTurns, type Turn } from '../../server/sync/deviceTurns';

/** A batch that records when it ran and ends when released. */
function batch(log: string[], name: string, lastSeq: number) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  const fn = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return { lastSeq };
  };
  return { fn, release };
}

const turn = (first: number, lastAtAuth = 0, pipelined = true): Turn => ({
  first,
  lastAtAuth,
  pipelined,
  arrivedAt: performance.now(),
});

const tick = () => new Promise((r) => setImmediate(r));

describe('DeviceTurns', () => {
  it('runs a pipelined batch that reached its turn first only after its predecessor', async () => {
    const turns = new DeviceTurns(60_000);
    const log: string[] = [];
    const a = batch(log, 'A', 500);
    const b = batch(log, 'B', 1000);
    const pB = turns.run('dev', turn(501), b.fn);
    await tick();
    expect(log).toEqual([]);
    const pA = turns.run('dev', turn(1, 0, false), a.fn);
    await tick();
    expect(log).toEqual(['start A']);
    a.release();
    await pA;
    await tick();
    expect(log).toEqual(['start A', 'end A', 'start B']);
    b.release();
    await expect(pB).resolves.toEqual({ lastSeq: 1000 });
  });

  it('remembers a finished batch for a while: a successor authenticated before it does not wait', async () => {
    const turns = new DeviceTurns(100);
    await turns.run('dev', turn(1, 0, false), async () => ({ lastSeq: 500 }));
    // Authenticated while 1..500 was still being written: it saw last seq 0.
    const t0 = performance.now();
    await turns.run('dev', turn(501, 0), async () => ({ lastSeq: 1000 }));
    expect(performance.now() - t0).toBeLessThan(50);
    expect(turns.active).toBe(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(turns.active).toBe(0);
  });

  it('never runs two batches of one device at once, and other devices do not wait', async () => {
    const turns = new DeviceTurns(60_000);
    const log: string[] = [];
    const a1 = batch(log, 'a1', 10);
    const a2 = batch(log, 'a2', 20);
    const b1 = batch(log, 'b1', 5);
    const p1 = turns.run('a', turn(1, 0, false), a1.fn);
    const p2 = turns.run('a', turn(11), a2.fn);
    const p3 = turns.run('b', turn(1, 0, false), b1.fn);
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    b1.release();
    await p3;
    expect(log).not.toContain('start a2');
    a1.release();
    await p1;
    await tick();
    expect(log).toContain('start a2');
    a2.release();
    await p2;
  });

  it('a failed batch lets the ones sent before the failure go at once', async () => {
    const turns = new DeviceTurns(60_000);
    const log: string[] = [];
    const sentEarly = turn(1001);
    const pA = turns.run('dev', turn(1, 0, false), async () => {
      log.push('A');
      throw new Error('database went away');
    });
    const pB = turns.run('dev', turn(501), async () => {
      log.push('B');
      return { lastSeq: 1000 };
    });
    await expect(pA).rejects.toThrow('database went away');
    await expect(pB).resolves.toEqual({ lastSeq: 1000 });
    // Authenticated before the failure, reaching its turn after it: no wait either.
    const t0 = performance.now();
    await turns.run('dev', sentEarly, async () => ({ lastSeq: 1500 }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(log).toEqual(['A', 'B']);
  });

  it('a request refused before its turn releases the batch waiting behind it', async () => {
    const turns = new DeviceTurns(60_000);
    const pB = turns.run('dev', turn(501), async () => ({ lastSeq: 1000 }));
    await tick();
    turns.failed('dev');
    await expect(pB).resolves.toEqual({ lastSeq: 1000 });
  });

  it('a batch sent after the failure waits for its predecessor again', async () => {
    const turns = new DeviceTurns(60_000);
    turns.failed('dev');
    await new Promise((r) => setTimeout(r, 5));
    const log: string[] = [];
    const pB = turns.run('dev', turn(501), async () => {
      log.push('B');
      return { lastSeq: 1000 };
    });
    await tick();
    expect(log).toEqual([]);
    await turns.run('dev', turn(1, 0, false), async () => {
      log.push('A');
      return { lastSeq: 500 };
    });
    await pB;
    expect(log).toEqual(['A', 'B']);
  });

  it('a pipelined batch whose predecessor never comes waits only so long', async () => {
    const turns = new DeviceTurns(30);
    const t0 = performance.now();
    await expect(turns.run('dev', turn(501), async () => ({ lastSeq: 1000 }))).resolves.toEqual({
      lastSeq: 1000,
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('a gap that is not pipelined goes at once (the database refuses it)', async () => {
    const turns = new DeviceTurns(60_000);
    const t0 = performance.now();
    await turns.run('dev', turn(5, 1, false), async () => ({ lastSeq: 1 }));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('replays and the next seq go at once', async () => {
    const turns = new DeviceTurns(60_000);
    await expect(turns.run('dev', turn(1, 500), async () => ({ lastSeq: 500 }))).resolves.toEqual({
      lastSeq: 500,
    });
    await expect(
      turns.run('dev', turn(501, 500), async () => ({ lastSeq: 1000 })),
    ).resolves.toEqual({ lastSeq: 1000 });
  });
});
