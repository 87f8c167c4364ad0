import fc from 'fast-check';
import { compareHlc, formatHlc, HLC_PATTERN, HybridClock, parseHlc } from '../../shared/sync/hlc';

const NODE_A = '01a22036-32c9-76f3-abcf-fde6768032d9';
const NODE_B = '01a22036-4fd0-74d8-a4c3-eb68283a6295';

describe('hybrid logical clock', () => {
  it('formats with fixed widths and parses back', () => {
    const text = formatHlc({ wall: 1_700_000_000_000, counter: 7, node: NODE_A });
    expect(text).toBe(`001700000000000:00007:${NODE_A}`);
    expect(HLC_PATTERN.test(text)).toBe(true);
    expect(parseHlc(text)).toEqual({ wall: 1_700_000_000_000, counter: 7, node: NODE_A });
    expect(() => parseHlc('12:3:x')).toThrow();
  });

  it('follows the wall clock when it moves forward', () => {
    let now = 1000;
    const c = new HybridClock(NODE_A, () => now);
    expect(parseHlc(c.send())).toMatchObject({ wall: 1000, counter: 0 });
    expect(parseHlc(c.send())).toMatchObject({ wall: 1000, counter: 1 });
    now = 2000;
    expect(parseHlc(c.send())).toMatchObject({ wall: 2000, counter: 0 });
  });

  it('stays monotonic when the wall clock goes backwards (by days)', () => {
    let now = 10 * 86_400_000;
    const c = new HybridClock(NODE_A, () => now);
    const a = c.send();
    now -= 3 * 86_400_000;
    const b = c.send();
    const d = c.send();
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(b, d)).toBeLessThan(0);
    expect(parseHlc(d).wall).toBe(parseHlc(a).wall);
  });

  it('receive moves past a remote clock that is days ahead, and local events follow it', () => {
    const local = new HybridClock(NODE_A, () => 1_000_000);
    const remote = new HybridClock(NODE_B, () => 1_000_000 + 5 * 86_400_000);
    const r = remote.send();
    const merged = local.receive(r);
    expect(compareHlc(r, merged)).toBeLessThan(0);
    expect(compareHlc(merged, local.send())).toBeLessThan(0);
  });

  it('resumes after a restart from the persisted last value', () => {
    const c1 = new HybridClock(NODE_A, () => 5000);
    c1.send();
    const last = c1.send();
    const c2 = new HybridClock(NODE_A, () => 10, last);
    expect(compareHlc(last, c2.send())).toBeLessThan(0);
  });

  it('breaks exact ties by node id', () => {
    const a = formatHlc({ wall: 5, counter: 1, node: NODE_A });
    const b = formatHlc({ wall: 5, counter: 1, node: NODE_B });
    expect(compareHlc(a, b)).toBeLessThan(0);
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(compareHlc(a, a)).toBe(0);
  });

  it('never goes backwards under any mix of clock jumps, sends and receives', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('send' as const),
        jump: fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }),
      }),
      fc.record({
        kind: fc.constant('receive' as const),
        jump: fc.integer({ min: -86_400_000, max: 86_400_000 }),
        remoteWall: fc.integer({ min: 0, max: 20 * 86_400_000 }),
        remoteCounter: fc.integer({ min: 0, max: 99_999 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let now = 10 * 86_400_000;
        const c = new HybridClock(NODE_A, () => now);
        let prev = c.current();
        for (const s of steps) {
          now = Math.max(0, now + s.jump);
          let next: string;
          if (s.kind === 'send') next = c.send();
          else {
            const remote = formatHlc({
              wall: s.remoteWall,
              counter: s.remoteCounter,
              node: NODE_B,
            });
            next = c.receive(remote);
            if (compareHlc(remote, next) >= 0) return false;
          }
          if (compareHlc(prev, next) >= 0) return false;
          prev = next;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
