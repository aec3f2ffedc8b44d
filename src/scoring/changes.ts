/**
 * What changed between two score days, control by control: the "what moved?" answer and the basis of
 * drop alerts. Only controls whose score moved are listed.
 */
import type { ControlProfile, ScoreDay, TenantData } from './model';
import type { ChangeReport, ControlChange } from './results';
import { controlMax, prettifyControlId } from './controlMax';
import { addDays, utcDateOf } from './dates';
import { percentOf, round2 } from './numbers';
import { profileIndex } from './actions';

/**
 * A regression is a loss worth calling out by name: a control that had its full points (max known and
 * score ≥ max) and lost some, or one that fell from something to nothing. Those are the changes that
 * usually mean a setting was switched off, not a partial drift such as one more user without MFA.
 */
function isRegression(before: number, after: number, maxBefore: number | null): boolean {
  if (after >= before) return false;
  if (maxBefore !== null && maxBefore > 0 && before >= maxBefore) return true;
  return before > 0 && after === 0;
}

/**
 * Compares two days. A control present on only one side counts as 0 on the other (a newly scored
 * control is a gain, a control that left the score a loss), so the per-control deltas add up to the
 * total delta whenever the controls sum to currentScore, as they do in real data.
 */
export function compareDays(from: ScoreDay, to: ScoreDay, profiles: ControlProfile[]): ChangeReport {
  const byId = profileIndex(profiles);
  const fromControls = new Map(from.controls.map((c) => [c.controlId, c]));
  const toControls = new Map(to.controls.map((c) => [c.controlId, c]));
  const ids = new Set([...fromControls.keys(), ...toControls.keys()]);
  const changes: ControlChange[] = [];
  for (const id of ids) {
    const a = fromControls.get(id);
    const b = toControls.get(id);
    const before = a?.score ?? 0;
    const after = b?.score ?? 0;
    const delta = round2(after - before);
    if (delta === 0) continue;
    const profile = byId.get(id);
    changes.push({
      controlId: id,
      title: profile?.title ?? prettifyControlId(id),
      category: profile?.category ?? b?.category ?? a?.category ?? 'Apps',
      before,
      after,
      delta,
      regression: isRegression(before, after, controlMax(a, profile)),
    });
  }
  const byTitle = (x: ControlChange, y: ControlChange) => x.title.localeCompare(y.title, 'en');
  const gained = changes.filter((c) => c.delta > 0).sort((x, y) => y.delta - x.delta || byTitle(x, y));
  const lost = changes.filter((c) => c.delta < 0).sort((x, y) => x.delta - y.delta || byTitle(x, y));
  return {
    fromDate: from.date,
    toDate: to.date,
    before: { score: round2(from.currentScore), max: round2(from.maxScore), percent: percentOf(from.currentScore, from.maxScore) },
    after: { score: round2(to.currentScore), max: round2(to.maxScore), percent: percentOf(to.currentScore, to.maxScore) },
    delta: round2(to.currentScore - from.currentScore),
    gained,
    lost,
    regressions: lost.filter((c) => c.regression),
    maxDelta: round2(to.maxScore - from.maxScore),
  };
}

/**
 * Changes over the last `days` days: the newest day (not after `now`) against the day `days` before
 * it, or the nearest older day when that one is missing. When history is shorter than the period, the
 * oldest day we have is used: "since we started tracking" is a better answer than none. Null with
 * fewer than two days.
 */
export function changesOverPeriod(data: TenantData, days: number, now: Date): ChangeReport | null {
  const today = utcDateOf(now);
  const usable = data.days.filter((d) => d.date <= today); // newest first
  if (usable.length < 2) return null;
  const newest = usable[0];
  const period = Number.isFinite(days) && days > 0 ? Math.floor(days) : 1;
  const target = addDays(newest.date, -period);
  const from = usable.find((d) => d.date <= target) ?? usable[usable.length - 1];
  return compareDays(from, newest, data.profiles);
}
