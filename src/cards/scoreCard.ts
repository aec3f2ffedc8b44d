/** The answer to "what's our score": total, 7-day change, categories, peers, top 3 actions. */
import type { ScoreSummary } from '../scoring/results';
import { actionData } from './actionData';
import { comparisonLabel, comparisonSummaryText, NO_COMPARISON_TEXT, usableComparisons } from './comparisonText';
import { formatDate, formatPercent, formatPoints, formatPointsLabel, formatPointsOfMax } from './format';
import { actionRow, button, changeColor, type ActionRowVm, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface ScoreCardViewModel {
  title: string;
  scoreText: string;
  maxText: string;
  percentText: string;
  asOfText: string;
  changeText: string;
  changeColor: 'Good' | 'Attention' | 'Default';
  hasCategories: boolean;
  categories: { name: string; pointsText: string; percentText: string }[];
  hasComparisons: boolean;
  comparisons: { label: string; summaryText: string }[];
  noComparisonText: string;
  hasTopActions: boolean;
  topActions: ActionRowVm[];
  noActionsText: string;
  buttons: ButtonVm[];
}

export interface ScoreCardOptions {
  title?: string;
  /** How many top actions to list (3 by default). */
  topCount?: number;
}

export function buildScoreCard(summary: ScoreSummary, opts: ScoreCardOptions = {}): ScoreCardViewModel {
  const top = summary.topActions.slice(0, opts.topCount ?? 3);
  const comparisons = usableComparisons(summary.comparisons);
  return {
    title: opts.title ?? 'Microsoft Secure Score',
    scoreText: formatPoints(summary.total.score),
    maxText: formatPoints(summary.total.max),
    percentText: formatPercent(summary.total.percent),
    asOfText: `Data as of ${formatDate(summary.asOf)}`,
    changeText:
      summary.change7d === null ? 'No 7-day history yet' : `${formatPointsLabel(summary.change7d, true)} in 7 days`,
    changeColor: changeColor(summary.change7d),
    hasCategories: summary.categories.length > 0,
    categories: summary.categories.map((c) => ({
      name: c.category,
      pointsText: formatPointsOfMax(c.score, c.max, c.knownMax),
      percentText: formatPercent(c.percent),
    })),
    hasComparisons: comparisons.length > 0,
    comparisons: comparisons.map((c) => ({ label: comparisonLabel(c), summaryText: comparisonSummaryText(c) })),
    noComparisonText: NO_COMPARISON_TEXT,
    hasTopActions: top.length > 0,
    topActions: top.map((a, i) => actionRow(a, i, { view: 'score' })),
    noActionsText: summary.openActionCount === 0 && summary.completedActionCount > 0 ? 'Every action is done.' : 'No open actions found.',
    buttons: [
      button('Top actions', actionData('topActions', { order: 'rank', count: 5 })),
      button('Trend', actionData('trend', { days: 30 })),
    ],
  };
}

export function scoreCard(summary: ScoreSummary, opts: ScoreCardOptions = {}): AdaptiveCard {
  return renderCard('score', buildScoreCard(summary, opts));
}
