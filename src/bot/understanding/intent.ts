/**
 * What a message to the bot means, as plain data. The recognizer produces it; commands consume it.
 * Kept free of botbuilder so it can be used (and tested) anywhere.
 */
import type { Category, Level } from '../../scoring/model';

export type ActionOrder = 'rank' | 'quickWins' | 'points';

export interface Schedule {
  /** 0 = Sunday … 6 = Saturday, as Subscription.dayOfWeek */
  dayOfWeek?: number;
  hour?: number;
  minute?: number;
  /** A canonical IANA name (validated with Intl.DateTimeFormat). */
  timeZone?: string;
}

/** Why a request was understood but cannot be served as asked. */
export type InvalidReason = 'count' | 'days' | 'target' | 'choice' | 'time' | 'timeZone' | 'schedule';

export type Intent =
  | { kind: 'score' }
  | { kind: 'trend'; days: number }
  | { kind: 'categories'; category?: Category }
  | { kind: 'comparison' }
  | {
      kind: 'actions';
      order: ActionOrder;
      count: number;
      category?: Category;
      maxUserImpact?: Level;
      maxImplementationCost?: Level;
    }
  | { kind: 'actionDetail'; query: string }
  | { kind: 'changes'; days: number; focus: 'changes' | 'drop' }
  | { kind: 'target'; points?: number; percent?: number }
  | { kind: 'help' }
  | { kind: 'subscribe'; schedule?: Schedule }
  | { kind: 'unsubscribe' }
  | { kind: 'digestSettings' }
  /** A bare number ("2") answering a "which one?" prompt. */
  | { kind: 'choice'; index: number }
  | { kind: 'empty' }
  /** Understood, but a number is out of range: `message` is ready to show the user. */
  | { kind: 'invalid'; reason: InvalidReason; message: string }
  | { kind: 'unknown'; text: string };

export type IntentKind = Intent['kind'];

/** Limits the recognizer enforces; the commands may rely on them. */
export const LIMITS = {
  defaultActionCount: 5,
  maxActionCount: 25,
  defaultTrendDays: 30,
  defaultChangesDays: 7,
  maxDays: 365,
  maxChoice: 25,
} as const;

/** Build an invalid intent (keeps the messages in one voice). */
export function invalid(reason: InvalidReason, message: string): Intent {
  return { kind: 'invalid', reason, message };
}
