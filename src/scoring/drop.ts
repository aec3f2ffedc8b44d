/**
 * Drop alerts: tell the team the day the score falls, not a week later in the digest. Deterministic
 * so the sender can claim each drop exactly once however often the check runs.
 */
import type { ControlProfile, ScoreDay } from './model';
import type { DropAlert } from './results';
import { controlMax } from './controlMax';
import { compareDays } from './changes';
import { profileIndex } from './actions';

/**
 * Fires when the total fell by at least `thresholdPoints`, or when any control that had its full
 * points lost some (a switched-off setting matters even when it is worth 1 point). Null otherwise,
 * and null when the two days are not two different days of the same tenant, in order.
 */
export function detectDrop(prev: ScoreDay, cur: ScoreDay, profiles: ControlProfile[], thresholdPoints = 5): DropAlert | null {
  if (prev.tenantId !== cur.tenantId || prev.date >= cur.date) return null;
  const threshold = Number.isFinite(thresholdPoints) && thresholdPoints > 0 ? thresholdPoints : 5;
  const report = compareDays(prev, cur, profiles);
  const byId = profileIndex(profiles);
  const prevControls = new Map(prev.controls.map((c) => [c.controlId, c]));
  const lostFullControls = report.lost.filter((c) => {
    const max = controlMax(prevControls.get(c.controlId), byId.get(c.controlId));
    return max !== null && max > 0 && c.before >= max;
  });
  if (report.delta > -threshold && lostFullControls.length === 0) return null;
  return {
    fromDate: prev.date,
    toDate: cur.date,
    delta: report.delta,
    lostFullControls,
    dropId: `${cur.tenantId}:${prev.date}->${cur.date}`,
  };
}
