/** Score over time: a line chart (desktop/web) with a text table for clients that cannot draw it. */
import type { Trend, TrendPoint } from '../scoring/results';
import { actionData } from './actionData';
import { formatDate, formatDateRange, formatPercent, formatPoints, formatPointsLabel, formatShortDate } from './format';
import { button, fact, type ButtonVm, type FactVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface ChartPoint {
  x: string;
  y: number;
}

/** The chart part, shared with the digest. */
export interface TrendChartVm {
  hasChart: boolean;
  chartTitle: string;
  chartValues: ChartPoint[];
  fallbackText: string;
  fallbackRows: FactVm[];
}

export interface TrendCardViewModel extends TrendChartVm {
  title: string;
  periodLabel: string;
  hasData: boolean;
  noDataText: string;
  facts: FactVm[];
  buttons: ButtonVm[];
}

export interface TrendCardOptions {
  /** "Last 30 days"; the date range is added. */
  periodLabel?: string;
  /** Rows in the text fallback (sampled evenly, first and last always kept). */
  fallbackRows?: number;
}

function pointText(p: TrendPoint | null): string {
  if (!p) return '—';
  return `${formatPoints(p.score)} pts (${formatPercent(p.percent)}) on ${formatDate(p.date)}`;
}

/** Evenly spaced picks that always include both ends. */
export function sample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  if (count <= 1) return items.slice(-1);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))]);
  return out;
}

export function buildTrendChart(trend: Trend, rows = 8): TrendChartVm {
  const points = trend.points;
  return {
    hasChart: points.length >= 2,
    chartTitle: 'Secure Score (points)',
    chartValues: points.map((p) => ({ x: formatShortDate(p.date), y: p.score })),
    fallbackText:
      trend.start && trend.end
        ? `${formatPoints(trend.start.score)} → ${formatPoints(trend.end.score)} pts (${formatPointsLabel(trend.change, true)})`
        : 'No score history yet.',
    fallbackRows: sample(points, rows).map((p) => fact(formatDate(p.date), `${formatPoints(p.score)} pts · ${formatPercent(p.percent)}`)),
  };
}

export function buildTrendCard(trend: Trend, opts: TrendCardOptions = {}): TrendCardViewModel {
  const label = opts.periodLabel ?? `Last ${trend.days} days`;
  const range = trend.start && trend.end ? ` (${formatDateRange(trend.start.date, trend.end.date)})` : '';
  const hasData = trend.points.length > 0;
  return {
    ...buildTrendChart(trend, opts.fallbackRows),
    title: 'Secure Score trend',
    periodLabel: `${label}${range}`,
    hasData,
    noDataText: 'No score history yet: the first daily score arrives within a day of connecting.',
    facts: hasData
      ? [
          fact('Start', pointText(trend.start)),
          fact('Now', pointText(trend.end)),
          fact('Change', formatPointsLabel(trend.change, true)),
          fact('Lowest', pointText(trend.min)),
          fact('Highest', pointText(trend.max)),
        ]
      : [],
    buttons: [
      button('7 days', actionData('trend', { days: 7 })),
      button('30 days', actionData('trend', { days: 30 })),
      button('90 days', actionData('trend', { days: 90 })),
    ],
  };
}

export function trendCard(trend: Trend, opts: TrendCardOptions = {}): AdaptiveCard {
  return renderCard('trend', buildTrendCard(trend, opts));
}
