/**
 * Implementation cost and user impact: normalising Graph's mixed vocabulary and the weights used to
 * rank quick wins and to plan towards a target. Kept in one place so "cheap" means the same thing in
 * the quick-wins list, the filters and the target planner.
 */
import type { Level } from './model';

/**
 * Graph sends Low, low, Moderate, moderate, Medium, medium, High, high, None, Unknown and null for the
 * same three-point scale. "Medium" is the portal's older word for "Moderate", so both map to Moderate.
 * Anything unrecognised is Unknown rather than a guess.
 */
export function normalizeLevel(value: unknown): Level {
  if (typeof value !== 'string') return 'Unknown';
  switch (value.trim().toLowerCase()) {
    case 'none':
      return 'None';
    case 'low':
      return 'Low';
    case 'moderate':
    case 'medium':
      return 'Moderate';
    case 'high':
      return 'High';
    default:
      return 'Unknown';
  }
}

/**
 * Effort weights for quick wins and target planning. Unknown counts as Moderate: most of the catalogue
 * says Unknown (140 of 200 profiles in the real heimdall2 page), and treating it as free would push
 * every Unknown action above honestly-labelled Low ones, while treating it as High would bury them.
 * None is 0.5 rather than 0 so that cost + impact is never 0 (no division by zero) and a None/None
 * action still beats a Low/Low one with the same points.
 */
export const LEVEL_WEIGHT: Record<Level, number> = {
  None: 0.5,
  Low: 1,
  Moderate: 2,
  High: 3,
  Unknown: 2,
};

/** Ordering used by the maxUserImpact / maxImplementationCost filters (Unknown sorts as Moderate). */
const LEVEL_ORDER: Record<Level, number> = { None: 0, Low: 1, Moderate: 2, High: 3, Unknown: 2 };

/** True when `level` is at most `limit` (Unknown treated as Moderate, for the reason above). */
export function levelAtMost(level: Level, limit: Level): boolean {
  return LEVEL_ORDER[level] <= LEVEL_ORDER[limit];
}

/** The effort of an action: implementation cost weight + user impact weight (1 … 6). */
export function effortOf(implementationCost: Level, userImpact: Level): number {
  return LEVEL_WEIGHT[implementationCost] + LEVEL_WEIGHT[userImpact];
}
