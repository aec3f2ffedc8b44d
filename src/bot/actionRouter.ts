/**
 * Card buttons: every Action.Execute invoke and Action.Submit lands here with its `verb`. Navigation verbs
 * re-run the same command chat would; control verbs (details, notes, status, owner) go to actions/;
 * digest verbs to the digest handlers. A verb or shape this release does not know — a card posted by an
 * older version — gets "this card is out of date" with a fresh card, never an error.
 */
import type { Category } from '../scoring';
import { CATEGORIES } from '../scoring';
import { actionData, readCardAction, type CardVerb, type ListContext } from '../cards/actionData';
import { outOfDateCard } from '../cards/messageCard';
import { controlActions } from './actions';
import { readFrom } from './actions/detailsView';
import type { ActionContext, ActionResult, CommandContext } from './context';
import type { Reply } from './services';
import { recognize } from './understanding/recognize';
import { runIntent } from './messageRouter';
import { showDetails } from './commands/actionDetail';
import { subscribeCommand } from './commands/subscribe';
import { unsubscribeCommand } from './commands/unsubscribe';
import { digestSettingsCommand, saveDigestSettingsAction } from './commands/digestSettings';

type Handler = (data: Record<string, unknown>, ctx: ActionContext) => Promise<ActionResult | null>;

/** Every verb our cards carry; readCardAction has already checked the fields a verb cannot do without. */
const HANDLERS: Record<CardVerb, Handler> = {
  actionDetails: (d, c) => controlActions.actionDetails(d, c),
  saveNote: (d, c) => controlActions.saveNote(d, c),
  setStatus: (d, c) => controlActions.setStatus(d, c),
  assignOwner: (d, c) => controlActions.assignOwner(d, c),
  chooseAction: async (d, c) => asResult(await showDetails(String(d.controlId), c)),
  score: async (_d, c) => intentResult({ kind: 'score' }, c),
  comparison: async (_d, c) => intentResult({ kind: 'comparison' }, c),
  trend: async (d, c) => (days(d.days) ? intentResult({ kind: 'trend', days: days(d.days)! }, c) : null),
  changes: async (d, c) => (days(d.days) ? intentResult({ kind: 'changes', days: days(d.days)!, focus: 'changes' }, c) : null),
  categories: async (d, c) => (d.category === undefined || category(d.category) ? intentResult({ kind: 'categories', category: category(d.category) }, c) : null),
  topActions: async (d, c) => listResult(readFrom({ from: { view: 'actions', order: d.order, count: d.count, category: d.category } }), c),
  backToList: async (d, c) => listResult(readFrom(d), c),
  ask: async (d, c) => intentResult(recognize(String(d.text)), c),
  subscribe: async (_d, c) => asResult(await subscribeCommand({}, c.turn, c.services)),
  unsubscribe: async (_d, c) => asResult(await unsubscribeCommand({}, c.turn, c.services)),
  digestSettings: async (_d, c) => asResult(await digestSettingsCommand({}, c.turn, c.services)),
  saveDigestSettings: (d, c) => saveDigestSettingsAction(d, c.turn, c.services),
};

export async function routeAction(data: Record<string, unknown>, ctx: ActionContext): Promise<ActionResult> {
  const read = readCardAction(data);
  const result = read.kind === 'current' ? await HANDLERS[read.data.verb](data, ctx) : null;
  if (result) return result;
  ctx.services.log.info('stale or unknown card action', {
    verb: typeof data.verb === 'string' ? data.verb.slice(0, 40) : '',
    why: read.kind === 'invalid' ? read.reason : read.kind === 'stale' ? `card version ${String(read.version)}` : 'bad fields',
  });
  return { card: outOfDateCard({ title: 'Show our score', data: actionData('score', {}) }) };
}

/** Rebuilds the list a details card was opened from (the context was checked by readFrom). */
async function listResult(from: ListContext | undefined, ctx: CommandContext): Promise<ActionResult | null> {
  if (!from) return null;
  if (from.view === 'score') return intentResult({ kind: 'score' }, ctx);
  if (from.view === 'categories') return intentResult({ kind: 'categories', category: from.category }, ctx);
  return intentResult(
    {
      kind: 'actions',
      order: from.order ?? (from.view === 'digest' ? 'points' : 'rank'),
      count: from.count ?? 5,
      category: from.category,
      maxUserImpact: from.maxUserImpact,
      maxImplementationCost: from.maxImplementationCost,
    },
    ctx,
  );
}

async function intentResult(intent: Parameters<typeof runIntent>[0], ctx: CommandContext): Promise<ActionResult> {
  return asResult(await runIntent(intent, ctx));
}

function asResult(reply: Reply): ActionResult {
  return 'card' in reply ? { card: reply.card } : { text: reply.text };
}

function days(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
}

function category(v: unknown): Category | undefined {
  return CATEGORIES.includes(v as Category) ? (v as Category) : undefined;
}
