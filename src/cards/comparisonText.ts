/**
 * How a peer comparison is named and summed up, shared by the score, comparison and digest cards so the
 * three never word the same number differently.
 */
import type { ComparisonSummary } from '../scoring/results';
import { formatPercent, formatSeatRange, formatSignedPercentPoints } from './format';

/**
 * Scoring's label ("All tenants", "Similar size (1–100 seats)", "Same industry") so chat and cards name
 * a peer group the same way; built here only when a result comes without one.
 */
export function comparisonLabel(c: ComparisonSummary): string {
  if (c.label) return c.label;
  switch (c.basis) {
    case 'AllTenants':
      return 'All tenants';
    case 'TotalSeats': {
      const range = formatSeatRange(c.seatRange);
      return range ? `Similar size (${range})` : 'Similar size';
    }
    case 'IndustryTypes':
      return 'Same industry';
    default:
      return c.label || String(c.basis);
  }
}

/** "41.2% average · we are 5.5 pp ahead" (or "behind", or "level"). */
export function comparisonSummaryText(c: ComparisonSummary): string {
  const avg = `${formatPercent(c.averagePercent)} average`;
  if (c.differencePercent === null || c.averagePercent === null) return avg;
  const diff = c.differencePercent;
  if (Math.round(diff * 10) === 0) return `${avg} · we are level`;
  const gap = formatSignedPercentPoints(Math.abs(diff)).replace(/^\+/, '');
  return `${avg} · we are ${gap} ${diff > 0 ? 'ahead' : 'behind'}`;
}

/** Comparisons worth showing: one with no usable average says nothing. */
export function usableComparisons(list: ComparisonSummary[] | null | undefined): ComparisonSummary[] {
  return (list ?? []).filter((c) => c.averagePercent !== null);
}

export const NO_COMPARISON_TEXT = 'Graph returned no comparison data.';
