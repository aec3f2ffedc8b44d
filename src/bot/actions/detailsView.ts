/**
 * What every control verb shares: reading the action and its notes for the turn's tenant, reading the
 * (untrusted) list context a button carries, and the cards for the cases that are not the details card
 * (unknown action, source down, a button from an older card).
 */
import { actionData, type ListContext } from '../../cards/actionData';
import { actionDetailsCard } from '../../cards/actionDetailsCard';
import { messageCard, outOfDateCard } from '../../cards/messageCard';
import type { Banner } from '../../cards/parts';
import type { AdaptiveCard } from '../../cards/render';
import { ScoreSourceError } from '../../data/scoreSource';
import { CATEGORIES, getActionDetail, type ActionDetail, type Category, type Level } from '../../scoring';
import { withTeamEntries } from '../../services/actionState';
import type { Note } from '../../storage/store';
import type { CommandContext } from '../context';

/** Notes read per card: enough to find the latest status/owner entries and to count (the card shows 5). */
export const NOTES_READ = 200;

export type LoadedAction =
  /** `detail` as Graph has it; `shown` with the team's newer status/owner entries applied. */
  | { kind: 'found'; detail: ActionDetail; shown: ActionDetail; notes: Note[] }
  | { kind: 'missing' }
  /** `transient`: worth keeping what the person typed (Graph throttled or down), as opposed to refused. */
  | { kind: 'unavailable'; message: string; transient: boolean };

export async function loadAction(ctx: CommandContext, controlId: string): Promise<LoadedAction> {
  const { services, turn } = ctx;
  let detail: ActionDetail | null;
  try {
    const data = await services.scores.get(turn.tenantId, services.now());
    detail = getActionDetail(data, controlId);
  } catch (error) {
    services.log.warn('score source failed while opening an action', { tenantId: turn.tenantId, controlId, error: error as Error });
    const why = error instanceof ScoreSourceError ? `: ${error.message}` : '';
    const status = error instanceof ScoreSourceError ? error.status : undefined;
    const transient = status === undefined || status === 429 || status >= 500;
    return { kind: 'unavailable', message: `Sorry, I couldn't read your Secure Score just now${why}. Please try again in a few minutes.`, transient };
  }
  if (!detail) return { kind: 'missing' };
  const notes = await teamNotes(ctx, detail.controlId);
  return { kind: 'found', detail, shown: withTeamEntries(detail, notes), notes };
}

export function teamNotes(ctx: CommandContext, controlId: string): Promise<Note[]> {
  return ctx.services.store.listNotes(ctx.turn.tenantId, controlId, NOTES_READ);
}

const VIEWS: ListContext['view'][] = ['actions', 'score', 'categories', 'digest', 'target', 'changes', 'dropAlert', 'choice'];
const ORDERS = ['rank', 'quickWins', 'points'];
const LEVELS: Level[] = ['None', 'Low', 'Moderate', 'High', 'Unknown'];

/** The list a button says it came from, keeping only fields that make sense (card data is untrusted). */
export function readFrom(data: Record<string, unknown>): ListContext | undefined {
  const raw = data.from;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const f = raw as Record<string, unknown>;
  if (!VIEWS.includes(f.view as ListContext['view'])) return undefined;
  const out: ListContext = { view: f.view as ListContext['view'] };
  if (ORDERS.includes(f.order as string)) out.order = f.order as ListContext['order'];
  if (Number.isInteger(f.count) && (f.count as number) >= 1 && (f.count as number) <= 25) out.count = f.count as number;
  if (CATEGORIES.includes(f.category as Category)) out.category = f.category as Category;
  if (LEVELS.includes(f.maxUserImpact as Level)) out.maxUserImpact = f.maxUserImpact as Level;
  if (LEVELS.includes(f.maxImplementationCost as Level)) out.maxImplementationCost = f.maxImplementationCost as Level;
  return out;
}

/** `posted`: the card goes out as a message of its own, so a later change may update that message. */
export function detailsCard(
  loaded: { shown: ActionDetail; notes: Note[] },
  opts: { banner?: Banner | null; canWrite: boolean; from?: ListContext; posted?: boolean },
): AdaptiveCard {
  return actionDetailsCard(loaded.shown, loaded.notes, {
    banner: opts.banner ?? null,
    canWrite: opts.canWrite,
    from: opts.from ?? null,
    totalNotes: loaded.notes.length,
    posted: opts.posted === true,
  });
}

/**
 * Whether the card data says its details card is a posted message (see actionData). Only `true` counts:
 * card data is untrusted and older cards lack the field; answering without updating is the safe side.
 */
export function readPosted(data: Record<string, unknown>): boolean {
  return data.posted === true;
}

const FRESH_LIST = { title: 'Show top actions', data: actionData('topActions', { order: 'rank', count: 5 }) };

/** A button whose data this release cannot read (a card from before a deployment). */
export function staleCard(): AdaptiveCard {
  return outOfDateCard(FRESH_LIST);
}

export function missingActionCard(controlId: string, from?: ListContext): AdaptiveCard {
  return messageCard({
    title: "I can't find that improvement action",
    text: `"${controlId}" is not in your organization's Secure Score any more (Microsoft retires and renames actions now and then). Nothing was changed.`,
    style: 'attention',
    actions: [from ? { title: 'Back', data: actionData('backToList', { from }) } : FRESH_LIST],
  });
}

export function unavailableCard(message: string, retry: { controlId: string; from?: ListContext }): AdaptiveCard {
  return messageCard({
    title: 'Secure Score is not reachable right now',
    text: message,
    style: 'warning',
    actions: [{ title: 'Try again', data: actionData('actionDetails', { controlId: retry.controlId, from: retry.from }) }],
  });
}
