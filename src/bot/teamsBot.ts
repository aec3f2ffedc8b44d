/**
 * The Teams activity handler: turns activities into calls to commands (chat) and actions (card buttons),
 * remembers every conversation it hears from so the digest can post there later, and makes sure every
 * activity gets an answer — a reply, a card, or a clean invoke response.
 */
import {
  ActivityTypes,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  CardFactory,
  MessageFactory,
  PrivateConversationState,
  StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { ActionContext, ActionResult, CommandContext, PendingChoice } from './context';
import { captureConversation, forgetConversation } from './conversations';
import { routeAction } from './actionRouter';
import { routeMessage } from './messageRouter';
import { welcomeReply } from './commands/help';
import type { BotServices, Reply } from './services';
import { TENANT_REFUSAL, tenantAllowed } from './tenantAccess';
import { turnInfoOf } from './turnInfo';

const CARD = 'application/vnd.microsoft.card.adaptive';
const TEXT = 'application/vnd.microsoft.activity.message';

export class SecureScoreBot extends TeamsActivityHandler {
  private readonly pendingChoice: StatePropertyAccessor<PendingChoice | undefined>;

  constructor(
    private readonly services: BotServices,
    private readonly state: PrivateConversationState,
  ) {
    super();
    this.pendingChoice = state.createProperty<PendingChoice | undefined>('pendingChoice');

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeIfNew(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetConversation(context.activity, this.services);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcomeIfNew(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId)) await forgetConversation(context.activity, this.services);
      await next();
    });
  }

  /** Runs a turn and saves what it remembered (the pending question) in the same store as everything else. */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = turnInfoOf(context.activity);
    if (!tenantAllowed(this.services.config, turn.tenantId)) {
      await context.sendActivity(TENANT_REFUSAL);
      return;
    }
    await captureConversation(context.activity, this.services);
    const ctx = await this.commandContext(context);
    const value = context.activity.value;
    // Action.Submit arrives as a message with the card's data in `value` and no text.
    if (!context.activity.text && value && typeof value === 'object' && !Array.isArray(value)) {
      // Only a posted details card is replaced by its own refresh; a list, score card or digest stays as it
      // is for everyone and the answer comes as a new message. The handler itself need not update anything.
      const data = value as Record<string, unknown>;
      const result = await routeAction(data, { ...ctx, updateOriginal: async () => undefined });
      await this.sendActionResult(context, result, data.posted === true);
      return;
    }
    const reply = await routeMessage(context.activity, ctx);
    await context.sendActivity(toActivity(reply));
  }

  protected async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = turnInfoOf(context.activity);
    if (!tenantAllowed(this.services.config, turn.tenantId)) return { statusCode: 200, type: TEXT, value: TENANT_REFUSAL as never };
    await captureConversation(context.activity, this.services);
    const ctx = await this.commandContext(context);
    const action = invokeValue?.action as { verb?: string; data?: Record<string, unknown> } | undefined;
    const data = { ...(action?.data ?? {}), verb: action?.verb ?? action?.data?.verb };
    const result = await routeAction(data, this.actionContext(context, { ...ctx, answersInvoke: true }));
    return 'card' in result
      ? { statusCode: 200, type: CARD, value: result.card as never }
      : { statusCode: 200, type: TEXT, value: result.text as never };
  }

  private async welcomeIfNew(context: TurnContext): Promise<void> {
    const turn = turnInfoOf(context.activity);
    if (!tenantAllowed(this.services.config, turn.tenantId)) return;
    const isNew = await captureConversation(context.activity, this.services);
    // Teams sends both installationUpdate and conversationUpdate on install: welcome only once.
    if (isNew) await context.sendActivity(toActivity(welcomeReply(turn)));
  }

  private async commandContext(context: TurnContext): Promise<CommandContext> {
    let pending = await this.pendingChoice.get(context);
    return {
      turn: turnInfoOf(context.activity),
      services: this.services,
      pending: {
        get: () => pending,
        set: (choice) => {
          pending = choice;
          this.pendingChoice.set(context, choice).catch((error) => this.services.log.warn('could not remember the pending question', { error: error as Error }));
        },
      },
      answersInvoke: false,
    };
  }

  private actionContext(context: TurnContext, ctx: CommandContext): ActionContext {
    return {
      ...ctx,
      updateOriginal: async (card) => {
        const replyToId = context.activity.replyToId;
        if (!replyToId) return;
        const update = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        update.id = replyToId;
        await context.updateActivity(update);
      },
    };
  }

  /** Action.Submit results: replace the clicked card when asked to and we know it, otherwise answer anew. */
  private async sendActionResult(context: TurnContext, result: ActionResult, replaceClicked: boolean): Promise<void> {
    if ('card' in result && replaceClicked && context.activity.replyToId) {
      try {
        const update = MessageFactory.attachment(CardFactory.adaptiveCard(result.card));
        update.id = context.activity.replyToId;
        await context.updateActivity(update);
        return;
      } catch (error) {
        this.services.log.warn('could not update the card in place; sending it anew', { error: error as Error });
      }
    }
    await context.sendActivity(toActivity('card' in result ? { card: result.card } : { text: result.text }));
  }
}

export function toActivity(reply: Reply) {
  if ('card' in reply) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
    if (reply.text) activity.summary = reply.text;
    return activity;
  }
  return { type: ActivityTypes.Message, text: reply.text, textFormat: 'markdown' };
}
