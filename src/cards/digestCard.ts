/**
 * The weekly digest. It leads with what changed (score now, change since the last digest, gained and
 * lost controls, regressions), then the trend, peers, the top actions and this week's notes.
 *
 * A digest that is too large is not delivered at all (413), so digestCard() shrinks it step by step
 * (shorter lists, shorter titles, no chart) until it fits, and the header facts always stay.
 */
import type { ActionItem, ChangeReport, ScoreSummary, Trend } from '../scoring/results';
import { actionData } from './actionData';
import { changeLists, type ChangeListsVm } from './changeRows';
import { maxChangeText } from './changesCard';
import { comparisonLabel, comparisonSummaryText, NO_COMPARISON_TEXT, usableComparisons } from './comparisonText';
import { formatDate, formatPercent, formatPoints, formatPointsLabel, formatShortDate, plural } from './format';
import { actionRow, button, changeColor, type ActionRowVm, type ButtonVm } from './parts';
import { cardSize, MAX_CARD_SIZE, renderCard, type AdaptiveCard } from './render';
import { buildTrendChart, type TrendChartVm } from './trendCard';

export interface DigestInput {
  summary: ScoreSummary;
  /** Since the last digest (or the last 7 days); null when there is no earlier day to compare. */
  changes: ChangeReport | null;
  trend: Trend;
  /** Open actions by points available, largest first (the first 5 are shown). */
  topActions: ActionItem[];
  notesThisWeek: number;
  /** "Week 49 · 30 Nov – 6 Dec 2026" */
  periodLabel: string;
}

export interface DigestViewModel extends ChangeListsVm, TrendChartVm {
  title: string;
  periodLabel: string;
  scoreText: string;
  maxText: string;
  percentText: string;
  changeText: string;
  changeColor: 'Good' | 'Attention' | 'Default';
  hasMaxChange: boolean;
  maxChangeText: string;
  hasNoChanges: boolean;
  noChangesText: string;
  hasTrend: boolean;
  trendTitle: string;
  hasComparisons: boolean;
  comparisons: { label: string; summaryText: string }[];
  noComparisonText: string;
  actionsTitle: string;
  hasActions: boolean;
  actions: ActionRowVm[];
  footerText: string;
  buttons: ButtonVm[];
}

/** How much of the digest to include; digestCard walks DIGEST_LEVELS from fullest to smallest. */
export interface DigestLevel {
  changeRows: number;
  actions: number;
  chart: boolean;
  titleMax: number;
}

export const DIGEST_LEVELS: DigestLevel[] = [
  { changeRows: 10, actions: 5, chart: true, titleMax: 160 },
  { changeRows: 5, actions: 5, chart: true, titleMax: 120 },
  { changeRows: 5, actions: 5, chart: false, titleMax: 100 },
  { changeRows: 3, actions: 3, chart: false, titleMax: 80 },
  { changeRows: 1, actions: 3, chart: false, titleMax: 60 },
  { changeRows: 0, actions: 1, chart: false, titleMax: 40 },
];

const EMPTY_REPORT: ChangeReport = {
  fromDate: '',
  toDate: '',
  before: { score: 0, max: null, percent: null },
  after: { score: 0, max: null, percent: null },
  delta: 0,
  gained: [],
  lost: [],
  regressions: [],
  maxDelta: 0,
};

function changeHeadline(input: DigestInput): string {
  const c = input.changes;
  if (c) return `${formatPointsLabel(c.delta, true)} since ${formatShortDate(c.fromDate)}`;
  if (input.summary.change7d !== null) return `${formatPointsLabel(input.summary.change7d, true)} in 7 days`;
  return 'No earlier score to compare yet';
}

export function buildDigestCard(input: DigestInput, level: DigestLevel = DIGEST_LEVELS[0]): DigestViewModel {
  const { summary, changes } = input;
  const report = changes ?? EMPTY_REPORT;
  const lists = changeLists(report, level.changeRows, level.titleMax);
  const chart = buildTrendChart(input.trend, 6);
  const comparisons = usableComparisons(summary.comparisons);
  const actions = input.topActions.slice(0, level.actions);
  const delta = changes ? changes.delta : summary.change7d;
  return {
    ...lists,
    ...chart,
    hasChart: chart.hasChart && level.chart,
    // Without the chart, the fallback rows are not rendered; keep them out of the payload too.
    fallbackRows: level.chart ? chart.fallbackRows : [],
    title: 'Weekly Secure Score digest',
    periodLabel: input.periodLabel,
    scoreText: formatPoints(summary.total.score),
    maxText: formatPoints(summary.total.max),
    percentText: formatPercent(summary.total.percent),
    changeText: changeHeadline(input),
    changeColor: changeColor(delta),
    hasMaxChange: Boolean(changes && changes.maxDelta),
    maxChangeText: changes ? maxChangeText(changes.maxDelta) : '',
    hasNoChanges: changes !== null && changes.gained.length === 0 && changes.lost.length === 0,
    noChangesText: 'No control gained or lost points this week.',
    hasTrend: input.trend.points.length > 0,
    trendTitle: `Trend, last ${input.trend.days} days`,
    hasComparisons: comparisons.length > 0,
    comparisons: comparisons.map((c) => ({ label: comparisonLabel(c), summaryText: comparisonSummaryText(c) })),
    noComparisonText: NO_COMPARISON_TEXT,
    actionsTitle: `Top ${actions.length || ''} actions by points available`.replace('  ', ' '),
    hasActions: actions.length > 0,
    actions: actions.map((a, i) => actionRow(a, i, { view: 'digest' }, level.titleMax)),
    footerText:
      `${plural(input.notesThisWeek, 'note')} recorded this week · data as of ${formatDate(summary.asOf)}`,
    buttons: [button('Digest settings', actionData('digestSettings', {})), button('Unsubscribe', actionData('unsubscribe', {}))],
  };
}

/** The fullest digest that fits Teams' message size limit. */
export function digestCard(input: DigestInput): AdaptiveCard {
  let card: AdaptiveCard | null = null;
  for (const level of DIGEST_LEVELS) {
    card = renderCard('digest', buildDigestCard(input, level));
    if (cardSize(card) <= MAX_CARD_SIZE) return card;
  }
  return card as AdaptiveCard;
}
