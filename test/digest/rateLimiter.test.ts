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
  test('one conversation: 7 in the first second (paced 5 per 100 ms), the 8th after 1 s, the 9th after 2 s (7/1 s, 8/2 s)', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 9 }, () => ['t', 'c'] as [string, string]));
    expect(times.sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 100, 100, 1040, 2040]);
    expect(respects(times, { count: 7, windowMs: 1000 })).toBe(true);
    expect(respects(times, { count: 8, windowMs: 2000 })).toBe(true);
  });

  test('one conversation, 61 sends: every conversation window holds and the 61st waits 30 s', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 61 }, () => ['t', 'c'] as [string, string]));
    for (const w of TEAMS_LIMITS.perConversation) expect(respects(times, w)).toBe(true);
    expect(Math.max(...times)).toBe(30_040);
  });

  test('one tenant, 120 conversations: never more than 50 in a second, released in even steps, done in about 2 s', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const times = await sendAll(clock, limiter, Array.from({ length: 120 }, (_, i) => ['t', `c${i}`] as [string, string]));
    expect(respects(times, { count: 50, windowMs: 1000 })).toBe(true);
    expect(respects(times, { count: 5, windowMs: 100 })).toBe(true);
    expect(times.filter((t) => t === 0)).toHaveLength(5);
    expect(times.filter((t) => t < 1000)).toHaveLength(50);
    expect(Math.max(...times)).toBeLessThan(2600);
  });

  test('two tenants do not share the 50/s budget', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    const targets = Array.from({ length: 100 }, (_, i) => [i % 2 ? 'a' : 'b', `c${i}`] as [string, string]);
    const times = await sendAll(clock, limiter, targets);
    // Each tenant releases 5 at once: 10 at time 0, and all 100 within the first second.
    expect(times.filter((t) => t === 0)).toHaveLength(10);
    expect(times.every((t) => t < 1000)).toBe(true);
  });

  test('one 429 pauses that conversation only; 429s from three conversations pause the tenant, not other tenants', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(TEAMS_LIMITS, clock);
    limiter.pause('t', 'c', 3000);
    const at: Record<string, number> = {};
    await clock.runUntil(
      Promise.all([
        limiter.acquire('t', 'c').then(() => (at.same = clock.now())),
        limiter.acquire('t', 'other').then(() => (at.sameTenant = clock.now())),
      ]),
    );
    expect(at).toEqual({ same: 3000, sameTenant: 0 });

    limiter.pause('t', 'c1', 2000);
    limiter.pause('t', 'c2', 2000);
    limiter.pause('t', 'c3', 2000);
    const start = clock.now();
    await clock.runUntil(
      Promise.all([
        limiter.acquire('t', 'fresh').then(() => (at.tenantPaused = clock.now() - start)),
        limiter.acquire('u', 'c1').then(() => (at.otherTenant = clock.now() - start)),
      ]),
    );
    expect(at.tenantPaused).toBe(2000);
    expect(at.otherTenant).toBe(0);
  });
});
