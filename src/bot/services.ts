/**
 * What every command and card action may use. Built once in src/index.ts; tests build their own with a
 * temporary store and a fixed clock.
 */
import type { AppConfig } from '../config';
import type { ScoreSource } from '../data/scoreSource';
import type { Logger } from '../log';
import type { TenantScores } from '../services/tenantScores';
import type { Store } from '../storage/store';

export interface BotServices {
  config: AppConfig;
  store: Store;
  source: ScoreSource;
  scores: TenantScores;
  log: Logger;
  /** The clock: injected so tests (and the scoring module) never read the wall clock themselves. */
  now: () => Date;
}

/** Who and where a turn comes from, taken from the activity — never from card data. */
export interface TurnInfo {
  tenantId: string;
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  /** The sender's channel id (29:…) and AAD object id, display name. */
  userId: string;
  aadObjectId: string | null;
  userName: string;
  /** The IANA time zone the client reported (activity.localTimezone), when present. */
  localTimezone: string | null;
  activityId: string | null;
  /** For card invokes: the id of the message that carries the card. */
  replyToId: string | null;
}

/** Something to say back: a short text or an Adaptive Card. */
export type Reply = { text: string } | { card: Record<string, unknown>; text?: string };
