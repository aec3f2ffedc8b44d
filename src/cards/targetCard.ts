/** "How do we reach X?": the gap, whether it can be closed, and the cheapest actions that close it. */
import type { TargetPlan } from '../scoring/results';
import { actionData } from './actionData';
import { pointsWithPercent } from './changeRows';
import { formatPercent, formatPoints, formatPointsLabel, plural } from './format';
import { actionRow, button, type ActionRowVm, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface TargetCardViewModel {
  title: string;
  targetText: string;
  currentText: string;
  gapText: string;
  statusText: string;
  statusStyle: 'good' | 'attention';
  statusColor: 'Good' | 'Attention';
  hasActions: boolean;
  actionsTitle: string;
  actions: ActionRowVm[];
  hasMore: boolean;
  moreText: string;
  totalText: string;
  buttons: ButtonVm[];
}

/** When scoring could not use the target at all; normally the bot answers in text, this is the card's wording. */
const INVALID_TEXT: Record<NonNullable<TargetPlan['invalidReason']>, (p: TargetPlan) => string> = {
  noData: () => 'There is no score yet to plan from.',
  missing: () => 'Name a target, for example 60% or 180 points.',
  notPositive: () => 'A target has to be above zero.',
  aboveMax: (p) => `The target is above the maximum score${p.current.max ? ` (${formatPoints(p.current.max)} pts)` : ''}.`,
};

/** Rows listed before "…and N more" (an unreachable target lists every open action). */
const MAX_ROWS = 15;

export function buildTargetCard(plan: TargetPlan, opts: { maxRows?: number } = {}): TargetCardViewModel {
  const maxRows = opts.maxRows ?? MAX_ROWS;
  const targetLabel = plan.target.percent !== null ? formatPercent(plan.target.percent) : `${formatPoints(plan.target.points)} pts`;
  const after = plan.current.score + plan.pointsGained;
  const afterPercent = plan.current.max && plan.current.max > 0 ? (after / plan.current.max) * 100 : null;
  let statusText: string;
  let status: 'good' | 'attention';
  if (plan.invalidReason) {
    statusText = INVALID_TEXT[plan.invalidReason](plan);
    status = 'attention';
  } else if (plan.alreadyMet) {
    statusText = `Already there: the score is at or above ${targetLabel}.`;
    status = 'good';
  } else if (plan.reachable) {
    statusText = `Reachable with ${plural(plan.actions.length, 'action')} below.`;
    status = 'good';
  } else {
    const best = plan.current.score + plan.maxReachable;
    statusText =
      `Out of reach: all open actions together add at most ${formatPointsLabel(plan.maxReachable)}, ` +
      `which gets to ${pointsWithPercent(best, plan.current.max ? (best / plan.current.max) * 100 : null)}. ` +
      'The actions below get as close as possible.';
    status = 'attention';
  }
  return {
    title: `Reaching ${targetLabel}`,
    targetText: pointsWithPercent(plan.target.points, plan.target.percent),
    currentText: pointsWithPercent(plan.current.score, plan.current.percent),
    gapText: plan.alreadyMet ? 'None' : plan.invalidReason ? '—' : formatPointsLabel(plan.gap),
    statusText,
    statusStyle: status,
    statusColor: status === 'good' ? 'Good' : 'Attention',
    hasActions: plan.actions.length > 0,
    actionsTitle: plan.reachable ? 'Cheapest actions that close the gap (most points per effort first)' : 'Every open action, most points per effort first',
    actions: plan.actions.slice(0, maxRows).map((a, i) => actionRow(a, i, { view: 'target' })),
    hasMore: plan.actions.length > maxRows,
    moreText: `…and ${plural(plan.actions.length - maxRows, 'more action')}.`,
    totalText: `Total: ${formatPointsLabel(plan.pointsGained, true)} from ${plural(plan.actions.length, 'action')} → ${pointsWithPercent(after, afterPercent)}`,
    buttons: [button('Quick wins', actionData('topActions', { order: 'quickWins', count: 5 })), button('Score', actionData('score', {}))],
  };
}

export function targetCard(plan: TargetPlan, opts: { maxRows?: number } = {}): AdaptiveCard {
  return renderCard('target', buildTargetCard(plan, opts));
}
