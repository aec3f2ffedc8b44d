/**
 * Runs the digest every minute in-process (croner), never overlapping itself: a run that takes longer
 * than a minute (thousands of conversations at 50/s) makes the next tick wait, not start a second run.
 * A first run starts right away, so deliveries a crashed process left unsent are resumed on start.
 */
import { Cron } from 'croner';
import type { BotServices } from '../bot/services';
import type { Logger } from '../log';
import { createDigestRunner } from './createRunner';
import type { MessageSender } from './messageSender';
import type { DigestRunner, RunReport, RunnerOptions } from './runner';
import { BotSender, type SenderAdapter } from './senderBot';

export interface DigestSchedulerDeps {
  services: BotServices;
  /** The bot's CloudAdapter; ignored when `sender` or `runner` is given. */
  adapter?: SenderAdapter;
  sender?: MessageSender;
  runner?: DigestRunner;
  log?: Logger;
  /** Cron pattern; default every minute (DIGEST_CRON in the environment overrides it). */
  cron?: string;
  /** Skip the immediate first run (tests that drive ticks themselves). */
  runOnStart?: boolean;
  runnerOptions?: Partial<RunnerOptions>;
}

export interface DigestScheduler {
  /** Stops ticking; resolves when the run in progress (if any) has finished. */
  stop(): Promise<void>;
  /** Runs now unless a run is in progress (then returns that run's result). */
  tick(): Promise<RunReport | null>;
}

export function startDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { services } = deps;
  const log = deps.log ?? services.log;
  let runner = deps.runner;
  if (!runner) {
    const sender = deps.sender ?? (deps.adapter ? new BotSender(deps.adapter, services.config.microsoftAppId) : null);
    if (!sender) throw new Error('startDigestScheduler needs an adapter, a sender or a runner');
    runner = createDigestRunner(services, sender, deps.runnerOptions);
  }
  const theRunner = runner;
  let running: Promise<RunReport | null> | null = null;
  let stopped = false;

  const tick = (): Promise<RunReport | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running;
    running = theRunner
      .runDueDigests(services.now())
      .catch((error) => {
        log.error('digest run failed', { error: error as Error });
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const pattern = deps.cron ?? services.config.env.DIGEST_CRON ?? '* * * * *';
  const job = new Cron(pattern, { protect: true, unref: true }, async () => {
    await tick();
  });
  if (deps.runOnStart !== false) void tick();
  log.info('digest scheduler started', { cron: pattern, owner: theRunner.owner });

  return {
    stop: () => {
      stopped = true;
      job.stop();
      // A run in progress must finish marking what Teams accepted, or a restart would send it again.
      return (running ?? Promise.resolve(null)).then(() => undefined);
    },
    tick,
  };
}
