/**
 * The one outside thing the digest talks to: something that posts an activity into a stored
 * conversation. The real one is botbuilder's CloudAdapter (senderBot.ts); tests drive it against a
 * local Bot Connector over HTTP. Failures come back as SendError so the runner can decide — without
 * knowing about botbuilder — whether to wait, retry later, or drop the conversation.
 */
import type { ConversationRecord } from '../storage/store';

export interface OutgoingMessage {
  card?: Record<string, unknown>;
  text?: string;
}

export interface SendOptions {
  /**
   * Awaited immediately before the HTTP request leaves (after the SDK's own preparation), so a rate
   * limiter counts the send at the moment it reaches the wire. Throwing NotSentError from it cancels
   * the send with nothing sent.
   */
  beforeRequest?: () => Promise<void>;
}

export interface MessageSender {
  /** Posts once (never retries by itself); resolves with the id Teams gave the activity. */
  send(conv: ConversationRecord, message: OutgoingMessage, options?: SendOptions): Promise<{ activityId: string | null }>;
}

/** Raised by a beforeRequest hook to call a send off: certainly nothing was sent. */
export class NotSentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSentError';
  }
}

export class SendError extends Error {
  constructor(
    message: string,
    /** HTTP status from the connector; 0 when no answer arrived (connection refused, reset, timeout). */
    readonly status: number,
    /** The connector's error code (body.error.code), e.g. BotNotInConversationRoster. */
    readonly code: string | null,
    /** From the Retry-After header, in milliseconds. */
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** 403 codes after which the bot can never post there again: stop and forget the conversation. */
export const GONE_CODES = new Set(['BotNotInConversationRoster', 'ConversationBlockedByUser', 'BotDisabledByAdmin']);

/** What the runner should do with a failed send (GUIDE §2). */
export type SendVerdict =
  | { action: 'wait'; afterMs: number | null } // 429: honour Retry-After, then try again
  | { action: 'retry' } // 412/5xx/no answer: back off with jitter and try again
  | { action: 'gone' } // 403 roster/blocked/disabled: remove subscription and conversation
  | { action: 'notFound' } // 404: maybe transient; remove only after a day of failures
  | { action: 'later' } // 401: credentials may be fixed; try much later
  | { action: 'never' }; // 400/403 other/413: the same message will never go through

export function classifySendError(err: SendError): SendVerdict {
  const { status } = err;
  if (status === 429) return { action: 'wait', afterMs: err.retryAfterMs };
  if (status === 0 || status === 412 || status === 500 || status === 502 || status === 503 || status === 504) return { action: 'retry' };
  if (status === 403 && err.code && GONE_CODES.has(err.code)) return { action: 'gone' };
  if (status === 404) return { action: 'notFound' };
  if (status === 401) return { action: 'later' };
  return { action: 'never' };
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
