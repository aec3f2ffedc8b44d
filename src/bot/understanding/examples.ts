/**
 * The phrasings the bot is built to understand, with what each must mean. The help card can quote
 * them (pick by intent kind) and the recognizer tests run every one, so an example here can never
 * drift from what the bot really does.
 */
import type { Intent } from './intent';

export const EXAMPLES: Array<{ text: string; intent: Intent }> = [
  { text: "what's our score", intent: { kind: 'score' } },
  { text: 'how secure are we', intent: { kind: 'score' } },
  { text: 'show the trend', intent: { kind: 'trend', days: 30 } },
  { text: 'trend over the last 90 days', intent: { kind: 'trend', days: 90 } },
  { text: 'score history for the past quarter', intent: { kind: 'trend', days: 90 } },
  { text: 'breakdown by category', intent: { kind: 'categories' } },
  { text: 'how are we on devices', intent: { kind: 'categories', category: 'Device' } },
  { text: 'how do we compare to similar companies', intent: { kind: 'comparison' } },
  { text: 'what should we do next', intent: { kind: 'actions', order: 'rank', count: 5 } },
  { text: 'top 10 actions', intent: { kind: 'actions', order: 'rank', count: 10 } },
  { text: 'top identity actions', intent: { kind: 'actions', order: 'rank', count: 5, category: 'Identity' } },
  { text: 'quick wins', intent: { kind: 'actions', order: 'quickWins', count: 5 } },
  { text: 'biggest point gains', intent: { kind: 'actions', order: 'points', count: 5 } },
  { text: 'actions with low user impact', intent: { kind: 'actions', order: 'rank', count: 5, maxUserImpact: 'Low' } },
  { text: 'low cost actions for email', intent: { kind: 'actions', order: 'rank', count: 5, category: 'Apps', maxImplementationCost: 'Low' } },
  { text: 'tell me about MFA for admins', intent: { kind: 'actionDetail', query: 'mfa for admins' } },
  { text: 'what is exo_mailboxaudit', intent: { kind: 'actionDetail', query: 'exo_mailboxaudit' } },
  { text: 'what changed this week', intent: { kind: 'changes', days: 7, focus: 'changes' } },
  { text: 'why did our score drop', intent: { kind: 'changes', days: 7, focus: 'drop' } },
  { text: 'how do we get to 70%', intent: { kind: 'target', percent: 70 } },
  { text: 'what would it take to reach 600 points', intent: { kind: 'target', points: 600 } },
  { text: 'subscribe', intent: { kind: 'subscribe' } },
  { text: 'send the digest here every Monday at 9', intent: { kind: 'subscribe', schedule: { dayOfWeek: 1, hour: 9, minute: 0 } } },
  {
    text: 'digest on Fridays 16:00 Europe/Berlin',
    intent: { kind: 'subscribe', schedule: { dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin' } },
  },
  { text: 'digest settings', intent: { kind: 'digestSettings' } },
  { text: 'unsubscribe', intent: { kind: 'unsubscribe' } },
  { text: 'help', intent: { kind: 'help' } },
];
