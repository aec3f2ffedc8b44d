/**
 * Builds the bot with its per-user-per-conversation memory kept in the bot's own store, so a pending
 * "which one did you mean?" survives a restart and is shared by replicas.
 */
import { PrivateConversationState } from 'botbuilder';
import type { BotServices } from './services';
import { StoreStorage } from './storeStorage';
import { SecureScoreBot } from './teamsBot';

export function createBot(services: BotServices): SecureScoreBot {
  return new SecureScoreBot(services, new PrivateConversationState(new StoreStorage(services.store)));
}
