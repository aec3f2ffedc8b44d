/** Builds the production runner from the bot's services: real composer, Teams limits, a sender. */
import type { BotServices } from '../bot/services';
import type { MessageSender } from './messageSender';
import { DigestRunner, type RunnerOptions } from './runner';
import { ScoreDigestComposer } from './scoreComposer';

export function createDigestRunner(services: BotServices, sender: MessageSender, options?: Partial<RunnerOptions>): DigestRunner {
  const composer = new ScoreDigestComposer(services.scores, services.store, { dropAlertPoints: services.config.dropAlertPoints });
  return new DigestRunner({ store: services.store, sender, composer, log: services.log, options });
}
