/**
 * The one-glance summary behind the chat "score" answer and the digest: total, per category, peers,
 * the 7-day change and the top open actions. Every percentage is one decimal and null (never NaN)
 * when there is nothing to divide by.
 */
import { CATEGORIES, type Category, type Comparison, type ScoreDay, type TenantData } from './model';
import type { CategorySummary, ComparisonSummary, ScoreSummary } from './results';
import { actionEntries, listActions, profileIndex } from './actions';
import { controlMax } from './controlMax';
import { addDays } from './dates';
import { percentOf, round1, round2 } from './numbers';

/**
 * Points per category from today's controlScores (they sum to currentScore in real data) and the max
 * from each control's profile or scoreInPercentage (controlMax.ts). A category whose controls all have
 * a known max gets max and percent; if any max is unknown, max and percent are null (a partial max
 * would overstate the percentage), knownMax keeps the lower bound and unknownMaxControls says why.
 * A category with no controls at all (e.g. Device for a tenant without Intune) is 0 of 0 with a null
 * percent: it is listed so every card has the same five rows, and 0 % would wrongly read as "failing".
 */
export function summarizeCategories(day: ScoreDay, data: TenantData): CategorySummary[] {
  const profiles = profileIndex(data.profiles);
  const acc = new Map<Category, { score: number; knownMax: number; unknown: number }>(
    CATEGORIES.map((c) => [c, { score: 0, knownMax: 0, unknown: 0 }]),
  );
  for (const control of day.controls) {
    const a = acc.get(control.category)!;
    a.score += control.score;
    const max = controlMax(control, profiles.get(control.controlId));
    if (max === null) a.unknown += 1;
    else a.knownMax += max;
  }
  return CATEGORIES.map((category) => {
    const a = acc.get(category)!;
    const score = round2(a.score);
    const knownMax = round2(a.knownMax);
    const max = a.unknown === 0 ? knownMax : null;
    return { category, score, max, percent: percentOf(score, max), unknownMaxControls: a.unknown, knownMax };
  });
}

/** "Similar size (1–100 seats)" when Graph gave the range, "Similar size" otherwise. */
export function comparisonLabel(c: Pick<Comparison, 'basis' | 'seatRange'>): string {
  switch (c.basis) {
    case 'AllTenants':
      return 'All tenants';
    case 'TotalSeats':
      return c.seatRange ? `Similar size (${c.seatRange.lower}\u2013${c.seatRange.upper} seats)` : 'Similar size';
    case 'IndustryTypes':
      return 'Same industry';
  }
}

/**
 * Peers, in a fixed order. The difference is computed from the two rounded percentages the card
 * shows, so "46.7 % vs 54.7 %" always reads as −8.0 and never as −7.9.
 */
export function summarizeComparisons(day: ScoreDay, ourPercent: number | null): ComparisonSummary[] {
  const order = ['AllTenants', 'TotalSeats', 'IndustryTypes'];
  return [...day.comparisons]
    .sort((a, b) => order.indexOf(a.basis) - order.indexOf(b.basis))
    .map((c) => {
      const averagePercent = c.averagePercent === null ? null : round1(c.averagePercent);
      return {
        basis: c.basis,
        label: comparisonLabel(c),
        averagePercent,
        differencePercent: averagePercent === null || ourPercent === null ? null : round1(ourPercent - averagePercent),
        seatRange: c.seatRange,
      };
    });
}

/**
 * Points gained over the last 7 days: newest minus the day exactly 7 days earlier; when that day is
 * missing (Graph skips days), the oldest day inside the 7-day window, so a gap still gives an answer
 * over the longest span we have. Null when no other day falls in the window.
 */
export function change7d(days: ScoreDay[]): number | null {
  if (days.length < 2) return null;
  const newest = days[0];
  const from = addDays(newest.date, -7);
  const exact = days.find((d) => d.date === from);
  const inWindow = days.filter((d) => d.date >= from && d.date < newest.date);
  const base = exact ?? inWindow[inWindow.length - 1]; // days are newest first: last = oldest
  return base ? round2(newest.currentScore - base.currentScore) : null;
}

export interface SummaryOptions {
  /** How many open actions to include, in rank order (default 5). */
  topCount?: number;
}

/** Null when the tenant has no score days yet (a new tenant: Graph answers `value: []`). */
export function summarize(data: TenantData, opts: SummaryOptions = {}): ScoreSummary | null {
  const day = data.days[0];
  if (!day) return null;
  const percent = percentOf(day.currentScore, day.maxScore);
  const entries = actionEntries(data);
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  return {
    tenantId: data.tenantId,
    asOf: day.date,
    total: { score: round2(day.currentScore), max: round2(day.maxScore), percent },
    categories: summarizeCategories(day, data),
    comparisons: summarizeComparisons(day, percent),
    change7d: change7d(data.days),
    openActionCount: count('open'),
    completedActionCount: count('completed'),
    unknownMaxActionCount: count('unknownMax'),
    resolvedActionCount: count('resolved'),
    topActions: listActions(data, { order: 'rank', count: opts.topCount ?? 5 }),
  };
}
