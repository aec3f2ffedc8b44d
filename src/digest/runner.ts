/**
 * One pass of the digest: find what is due, claim each (conversation, period) in the store before
 * sending, send through Teams' rate limits, and record the outcome.
 *
 * Exactly once. A delivery is claimed (a row with a lease) before anything is sent, so two replicas or
 * two overlapping runs never both send it; "sent" is written the moment Teams acknowledges, before
 * anything else happens. What remains is one window no claim can close: the process dies after Teams
 * accepted the message and before the "sent" write commits (microseconds of a synchronous SQLite
 * write, or one round trip to PostgreSQL). That delivery's lease then expires and it is resent once
 * on restart. Everything else — a crash before the send, a 429, a 5xx, a timeout — leaves the row
 * unsent and it is resumed.
 *
 * One card per tenant per run: every conversation of a tenant gets the same numbers, and the score
 * data is fetched once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log';
import type { Delivery, DeliveryKind, Store, Subscription } from '../storage/store';
import type { DigestComposer } from './composer';
import { classifySendError, type MessageSender, NotSentError, type OutgoingMessage, SendError } from './messageSender';
import { mapPool } from './pool';
import { type Clock, RateLimiter, realClock } from './rateLimiter';
import { currentPeriod, dueSlot } from './schedule';

export interface RunnerOptions {
  /** Sends in flight per tenant: enough to keep 50/s going against a connector that takes a while. */
  concurrency: number;
  /** Tenants worked on at the same time (each has its own 50/s budget). */
  tenantConcurrency: number;
  /** How long a claim is ours. Short, so a crashed process's deliveries are resumed soon. */
  leaseMs: number;
  /** A send is not started with less lease than this left (it could outlive the claim); above the sender's 25 s timeout. */
  leaseSafetyMs: number;
  /** Attempts within one run for 429 and 412/5xx before leaving it to a later run. */
  maxInlineAttempts: number;
  /** A Retry-After longer than this is not waited out in the run: the delivery is retried later. */
  maxInlineWaitMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** First retry of a delivery left for a later run; doubles with each attempt up to an hour. */
  laterRetryMs: number;
  /** 404: retry after this long; give up only after failures spanning notFoundGraceMs. */
  notFoundRetryMs: number;
  notFoundGraceMs: number;
  /** An alert not delivered within this long after the drop was found is no longer worth sending. */
  alertMaxAgeMs: number;
  pageSize: number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = {
  concurrency: 64,
  tenantConcurrency: 4,
  leaseMs: 2 * 60_000,
  leaseSafetyMs: 30_000,
  maxInlineAttempts: 4,
  maxInlineWaitMs: 60_000,
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  laterRetryMs: 60_000,
  notFoundRetryMs: 60 * 60_000,
  notFoundGraceMs: 24 * 60 * 60_000,
  alertMaxAgeMs: 3 * 24 * 60 * 60_000,
  pageSize: 500,
};

export interface RunnerDeps {
  store: Store;
  sender: MessageSender;
  composer: DigestComposer;
  log: Logger;
  limiter?: RateLimiter;
  /** For waits (backoff, Retry-After) and for measuring time within a run. */
  clock?: Clock;
  options?: Partial<RunnerOptions>;
  /** Jitter source, 0 ≤ x < 1. */
  random?: () => number;
  /** Identifies this process's claims; default host:pid:random. */
  owner?: string;
}

export type Outcome = 'sent' | 'retryLater' | 'dropped' | 'skipped';

export interface RunReport {
  tenants: number;
  /** Deliveries this run tried to claim (due digests, alerts, resumed ones). */
  due: number;
  sent: number;
  retryLater: number;
  dropped: number;
  /** Already sent, held by another process, or waiting for its retry time. */
  skipped: number;
  digestsSent: number;
  alertsSent: number;
  /** Tenants whose card could not be built this run (nothing was claimed for them). */
  tenantErrors: number;
}

interface Job {
  tenantId: string;
  conversationId: string;
  kind: DeliveryKind;
  period: string;
  /** A resumed delivery: already known to be claimable. */
  resumed?: Delivery;
  /** Alerts: the subscriber's digest period now, and the start of the drop's day (ms). */
  digestPeriod?: string;
  dropDayStart?: number;
}

export class DigestRunner {
  readonly owner: string;
  private readonly opts: RunnerOptions;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly random: () => number;
  /** (tenant|conversation|kind|period) known sent or dropped: not asked about again by this process. */
  private readonly settled = new Set<string>();

  constructor(private readonly deps: RunnerDeps) {
    this.opts = { ...DEFAULT_RUNNER_OPTIONS, ...(deps.options ?? {}) };
    this.clock = deps.clock ?? realClock;
    this.limiter = deps.limiter ?? new RateLimiter(undefined, this.clock);
    this.random = deps.random ?? Math.random;
    this.owner = deps.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  }

  /** Sends every digest and alert due at `now`, resuming unsent ones first. */
  async runDueDigests(now: Date): Promise<RunReport> {
    const report: RunReport = { tenants: 0, due: 0, sent: 0, retryLater: 0, dropped: 0, skipped: 0, digestsSent: 0, alertsSent: 0, tenantErrors: 0 };
    // Store times follow `now` (the scheduler's or a test's clock) plus the time this run has taken.
    const startedAt = this.clock.now();
    const stamp = () => new Date(now.getTime() + (this.clock.now() - startedAt));
    const tenants = await this.deps.store.listTenants();
    report.tenants = tenants.length;
    await mapPool(tenants, this.opts.tenantConcurrency, async (tenantId) => {
      try {
        await this.runTenant(tenantId, now, stamp, report);
      } catch (err) {
        report.tenantErrors++;
        this.deps.log.error('digest run failed for a tenant', { tenantId, error: err as Error });
      }
    });
    if (report.due > 0) this.deps.log.info('digest run finished', { ...report, owner: this.owner });
    return report;
  }

  private async runTenant(tenantId: string, now: Date, stamp: () => Date, report: RunReport): Promise<void> {
    const { store } = this.deps;
    const jobs: Job[] = [];
    const queued = new Set<string>();
    const add = (job: Job) => {
      const key = this.key(job);
      if (queued.has(key) || this.settled.has(key)) return;
      queued.add(key);
      jobs.push(job);
    };

    // 1. Resume: unsent deliveries whose lease expired (a process died) or whose retry time came.
    for (const d of await store.listDeliveriesDue(tenantId, stamp().toISOString(), 1000)) {
      if (await this.stillWanted(d, now, stamp)) add({ tenantId, conversationId: d.conversationId, kind: d.kind, period: d.period, resumed: d });
    }

    // 2. Digests whose slot this week has come; 3. alerts for a new drop, to every subscriber.
    const subs = await this.allSubscriptions(tenantId);
    const digestDue = new Set<string>();
    for (const sub of subs) {
      const slot = dueSlot(sub, now);
      if (!slot) continue;
      add({ tenantId, conversationId: sub.conversationId, kind: 'digest', period: slot.period });
      digestDue.add(sub.conversationId);
    }
    if (subs.length > 0) {
      // A failure to check for a drop must not hold up the digests.
      const drop = await this.deps.composer.detectDrop(tenantId, now).catch((err) => {
        this.deps.log.warn('could not check for a score drop', { tenantId, error: errorText(err) });
        return null;
      });
      if (drop) {
        const dropDayStart = Date.parse(`${drop.toDate}T00:00:00Z`);
        for (const sub of subs) {
          // A conversation whose digest goes out now sees the drop there; one that subscribed on or
          // after the drop's day gets the digest, not news of a drop it may already have seen.
          if (digestDue.has(sub.conversationId) || Date.parse(sub.createdAt) >= dropDayStart) continue;
          add({ tenantId, conversationId: sub.conversationId, kind: 'alert', period: drop.dropId, digestPeriod: currentPeriod(sub, now), dropDayStart });
        }
      }
    }
    if (jobs.length === 0) return;

    // The messages, once per tenant. When they cannot be built nothing is claimed: the next run retries.
    const messages = new Map<string, Promise<OutgoingMessage | null>>();
    const messageFor = (job: Job): Promise<OutgoingMessage | null> => {
      const k = `${job.kind}|${job.kind === 'alert' ? job.period : ''}`;
      let m = messages.get(k);
      if (!m) {
        m = job.kind === 'digest' ? this.deps.composer.digest(tenantId, now) : this.deps.composer.alert(tenantId, job.period, now);
        messages.set(k, m);
      }
      return m;
    };
    try {
      if (jobs.some((j) => j.kind === 'digest')) await messageFor(jobs.find((j) => j.kind === 'digest')!);
    } catch (err) {
      report.tenantErrors++;
      this.deps.log.error('could not build the digest; will try again next run', { tenantId, error: errorText(err) });
      return;
    }

    // Digests first: a conversation getting this week's digest now does not also need the alert.
    jobs.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'digest' ? -1 : 1));
    await mapPool(jobs, this.opts.concurrency, async (job) => {
      report.due++;
      let outcome: Outcome;
      try {
        outcome = await this.deliver(job, messageFor, stamp);
      } catch (err) {
        outcome = 'retryLater';
        this.deps.log.error('digest delivery errored', { tenantId, conversationId: job.conversationId, kind: job.kind, period: job.period, error: errorText(err) });
      }
      report[outcome]++;
      if (outcome === 'sent') report[job.kind === 'alert' ? 'alertsSent' : 'digestsSent']++;
    });
  }

  private async allSubscriptions(tenantId: string): Promise<Subscription[]> {
    const out: Subscription[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.listSubscriptions(tenantId, { limit: this.opts.pageSize, cursor });
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  }

  /** A resumed delivery is dropped when its subscription is gone or its week (or alert) is over. */
  private async stillWanted(d: Delivery, now: Date, stamp: () => Date): Promise<boolean> {
    const sub = await this.deps.store.getSubscription(d.tenantId, d.conversationId);
    let reason: string | null = null;
    if (!sub) reason = 'unsubscribed';
    else if (d.kind === 'digest' && d.period !== currentPeriod(sub, now)) reason = `week ${d.period} is over`;
    else if (d.kind === 'alert' && now.getTime() - Date.parse(d.createdAt) > this.opts.alertMaxAgeMs) reason = 'alert too old';
    if (!reason) return true;
    await this.deps.store.markDeliveryFailed(d.tenantId, d.id, `given up: ${reason}`, null, stamp().toISOString());
    this.deps.log.info('unsent delivery given up', { tenantId: d.tenantId, conversationId: d.conversationId, kind: d.kind, period: d.period, reason });
    return false;
  }

  private async deliver(job: Job, messageFor: (job: Job) => Promise<OutgoingMessage | null>, stamp: () => Date): Promise<Outcome> {
    const { store, log } = this.deps;
    const { tenantId, conversationId, kind, period } = job;
    const fields = { tenantId, conversationId, kind, period };
    const key = this.key(job);

    if (!job.resumed) {
      // A read first: after the first run of the week almost every due subscription is already sent.
      const existing = await store.getDelivery(tenantId, conversationId, kind, period);
      if (existing && (existing.status === 'sent' || existing.status === 'dropped')) {
        this.remember(key);
        return 'skipped';
      }
      // An alert is news only until a digest has gone out since the drop's day: that digest showed it.
      if (kind === 'alert' && !existing && job.digestPeriod && job.dropDayStart !== undefined) {
        const digest = await store.getDelivery(tenantId, conversationId, 'digest', job.digestPeriod);
        if (digest?.status === 'sent' && Date.parse(digest.updatedAt) >= job.dropDayStart) {
          this.remember(key);
          return 'skipped';
        }
      }
    }
    const claimedAt = stamp();
    const claim = await store.claimDelivery({ ...fields, owner: this.owner, now: claimedAt.toISOString(), leaseUntil: new Date(claimedAt.getTime() + this.opts.leaseMs).toISOString() });
    if (!claim) return 'skipped';
    const leaseUntil = claimedAt.getTime() + this.opts.leaseMs;

    const finish = async (error: string, retryAt: Date | null, extra: Record<string, unknown> = {}, level: 'debug' | 'info' | 'warn' = 'warn'): Promise<Outcome> => {
      await store.markDeliveryFailed(tenantId, claim.id, error, retryAt ? retryAt.toISOString() : null, stamp().toISOString());
      if (retryAt) {
        log[level]('delivery failed, will retry', { ...fields, attempt: claim.attempts, reason: error, retryAt: retryAt.toISOString(), ...extra });
        return 'retryLater';
      }
      this.remember(key);
      log[level]('delivery dropped', { ...fields, attempt: claim.attempts, reason: error, ...extra });
      return 'dropped';
    };

    const conv = await store.getConversation(tenantId, conversationId);
    if (!conv) {
      await store.removeSubscription(tenantId, conversationId);
      return finish('conversation not stored (bot removed?); subscription removed', null);
    }
    const message = await messageFor(job);
    if (!message) return finish('drop no longer in the score history', null);

    for (let attempt = 1; ; attempt++) {
      // The limiter is consulted inside the sender, right before the request leaves, and the lease
      // is checked after any wait it imposed: a send never starts on a claim that may have expired.
      const beforeRequest = async () => {
        await this.limiter.acquire(tenantId, conversationId);
        if (leaseUntil - stamp().getTime() < this.opts.leaseSafetyMs) throw new NotSentError('lease running out before the send');
      };
      let activityId: string | null;
      try {
        ({ activityId } = await this.deps.sender.send(conv, message, { beforeRequest }));
      } catch (err) {
        if (err instanceof NotSentError) return finish(err.message, stamp(), {}, 'info');
        const e = err instanceof SendError ? err : new SendError(errorText(err), 0, null, null);
        const verdict = classifySendError(e);
        const reason = `${e.status || 'no answer'}${e.code ? ` ${e.code}` : ''}`;
        const detail = { status: e.status, code: e.code };
        switch (verdict.action) {
          case 'wait': {
            const waitMs = verdict.afterMs ?? this.backoff(attempt);
            this.limiter.pause(tenantId, conversationId, waitMs);
            const fitsLease = leaseUntil - (stamp().getTime() + waitMs) >= this.opts.leaseSafetyMs;
            if (attempt < this.opts.maxInlineAttempts && waitMs <= this.opts.maxInlineWaitMs && fitsLease) {
              log.info('throttled by Teams, waiting', { ...fields, attempt, retryAfterMs: waitMs });
              continue; // the limiter holds the next attempt until Retry-After has passed
            }
            return finish(`throttled (${reason})`, new Date(stamp().getTime() + waitMs), detail);
          }
          case 'retry': {
            const waitMs = this.backoff(attempt);
            if (attempt < this.opts.maxInlineAttempts && leaseUntil - (stamp().getTime() + waitMs) >= this.opts.leaseSafetyMs) {
              log.info('send failed, retrying', { ...fields, attempt, reason, waitMs });
              await this.clock.sleep(waitMs);
              continue;
            }
            return finish(`send failed (${reason})`, this.laterRetry(claim.attempts, stamp()), detail);
          }
          case 'gone': {
            await finish(`bot can no longer post here (${reason}); subscription and conversation removed`, null, detail);
            await store.removeSubscription(tenantId, conversationId);
            await store.removeConversation(tenantId, conversationId);
            return 'dropped';
          }
          case 'notFound': {
            const rec = await store.recordConversationFailure(tenantId, conversationId, false, stamp().toISOString());
            if (rec && rec.firstFailureAt && rec.failureCount >= 2 && stamp().getTime() - Date.parse(rec.firstFailureAt) >= this.opts.notFoundGraceMs) {
              await finish(`conversation not found since ${rec.firstFailureAt} (${rec.failureCount} failures); subscription and conversation removed`, null, detail);
              await store.removeSubscription(tenantId, conversationId);
              await store.removeConversation(tenantId, conversationId);
              return 'dropped';
            }
            return finish(`conversation not found (${reason}), failure ${rec?.failureCount ?? 1}`, new Date(stamp().getTime() + this.opts.notFoundRetryMs), detail);
          }
          case 'later':
            return finish(`not authorised (${reason}); check the bot's credentials`, this.laterRetry(claim.attempts + 3, stamp()), detail);
          case 'never':
            return finish(`refused (${reason})`, null, detail);
        }
      }
      // Acknowledged by Teams: record it before anything else can fail.
      await store.markDeliverySent(tenantId, claim.id, activityId, stamp().toISOString());
      this.remember(key);
      if (conv.failureCount > 0) await store.recordConversationFailure(tenantId, conversationId, true, stamp().toISOString());
      if (attempt > 1 || claim.attempts > 1) log.info('delivered after retry', { ...fields, attempt, attempts: claim.attempts });
      return 'sent';
    }
  }

  /** Full-jitter-ish exponential backoff for retries inside one run: half fixed, half random. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  /** Bounded: the memo only saves reads; forgetting it costs one getDelivery per subscription. */
  private remember(key: string): void {
    if (this.settled.size >= 200_000) this.settled.clear();
    this.settled.add(key);
  }

  /** When a delivery left for a later run is due again: a minute, doubling per attempt, at most an hour. */
  private laterRetry(attempts: number, from: Date): Date {
    const base = Math.min(60 * 60_000, this.opts.laterRetryMs * 2 ** Math.max(0, attempts - 1));
    return new Date(from.getTime() + Math.round(base * (0.75 + 0.5 * this.random())));
  }

  private key(job: Pick<Job, 'tenantId' | 'conversationId' | 'kind' | 'period'>): string {
    return `${job.tenantId}\u0000${job.conversationId}\u0000${job.kind}\u0000${job.period}`;
  }
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

