/**
 * A discrete-event clock for limiter and runner tests: sleeps resolve in time order when the test
 * advances the clock, so minutes of rate-limited sending run in milliseconds and times are exact.
 */
import type { Clock } from '../../src/digest/rateLimiter';

export class VirtualClock implements Clock {
  private t: number;
  private sleepers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;

  constructor(start = 0) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
    });
  }

  /** Lets pending promise callbacks run (they may schedule new sleeps). */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }

  /** Runs until `done` settles, jumping the clock to each next sleeper. */
  async runUntil<T>(done: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let finished = false;
    const result = done.finally(() => {
      finished = true;
    });
    await this.settle();
    while (!finished) {
      if (this.sleepers.length === 0) {
        await this.settle();
        if (!finished && this.sleepers.length === 0) throw new Error('VirtualClock: nothing scheduled and not finished');
        continue;
      }
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.sleepers.shift()!;
      if (next.at > limitMs) throw new Error('VirtualClock: past the time limit');
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await this.settle();
    }
    return result;
  }
}
