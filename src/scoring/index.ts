/**
 * The public API of the pure scoring module. Chat commands, cards and the digest call only these;
 * nothing here does I/O or reads the clock (pass `now` in).
 */
export * from './model';
export * from './results';
export { htmlToText, toPlainInline, decodeEntities } from './html';
export {
  buildTenantData,
  normalizeScores,
  normalizeProfiles,
  normalizeScoreDay,
  normalizeProfile,
  normalizeComparison,
  normalizeControlScore,
  normalizeCategory,
  normalizeState,
  normalizeThreats,
  averagePercentFrom,
  isIsoDate,
  type BuildOptions,
} from './normalize';
export { normalizeLevel, levelAtMost, effortOf, LEVEL_WEIGHT } from './levels';
export { parseNumber, percentOf, round1, round2 } from './numbers';
export { controlMax, prettifyControlId, UNRANKED } from './controlMax';
export { summarize, summarizeCategories, summarizeComparisons, comparisonLabel, change7d, type SummaryOptions } from './summary';
export {
  listActions,
  getActionDetail,
  actionEntries,
  quickWinValue,
  compareByRank,
  compareByPoints,
  compareByQuickWin,
  type ActionEntry,
  type ActionStatus,
} from './actions';
export { computeTrend } from './trend';
export { compareDays, changesOverPeriod } from './changes';
export { planToTarget, type TargetRequest } from './target';
export { findActions, resolveAction, MATCH_THRESHOLD, CLEAR_GAP, type ResolveResult } from './search';
export { detectDrop } from './drop';
export { isoWeekKey, localDate, isValidTimeZone, canonicalTimeZone, formatDate, formatPoints, formatPercent, formatDelta } from './period';
export { addDays, daysBetween, utcDateOf } from './dates';
