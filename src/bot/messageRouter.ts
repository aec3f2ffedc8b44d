/**
 * Chat: strip the bot's @mentions, recognise what the message asks (locally, deterministically) and hand
 * it to the one command that answers it.
 */
import type { Activity } from 'botbuilder';
import { recognize, type Intent } from './understanding/recognize';
import { stripBotMentions } from './understanding/mentions';
import type { CommandContext } from './context';
import type { Reply } from './services';
import { actionDetailCommand, choiceCommand } from './commands/actionDetail';
import { actionsCommand } from './commands/actions';
import { categoriesCommand } from './commands/categories';
import { changesCommand } from './commands/changes';
import { comparisonCommand } from './commands/comparison';
import { emptyReply, helpReply, unknownReply } from './commands/help';
import { scoreCommand } from './commands/score';
import { targetCommand } from './commands/target';
import { trendCommand } from './commands/trend';
import { subscribeCommand } from './commands/subscribe';
import { unsubscribeCommand } from './commands/unsubscribe';
import { digestSettingsCommand } from './commands/digestSettings';

/** What the user typed, without the bot's mentions; '' for a message with no text. */
export function messageText(activity: Activity): string {
  const text = typeof activity.text === 'string' ? activity.text : '';
  return stripBotMentions(text, activity.entities, activity.recipient?.id);
}

export async function routeMessage(activity: Activity, ctx: CommandContext): Promise<Reply> {
  return runIntent(recognize(messageText(activity)), ctx);
}

export async function runIntent(intent: Intent, ctx: CommandContext): Promise<Reply> {
  switch (intent.kind) {
    case 'score':
      return scoreCommand(intent, ctx);
    case 'trend':
      return trendCommand(intent, ctx);
    case 'categories':
      return categoriesCommand(intent, ctx);
    case 'comparison':
      return comparisonCommand(intent, ctx);
    case 'actions':
      return actionsCommand(intent, ctx);
    case 'actionDetail':
      return actionDetailCommand(intent, ctx);
    case 'choice':
      return choiceCommand(intent, ctx);
    case 'changes':
      return changesCommand(intent, ctx);
    case 'target':
      return targetCommand(intent, ctx);
    case 'subscribe':
      return subscribeCommand(intent, ctx.turn, ctx.services);
    case 'unsubscribe':
      return unsubscribeCommand(intent, ctx.turn, ctx.services);
    case 'digestSettings':
      return digestSettingsCommand(intent, ctx.turn, ctx.services);
    case 'help':
      return helpReply(ctx.turn);
    case 'invalid':
      return { text: intent.message };
    case 'empty':
      return emptyReply();
    case 'unknown':
      return unknownReply();
  }
}
