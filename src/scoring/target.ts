/**
 * "What do we need to do to reach 60 %?" — the cheapest set of open actions that reaches a target.
 *
 * Exact minimum-cost cover is a knapsack problem; with a few hundred actions of a few points each a
 * greedy answer is what a person would do anyway and is easy to explain on a card: take the actions
 * with the lowest effort per point first (effort = cost weight + impact weight, the quick-win table in
 * levels.ts); whenever one action could close the remaining gap alone for no more effort than the next
 * greedy pick, take it and stop; then drop any chosen action the target no longer needs, most
 * effortful first (a big late pick can make small early ones redundant).
 */
import type { TenantData } from './model';
import type { ActionItem, TargetPlan } from './results';
import { compareByRank, listActions } from './actions';
import { effortOf } from './levels';
import { percentOf, round1, round2 } from './numbers';

export interface TargetRequest {
  points?: number;
  percent?: number;
}

/** Tolerance for comparing sums of two-decimal points. */
const EPS = 1e-9;

const effort = (a: ActionItem) => effortOf(a.implementationCost, a.userImpact);
const effortPerPoint = (a: ActionItem) => effort(a) / a.pointsAvailable;

/** Cheapest per point first; then bigger gains, then the security center's order, for stable ties. */
function compareCheapest(a: ActionItem, b: ActionItem): number {
  return effortPerPoint(a) - effortPerPoint(b) || b.pointsAvailable - a.pointsAvailable || compareByRank(a, b);
}

function sum(actions: ActionItem[]): number {
  return round2(actions.reduce((s, a) => s + a.pointsAvailable, 0));
}

export function planToTarget(data: TenantData, target: TargetRequest): TargetPlan {
  const day = data.days[0];
  const currentScore = day ? round2(day.currentScore) : 0;
  const maxScore = day ? round2(day.maxScore) : 0;
  const current = { score: currentScore, max: day ? maxScore : null, percent: day ? percentOf(currentScore, maxScore) : null };
  const open = day ? listActions(data, { order: 'rank' }).sort(compareCheapest) : [];
  const maxReachable = sum(open);

  const hasPoints = typeof target.points === 'number' && Number.isFinite(target.points);
  const hasPercent = typeof target.percent === 'number' && Number.isFinite(target.percent);
  const points = hasPoints ? round2(target.points!) : hasPercent ? round2((target.percent! / 100) * maxScore) : NaN;
  const percent = hasPercent && !hasPoints ? round1(target.percent!) : Number.isFinite(points) ? percentOf(points, maxScore) : null;

  const invalid = (reason: NonNullable<TargetPlan['invalidReason']>): TargetPlan => ({
    target: { points: Number.isFinite(points) ? points : 0, percent },
    current,
    reachable: false,
    alreadyMet: false,
    gap: Number.isFinite(points) ? Math.max(0, round2(points - currentScore)) : 0,
    actions: [],
    pointsGained: 0,
    maxReachable,
    invalidReason: reason,
  });
  if (!day) return invalid('noData');
  if (!hasPoints && !hasPercent) return invalid('missing');
  if ((hasPoints && target.points! <= 0) || (!hasPoints && target.percent! <= 0)) return invalid('notPositive');
  if ((hasPercent && !hasPoints && target.percent! > 100) || points > maxScore + EPS) return invalid('aboveMax');

  const base = { target: { points, percent }, current, maxReachable };
  const gap = round2(points - currentScore);
  if (gap <= EPS) return { ...base, reachable: true, alreadyMet: true, gap: 0, actions: [], pointsGained: 0 };

  if (maxReachable + EPS < gap) {
    // Best effort: everything open, cheapest first, and how far it gets.
    return { ...base, reachable: false, alreadyMet: false, gap, actions: open, pointsGained: maxReachable };
  }

  const chosen: ActionItem[] = [];
  const remaining = [...open];
  let total = 0;
  while (total + EPS < gap && remaining.length > 0) {
    const next = remaining[0];
    // A finisher: the least effortful single action that closes the rest of the gap on its own. Pure
    // greedy would add the next cheap-per-point action even when one small, easy action finishes the job.
    const left = gap - total;
    let finisher: ActionItem | undefined;
    for (const a of remaining) {
      if (a.pointsAvailable + EPS < left) continue;
      if (!finisher || effort(a) < effort(finisher)) finisher = a; // remaining is already in cheapest order
    }
    const pick = finisher && effort(finisher) <= effort(next) ? finisher : next;
    chosen.push(pick);
    remaining.splice(remaining.indexOf(pick), 1);
    total += pick.pointsAvailable;
  }
  // Pruning pass: most effortful first, drop an action when the rest still reach the target.
  const byEffortDesc = [...chosen].sort((a, b) => effort(b) - effort(a) || a.pointsAvailable - b.pointsAvailable);
  const kept = new Set(chosen);
  for (const action of byEffortDesc) {
    if (total - action.pointsAvailable + EPS >= gap) {
      kept.delete(action);
      total -= action.pointsAvailable;
    }
  }
  const actions = chosen.filter((a) => kept.has(a)).sort(compareCheapest);
  return { ...base, reachable: true, alreadyMet: false, gap, actions, pointsGained: sum(actions) };
}
