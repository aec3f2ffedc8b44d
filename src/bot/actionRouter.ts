/**
 * Card buttons: every Action.Execute invoke and Action.Submit lands here with its `verb`. Navigation verbs
 * re-run the same command chat would; control verbs (details, notes, status, owner) go to actions/;
 * digest verbs to the digest handlers. A verb or shape this release does not know — a card posted by an
 * older version — gets "this card is out of date" with a fresh card, never an error.
 */
import type { Category, Level } from '../scoring';
import { CATEGORIES } from '../scoring';
import { actionData, CARD_SCHEMA_VERSION, type ListContext } from '../cards/actionData';
import { outOfDateCard } from '../cards/messageCard';
import { controlActions } from './actions';
import type { ActionContext, ActionResult, CommandContext } from './context';
import type { Reply } from './services';
import { recognize } from './understanding/recognize';
import { runIntent } from './messageRouter';
import { showDetails } from './commands/actionDetail';
import { handleSubscribeAction } from './commands/subscribe';
import { handleUnsubscribeAction } from './commands/unsubscribe';
import { handleDigestSettingsAction, handleSaveDigestSettingsAction } from './commands/digestSettings';

type Handler = (data: Record<string, unknown>, ctx: ActionContext) => Promise<ActionResult | null>;

const ORDERS = ['rank', 'quickWins', 'points'] as const;
const LEVELS: Level[] = ['None', 'Low', 'Moderate', 'High', 'Unknown'];

const HANDLERS: Record<string, Handler> = {
  actionDetails: (d, c) => (str(d.controlId) ? controlActions.actionDetails(d, c) : Promise.resolve(null)),
  saveNote: (d, c) => (str(d.controlId) ? controlActions.saveNote(d, c) : Promise.resolve(null)),
  setStatus: (d, c) => (str(d.controlId) ? controlActions.setStatus(d, c) : Promise.resolve(null)),
  assignOwner: (d, c) => (str(d.controlId) ? controlActions.assignOwner(d, c) : Promise.resolve(null)),
  chooseAction: async (d, c) => (str(d.controlId) ? asResult(await showDetails(str(d.controlId)!, c)) : null),
  score: async (_d, c) => intentResult({ kind: 'score' }, c),
  comparison: async (_d, c) => intentResult({ kind: 'comparison' }, c),
  trend: async (d, c) => (days(d.days) ? intentResult({ kind: 'trend', days: days(d.days)! }, c) : null),
  changes: async (d, c) => (days(d.days) ? intentResult({ kind: 'changes', days: days(d.days)!, focus: 'changes' }, c) : null),
  categories: async (d, c) => (d.category === undefined || category(d.category) ? intentResult({ kind: 'categories', category: category(d.category) }, c) : null),
  topActions: async (d, c) => listResult({ view: 'actions', order: d.order as never, count: d.count as never, category: d.category as never }, c),
  backToList: async (d, c) => (d.from && typeof d.from === 'object' ? listResult(d.from as ListContext, c) : null),
  ask: async (d, c) => (str(d.text) ? intentResult(recognize(str(d.text)!.slice(0, 500)), c) : null),
  subscribe: (d, c) => handleSubscribeAction(d, c),
  unsubscribe: (d, c) => handleUnsubscribeAction(d, c),
  digestSettings: (d, c) => handleDigestSettingsAction(d, c),
  saveDigestSettings: (d, c) => handleSaveDigestSettingsAction(d, c),
};

export async function routeAction(data: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
  const verb = typeof data.verb === 'string' ? data.verb : '';
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, verb) ? HANDLERS[verb] : undefined;
  // Cards from another card-schema version may carry fields that mean something else now.
  const versionOk = data.v === undefined || data.v === CARD_SCHEMA_VERSION;
  const result = handler && versionOk ? await handler(data, ctx) : null;
  if (result) return result;
  ctx.services.log.info('stale or unknown card action', { verb: verb.slice(0, 40), v: String(data.v ?? '') });
  return { card: outOfDateCard({ title: 'Show our score', data: actionData('score', {}) }) };
}

/** Rebuilds the list a details card was opened from. */
async function listResult(from: ListContext, ctx: CommandContext): Promise<ActionResult | null> {
  switch (from.view) {
    case 'score':
      return intentResult({ kind: 'score' }, ctx);
    case 'categories':
      return intentResult({ kind: 'categories', category: category(from.category) }, ctx);
    default: {
      const order = ORDERS.includes(from.order as never) ? from.order! : from.view === 'digest' ? 'points' : 'rank';
      const count = Number.isInteger(from.count) && from.count! >= 1 && from.count! <= 25 ? from.count! : 5;
      return intentResult(
        {
          kind: 'actions',
          order,
          count,
          category: category(from.category),
          maxUserImpact: LEVELS.includes(from.maxUserImpact as Level) ? from.maxUserImpact : undefined,
          maxImplementationCost: LEVELS.includes(from.maxImplementationCost as Level) ? from.maxImplementationCost : undefined,
        },
        ctx,
      );
    }
  }
}

async function intentResult(intent: Parameters<typeof runIntent>[0], ctx: CommandContext): Promise<ActionResult> {
  return asResult(await runIntent(intent, ctx));
}

function asResult(reply: Reply): ActionResult {
  return 'card' in reply ? { card: reply.card } : { text: reply.text };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function days(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
}

function category(v: unknown): Category | undefined {
  return CATEGORIES.includes(v as Category) ? (v as Category) : undefined;
}
