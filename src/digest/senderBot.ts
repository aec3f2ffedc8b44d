/**
 * MessageSender over botbuilder: CloudAdapter.continueConversationAsync with the bot's app id and the
 * stored conversation reference, then one sendActivity.
 *
 * botbuilder's connector client is built on @azure/core-rest-pipeline, whose default pipeline retries
 * 429/503 (sleeping Retry-After itself), other 5xx and dropped connections up to three times. Those
 * hidden retries would bypass our rate limiter and could post a message twice (a reset after Teams
 * accepted it looks like a failure), so the retry phase is removed from every client before the send:
 * each call here is exactly one HTTP request, and the runner decides what happens next.
 */
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../storage/store';
import { type MessageSender, NotSentError, type OutgoingMessage, SendError, type SendOptions, parseRetryAfter } from './messageSender';

/** The adapter type, for files that must not import botbuilder themselves. */
export type SenderAdapter = CloudAdapter;

interface PipelineLike {
  removePolicy(options: { name?: string; phase?: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown> }, options?: { afterPhase?: string }): void;
}

/**
 * A send that hangs must end before the runner's claim on it can expire (the runner starts a send only
 * with at least 30 s of lease left), or another process could take the claim over and send it again.
 */
export const SEND_TIMEOUT_MS = 25_000;

export class BotSender implements MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Microsoft app id ('' in local anonymous mode). */
    private readonly appId: string,
    private readonly timeoutMs: number = SEND_TIMEOUT_MS,
  ) {}

  async send(conv: ConversationRecord, message: OutgoingMessage, options: SendOptions = {}): Promise<{ activityId: string | null }> {
    const reference = toReference(conv);
    let activityId: string | null = null;
    // The adapter hands errors thrown in the callback to its onTurnError (which logs and swallows them),
    // so the failure is caught here and rethrown after the adapter returns.
    let failure: unknown = null;
    let sent = false;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (ctx: TurnContext) => {
        try {
          const pipeline = connectorPipeline(ctx, this.adapter);
          disableHiddenRetries(pipeline);
          gateRequests(pipeline, options.beforeRequest, this.timeoutMs);
          // The turn would address the message as a reply to the synthetic continuation activity;
          // a digest is a new message in the conversation (POST …/activities, a new channel post).
          ctx.onSendActivities(async (_c, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          const activity: Record<string, unknown> = { type: 'message' };
          // With a card, the text is only the notification preview (summary): as message text Teams
          // would show it above the card, repeating the card's own headline.
          if (message.text) activity[message.card ? 'summary' : 'text'] = message.text;
          if (message.card) activity.attachments = [CardFactory.adaptiveCard(message.card)];
          const response = await ctx.sendActivity(activity);
          activityId = response?.id ? response.id : null;
          sent = true;
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure ??= err;
    }
    if (failure instanceof NotSentError) throw failure;
    if (failure !== null || !sent) throw toSendError(failure ?? new Error('the adapter did not run the send'));
    return { activityId };
  }
}

/** The stored reference, with the fields continueConversationAsync needs guaranteed from the record. */
export function toReference(conv: ConversationRecord): Partial<ConversationReference> {
  const stored = (conv.reference ?? {}) as Partial<ConversationReference>;
  return {
    ...stored,
    channelId: stored.channelId ?? 'msteams',
    serviceUrl: conv.serviceUrl,
    conversation: {
      ...(stored.conversation ?? {}),
      id: conv.conversationId,
      tenantId: conv.tenantId,
      conversationType: conv.conversationType,
      isGroup: conv.conversationType !== 'personal',
      name: stored.conversation?.name ?? '',
    },
    bot: stored.bot ?? { id: conv.botId, name: conv.botName ?? '' },
  };
}

function connectorPipeline(ctx: TurnContext, adapter: CloudAdapter): PipelineLike {
  const client = ctx.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline) throw new SendError('connector client has no pipeline to configure', 0, 'NoPipeline', null);
  return pipeline;
}

function disableHiddenRetries(pipeline: PipelineLike): void {
  pipeline.removePolicy({ phase: 'Retry' });
}

/** Runs last before the wire, after serialisation and signing, so the hook times the real send. */
function gateRequests(pipeline: PipelineLike, beforeRequest: (() => Promise<void>) | undefined, timeoutMs: number): void {
  pipeline.addPolicy(
    {
      name: 'digestSendGate',
      sendRequest: async (request, next) => {
        if (beforeRequest) await beforeRequest();
        (request as { timeout?: number }).timeout = timeoutMs;
        return next(request);
      },
    },
    { afterPhase: 'Sign' },
  );
}

/** botbuilder throws a RestError with statusCode, the raw response (headers, bodyAsText) and parsed details. */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = err as {
    statusCode?: number;
    code?: string;
    message?: string;
    details?: unknown;
    response?: { status?: number; headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
  };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.response?.status === 'number' ? e.response.status : 0;
  const retryAfter = e?.response?.headers?.get?.('retry-after');
  const code = errorCode(e?.details) ?? errorCode(parseJson(e?.response?.bodyAsText)) ?? (status === 0 && typeof e?.code === 'string' ? e.code : null);
  const message = status ? `connector answered ${status}${code ? ` ${code}` : ''}` : `no answer from connector: ${e?.message ?? String(err)}`;
  return new SendError(message, status, code, parseRetryAfter(retryAfter, Date.now()));
}

function errorCode(body: unknown): string | null {
  const code = (body as { error?: { code?: unknown } } | null | undefined)?.error?.code;
  return typeof code === 'string' && code ? code : null;
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
