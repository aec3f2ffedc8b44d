import { RateLimiter, TEAMS_LIMITS, type Window } from '../../src/digest/rateLimiter';
import { VirtualClock } from './virtualClock';

/** True when no `count + 1` consecutive sends fit inside one window. */
function respects(times: number[], w: Window): boolean {
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = w.count; i < sorted.length; i++) if (sorted[i] - sorted[i - w.count] < w.windowMs) return false;
  return true;
}

async function sendAll(clock: VirtualClock, limiter: RateLimiter, targets: Array<[string, string]>): Promise<number[]> {
  const times: number[] = [];
  await clock.runUntil(
    Promise.all(targets.map(async ([tenant, conv]) => {
      await limiter.acquire(tenant, conv);
      times.push(clock.now());
    })),
  );
  return times;
}

describe('RateLimiter', () => {
  test('one conversation: 7 at once, the 8th after 1 s, the 9th after 2 s (7/1 s and 8/2 s)', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 9 }, () => ['t', 'c'] as [string, string]));
    expect(times.sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 0, 0, 1015, 2015]);
  });

  test('one conversation, 61 sends: every conversation window holds and the 61st waits 30 s', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 61 }, () => ['t', 'c'] as [string, string]));
    for (const w of TEAMS_LIMITS.perConversation) expect(respects(times, w)).toBe(true);
    expect(Math.max(...times)).toBe(30_015);
  });

  test('one tenant, 120 conversations: 50 per second, no more', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 120 }, (_, i) => ['t', `c${i}`] as [string, string]));
    expect(respects(times, { count: 50, windowMs: 1000 })).toBe(true);
    expect(times.filter((t) => t === 0)).toHaveLength(50);
    expect(times.filter((t) => t === 1015)).toHaveLength(50);
    expect(times.filter((t) => t === 2030)).toHaveLength(20);
  });

  test('two tenants do not share the 50/s budget', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const targets = Array.from({ length: 100 }, (_, i) => [i % 2 ? 'a' : 'b', `c${i}`] as [string, string]);
    const times = await sendAll(clock, limiter, targets);
    expect(times.every((t) => t === 0)).toBe(true);
  });

  test('a 429 pause holds the conversation and its tenant until Retry-After, not other tenants', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    limiter.pause('t', 'c', 3000);
    const at: Record<string, number> = {};
    await clock.runUntil(
      Promise.all([
        limiter.acquire('t', 'c').then(() => (at.same = clock.now())),
        limiter.acquire('t', 'other').then(() => (at.sameTenant = clock.now())),
        limiter.acquire('u', 'c').then(() => (at.otherTenant = clock.now())),
      ]),
    );
    expect(at).toEqual({ same: 3000, sameTenant: 3000, otherTenant: 0 });
  });
});
