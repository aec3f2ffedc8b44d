/**
 * What a command or card action gets to work with: the turn's identity, the services, and a place to
 * remember a question the bot asked this user in this conversation. No botbuilder types here, so
 * handlers stay portable (Bot Framework SDK v4 is archived; the Agents SDK is its successor).
 */
import type { BotServices, Reply, TurnInfo } from './services';

/** A question waiting for this user's answer in this conversation ("which one did you mean?"). */
export interface PendingChoice {
  kind: 'chooseAction';
  controlIds: string[];
  titles: string[];
  askedAt: string;
}

export interface PendingMemory {
  get(): PendingChoice | undefined;
  set(choice: PendingChoice | undefined): void;
}

export interface CommandContext {
  turn: TurnInfo;
  services: BotServices;
  pending: PendingMemory;
  /**
   * True when the answer is an invoke response: it replaces the clicked card for the clicker only and is
   * not a message of its own. False for chat and Action.Submit, whose answers are posted messages.
   */
  answersInvoke: boolean;
}

export interface ActionContext extends CommandContext {
  /**
   * Replaces the message that carried the card, so a change sticks for everyone (invoke answers alone are
   * not stored). Used only when that message is itself the details card (`posted: true` in its data).
   */
  updateOriginal(card: Record<string, unknown>): Promise<void>;
}

/** An answer to a card action: the card to show in place, or a short text. */
export type ActionResult = { card: Record<string, unknown> } | { text: string };

export type CommandHandler<I> = (intent: I, ctx: CommandContext) => Promise<Reply>;
export type ActionHandler = (data: Record<string, unknown>, ctx: ActionContext) => Promise<ActionResult>;
