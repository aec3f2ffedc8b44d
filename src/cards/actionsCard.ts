/** A ranked list of improvement actions, each with points available, cost, impact and Details. */
import type { Category, Level } from '../scoring/model';
import type { ActionItem, ActionOrder } from '../scoring/results';
import { actionData, type ListContext } from './actionData';
import { actionRow, button, type ActionRowVm, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface ActionsCardViewModel {
  title: string;
  subtitle: string;
  hasActions: boolean;
  noActionsText: string;
  actions: ActionRowVm[];
  buttons: ButtonVm[];
}

export interface ActionsCardOptions {
  order?: ActionOrder;
  /** Overrides the title that the order and filters would give. */
  title?: string;
  category?: Category;
  maxUserImpact?: Level;
  maxImplementationCost?: Level;
  /** How many were asked for (the list may hold fewer); defaults to the list length. */
  count?: number;
}

const ORDER_SUBTITLE: Record<ActionOrder, string> = {
  rank: 'In the order the Microsoft Defender security center ranks them.',
  quickWins: 'Most points for the least implementation cost and user impact.',
  points: 'Largest number of points available first.',
};

/** "Top 5 actions — security center order", "Quick wins", "Biggest point gains", "Identity actions …". */
export function actionsTitle(opts: ActionsCardOptions, shown: number): string {
  if (opts.title) return opts.title;
  const order = opts.order ?? 'rank';
  const filters: string[] = [];
  if (opts.maxUserImpact) filters.push(`user impact ≤ ${opts.maxUserImpact}`);
  if (opts.maxImplementationCost) filters.push(`cost ≤ ${opts.maxImplementationCost}`);
  const suffix = filters.length ? ` (${filters.join(', ')})` : '';
  if (opts.category) return `${opts.category} actions${suffix}`;
  const base = order === 'quickWins' ? 'Quick wins' : order === 'points' ? 'Biggest point gains' : `Top ${shown} actions — security center order`;
  return `${base}${suffix}`;
}

export function buildActionsCard(actions: ActionItem[], opts: ActionsCardOptions = {}): ActionsCardViewModel {
  const order = opts.order ?? 'rank';
  const from: ListContext = {
    view: 'actions',
    order,
    count: opts.count ?? actions.length,
    category: opts.category,
    maxUserImpact: opts.maxUserImpact,
    maxImplementationCost: opts.maxImplementationCost,
  };
  const others: ActionOrder[] = (['rank', 'quickWins', 'points'] as ActionOrder[]).filter((o) => o !== order);
  const label: Record<ActionOrder, string> = { rank: 'Security center order', quickWins: 'Quick wins', points: 'Biggest gains' };
  return {
    title: actionsTitle(opts, actions.length),
    subtitle: ORDER_SUBTITLE[order],
    hasActions: actions.length > 0,
    noActionsText: opts.category || opts.maxUserImpact || opts.maxImplementationCost ? 'No open actions match.' : 'No open actions: every action is done or not part of the score.',
    actions: actions.map((a, i) => actionRow(a, i, from)),
    buttons: others.map((o) => button(label[o], actionData('topActions', { order: o, count: opts.count ?? 5, category: opts.category }))),
  };
}

export function actionsCard(actions: ActionItem[], opts: ActionsCardOptions = {}): AdaptiveCard {
  return renderCard('actions', buildActionsCard(actions, opts));
}
