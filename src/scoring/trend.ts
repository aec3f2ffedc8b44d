/**
 * The score over a window of days, for the trend chart and "how did we do this month". Only days
 * Graph actually reported are used: a missing day is not a zero.
 */
import type { ScoreDay } from './model';
import type { Trend, TrendPoint } from './results';
import { addDays, utcDateOf } from './dates';
import { percentOf, round2 } from './numbers';

/**
 * Days in [now − windowDays, now] (UTC dates, both ends included), oldest first. min and max are the
 * first day that reached them, so "lowest on 3 Dec" names when it happened first. change is null with
 * fewer than two points: one day says nothing about a trend.
 */
export function computeTrend(days: ScoreDay[], windowDays: number, now: Date): Trend {
  const window = Number.isFinite(windowDays) && windowDays > 0 ? Math.floor(windowDays) : 0;
  const to = utcDateOf(now);
  const from = addDays(to, -window);
  const points: TrendPoint[] = days
    .filter((d) => d.date >= from && d.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((d) => ({ date: d.date, score: round2(d.currentScore), max: round2(d.maxScore), percent: percentOf(d.currentScore, d.maxScore) }));
  if (points.length === 0) return { days: window, points, start: null, end: null, min: null, max: null, change: null };
  let min = points[0];
  let max = points[0];
  for (const p of points) {
    if (p.score < min.score) min = p;
    if (p.score > max.score) max = p;
  }
  const start = points[0];
  const end = points[points.length - 1];
  return { days: window, points, start, end, min, max, change: points.length > 1 ? round2(end.score - start.score) : null };
}
