/** Gained/lost control rows, shared by the "what changed" card and the digest. */
import type { ChangeReport, ControlChange } from '../scoring/results';
import { formatPercent, formatPoints, formatPointsLabel, plural } from './format';
import { TITLE_MAX } from './parts';
import { markdownText, truncate } from './text';

export interface ChangeRowVm {
  title: string;
  deltaText: string;
  /** "5 → 0 pts · Identity" */
  detailText: string;
}

export function changeRow(c: ControlChange, titleMax = TITLE_MAX): ChangeRowVm {
  return {
    title: markdownText(truncate(c.title || c.controlId, titleMax)),
    deltaText: formatPointsLabel(c.delta, true),
    detailText: `${formatPoints(c.before)} → ${formatPoints(c.after)} pts · ${c.category}`,
  };
}

/** Largest first by size of the change, whatever order the input came in. */
export function largestFirst(list: ControlChange[]): ControlChange[] {
  return [...list].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

export interface ChangeListsVm {
  hasGained: boolean;
  gainedTitle: string;
  gained: ChangeRowVm[];
  hasGainedMore: boolean;
  gainedMoreText: string;
  hasLost: boolean;
  lostTitle: string;
  lost: ChangeRowVm[];
  hasLostMore: boolean;
  lostMoreText: string;
  hasRegressions: boolean;
  regressionsTitle: string;
  regressions: ChangeRowVm[];
}

export function changeLists(report: ChangeReport, maxRows: number, titleMax = TITLE_MAX): ChangeListsVm {
  const gained = largestFirst(report.gained);
  const lost = largestFirst(report.lost);
  const regressions = largestFirst(report.regressions);
  const gainedShown = gained.slice(0, maxRows);
  const lostShown = lost.slice(0, maxRows);
  const regShown = regressions.slice(0, Math.max(maxRows, 3));
  const more = (n: number) => `…and ${plural(n, 'more control')}.`;
  return {
    hasGained: gained.length > 0,
    gainedTitle: `Gained points (${plural(gained.length, 'control')})`,
    gained: gainedShown.map((c) => changeRow(c, titleMax)),
    hasGainedMore: gained.length > gainedShown.length,
    gainedMoreText: more(gained.length - gainedShown.length),
    hasLost: lost.length > 0,
    lostTitle: `Lost points (${plural(lost.length, 'control')})`,
    lost: lostShown.map((c) => changeRow(c, titleMax)),
    hasLostMore: lost.length > lostShown.length,
    lostMoreText: more(lost.length - lostShown.length),
    hasRegressions: regressions.length > 0,
    regressionsTitle:
      regressions.length === 1
        ? 'Regression: a control slipped back (it was complete, or fell to zero)'
        : `Regressions: ${plural(regressions.length, 'control')} slipped back (were complete, or fell to zero)` +
          (regressions.length > regShown.length ? ` (showing ${regShown.length})` : ''),
    regressions: regShown.map((c) => changeRow(c, titleMax)),
  };
}

/** "128 pts (46.7%)" */
export function pointsWithPercent(score: number, percent: number | null): string {
  return `${formatPoints(score)} pts (${formatPercent(percent)})`;
}
