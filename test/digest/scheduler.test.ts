/** The in-process scheduler: runs on start and on its cron ticks, never two runs at once, stops. */
import { startDigestScheduler } from '../../src/digest/scheduler';
import { createWorld, type World } from './digestWorld';

describe('startDigestScheduler', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld({ now: new Date('2026-01-12T09:05:00Z') });
    await w.addConversation('19:a@thread.tacv2');
    await w.subscribe('19:a@thread.tacv2');
  });
  afterAll(() => w.stop());

  test('runs at start and every tick without overlapping itself; one digest; nothing after stop()', async () => {
    const runner = w.runner();
    const real = runner.runDueDigests.bind(runner);
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    // Each run takes 1.5 s: longer than the 1 s ticks, so overlapping would show.
    runner.runDueDigests = async (now) => {
      runs++;
      maxActive = Math.max(maxActive, ++active);
      try {
        await new Promise((r) => setTimeout(r, 1500));
        return await real(now);
      } finally {
        active--;
      }
    };
    const scheduler = startDigestScheduler({ services: w.services, runner, cron: '* * * * * *' });
    await new Promise((r) => setTimeout(r, 4200));
    await scheduler.stop();
    // stop() resolves only once the run in progress has finished.
    expect(active).toBe(0);
    const runsAtStop = runs;
    expect(runsAtStop).toBeGreaterThanOrEqual(2);
    expect(maxActive).toBe(1);
    await new Promise((r) => setTimeout(r, 2000));
    expect(runs).toBe(runsAtStop);
    expect(w.countBy('digest').get('19:a@thread.tacv2')).toBe(1);
    expect(await scheduler.tick()).toBeNull();
  });
});
