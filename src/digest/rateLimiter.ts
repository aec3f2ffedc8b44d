/**
 * Teams' send limits (GUIDE §2), enforced before a request leaves the process:
 *   per bot per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour;
 *   per app per tenant: 50 requests per second.
 * Both are sliding windows, not token buckets: a bucket that starts full lets 50 out at once and then
 * 50 more in the same second, which the service counts as 100 in one second. A small guard widens every
 * window so that network jitter (a request sent at t+1000 ms arriving before one sent at t) does not
 * push the connector's own count over.
 *
 * After a 429 the conversation is paused until Retry-After has passed, and the tenant too when 429s
 * come from several of its conversations (see pause).
 *
 * The clock and sleep are injected so tests can run the limiter on a virtual clock.
 */

export interface Window {
  count: number;
  windowMs: number;
  /** Widens this window (ms); default RateLimits.guardMs. */
  guardMs?: number;
}

export interface RateLimits {
  perConversation: Window[];
  perTenant: Window[];
  /** Added to every window (ms) to absorb network jitter. */
  guardMs: number;
}

export const TEAMS_LIMITS: RateLimits = {
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 8, windowMs: 2000 },
    { count: 60, windowMs: 30_000 },
    { count: 1800, windowMs: 3_600_000 },
  ],
  perTenant: [
    { count: 50, windowMs: 1000 },
    // Not a Teams limit: pacing. Fifty requests released at the same instant reach the service spread
    // over tens of milliseconds, and the next fifty, released one second later, would then meet the
    // tail of the first in the service's one-second window. Releasing at most 5 per 100 ms
    // keeps arrivals even; the overall rate stays bound by the 50/s window.
    { count: 5, windowMs: 100, guardMs: 0 },
  ],
  guardMs: 40,
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** 429s from this many different conversations of a tenant within the window pause the whole tenant. */
const TENANT_429_CONVERSATIONS = 3;
const TENANT_429_WINDOW_MS = 5000;

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Send times (ms) of one key, oldest first; only as many as the largest window needs. */
class History {
  private stamps: number[] = [];
  private head = 0;
  pausedUntil = 0;

  constructor(private readonly windows: Window[], private readonly guardMs: number) {}

  /** How long until one more send fits every window (0 = now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = Math.max(0, this.pausedUntil - now);
    const size = this.stamps.length - this.head;
    for (const w of this.windows) {
      if (size < w.count) continue;
      // The send that must leave the window before another may go: the count-th newest.
      const blocking = this.stamps[this.stamps.length - w.count];
      wait = Math.max(wait, blocking + w.windowMs + (w.guardMs ?? this.guardMs) - now);
    }
    return wait;
  }

  record(now: number): void {
    this.stamps.push(now);
  }

  /** True when nothing inside any window and no pause: the key can be forgotten. */
  idle(now: number): boolean {
    this.prune(now);
    return this.stamps.length === this.head && this.pausedUntil <= now;
  }

  private prune(now: number): void {
    const longest = Math.max(...this.windows.map((w) => w.windowMs + (w.guardMs ?? this.guardMs)));
    while (this.head < this.stamps.length && this.stamps[this.head] <= now - longest) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
  }
}

export class RateLimiter {
  private readonly conversations = new Map<string, History>();
  private readonly tenants = new Map<string, History>();
  private acquisitions = 0;
  private readonly recent429 = new Map<string, Array<{ at: number; conversationId: string }>>();

  constructor(
    private readonly limits: RateLimits = TEAMS_LIMITS,
    private readonly clock: Clock = realClock,
  ) {}

  /**
   * Waits until a send to this conversation fits every limit, then counts it. Checking and counting
   * happen in one synchronous step, so concurrent callers in this process can never overshoot.
   */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const conv = this.history(this.conversations, `${tenantId}\u0000${conversationId}`, this.limits.perConversation);
      const tenant = this.history(this.tenants, tenantId, this.limits.perTenant);
      const wait = Math.max(conv.waitMs(now), tenant.waitMs(now));
      if (wait <= 0) {
        conv.record(now);
        tenant.record(now);
        if (++this.acquisitions % 5000 === 0) this.forgetIdle(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  /**
   * A 429 arrived: nothing more to this conversation until Retry-After has passed. Teams does not say
   * which limit was hit; one 429 is most likely that conversation's own, but several from different
   * conversations of a tenant within a few seconds mean the tenant's budget: then the whole tenant waits.
   */
  pause(tenantId: string, conversationId: string, ms: number): void {
    const now = this.clock.now();
    const until = now + Math.max(0, ms);
    const conv = this.history(this.conversations, `${tenantId}\u0000${conversationId}`, this.limits.perConversation);
    conv.pausedUntil = Math.max(conv.pausedUntil, until);
    const recent = (this.recent429.get(tenantId) ?? []).filter((r) => r.at > now - TENANT_429_WINDOW_MS && r.conversationId !== conversationId);
    recent.push({ at: now, conversationId });
    this.recent429.set(tenantId, recent);
    if (new Set(recent.map((r) => r.conversationId)).size >= TENANT_429_CONVERSATIONS) {
      const tenant = this.history(this.tenants, tenantId, this.limits.perTenant);
      tenant.pausedUntil = Math.max(tenant.pausedUntil, until);
    }
  }

  private history(map: Map<string, History>, key: string, windows: Window[]): History {
    let h = map.get(key);
    if (!h) {
      h = new History(windows, this.limits.guardMs);
      map.set(key, h);
    }
    return h;
  }

  private forgetIdle(now: number): void {
    for (const [key, h] of this.conversations) if (h.idle(now)) this.conversations.delete(key);
  }
}
