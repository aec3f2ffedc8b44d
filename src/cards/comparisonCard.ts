/** Ours against all tenants and against organisations of a similar seat count. */
import type { Category } from '../scoring/model';
import type { ComparisonSummary, ScoreSummary } from '../scoring/results';
import { actionData } from './actionData';
import { comparisonLabel, NO_COMPARISON_TEXT, usableComparisons } from './comparisonText';
import { formatDate, formatPercent, formatPoints, formatSeatRange, formatSignedPercentPoints, DASH } from './format';
import { button, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

/**
 * results.ts's ComparisonSummary has no per-category averages today; model.ts's Comparison has them.
 * If scoring adds `categories` (same shape as Comparison.categories) they are shown, otherwise the
 * per-category table is simply left out.
 */
export type ComparisonWithCategories = ComparisonSummary & {
  categories?: Partial<Record<Category, { score: number; max: number }>>;
};

export interface ComparisonCardViewModel {
  title: string;
  asOfText: string;
  ourText: string;
  hasComparisons: boolean;
  noComparisonText: string;
  rows: { label: string; averageText: string; differenceText: string; differenceColor: 'Good' | 'Attention' | 'Default' }[];
  hasCategoryRows: boolean;
  similarHeader: string;
  categoryRows: { name: string; ourText: string; allText: string; similarText: string }[];
  buttons: ButtonVm[];
}

function differenceText(c: ComparisonSummary): string {
  const d = c.differencePercent;
  if (d === null) return 'Difference unknown';
  if (Math.round(d * 10) === 0) return 'We are level';
  const gap = formatSignedPercentPoints(Math.abs(d)).replace(/^\+/, '');
  return d > 0 ? `We are ${gap} ahead` : `We are ${gap} behind`;
}

function categoryPercent(c: ComparisonWithCategories | undefined, cat: Category): string {
  const v = c?.categories?.[cat];
  if (!v || !(v.max > 0)) return DASH;
  return formatPercent((v.score / v.max) * 100);
}

export function buildComparisonCard(summary: ScoreSummary): ComparisonCardViewModel {
  const usable = usableComparisons(summary.comparisons) as ComparisonWithCategories[];
  const all = usable.find((c) => c.basis === 'AllTenants');
  const similar = usable.find((c) => c.basis === 'TotalSeats');
  const withCategories = [all, similar].some((c) => c?.categories && Object.keys(c.categories).length > 0);
  return {
    title: 'How we compare',
    asOfText: `Data as of ${formatDate(summary.asOf)} · averages as Microsoft reports them`,
    ourText: `${formatPercent(summary.total.percent)} (${formatPoints(summary.total.score)} pts)`,
    hasComparisons: usable.length > 0,
    noComparisonText: NO_COMPARISON_TEXT,
    rows: usable.map((c) => ({
      label: comparisonLabel(c),
      averageText: formatPercent(c.averagePercent),
      differenceText: differenceText(c),
      differenceColor: c.differencePercent === null || Math.round(c.differencePercent * 10) === 0 ? 'Default' : c.differencePercent > 0 ? 'Good' : 'Attention',
    })),
    hasCategoryRows: withCategories,
    similarHeader: similar?.seatRange ? `Similar size (${formatSeatRange(similar.seatRange)})` : 'Similar size',
    categoryRows: withCategories
      ? summary.categories.map((c) => ({
          name: c.category,
          ourText: formatPercent(c.percent),
          allText: categoryPercent(all, c.category),
          similarText: categoryPercent(similar, c.category),
        }))
      : [],
    buttons: [button('Score', actionData('score', {})), button('Top actions', actionData('topActions', { order: 'rank', count: 5 }))],
  };
}

export function comparisonCard(summary: ScoreSummary): AdaptiveCard {
  return renderCard('comparison', buildComparisonCard(summary));
}
