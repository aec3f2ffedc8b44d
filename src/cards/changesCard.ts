/** "What changed": before/after, net delta, controls that gained and lost points, regressions first. */
import type { ChangeReport } from '../scoring/results';
import { actionData } from './actionData';
import { changeLists, pointsWithPercent, type ChangeListsVm } from './changeRows';
import { formatDateRange, formatPoints, formatPointsLabel } from './format';
import { button, changeColor, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface ChangesCardViewModel extends ChangeListsVm {
  title: string;
  periodLabel: string;
  beforeText: string;
  afterText: string;
  deltaText: string;
  deltaColor: 'Good' | 'Attention' | 'Default';
  hasMaxChange: boolean;
  maxChangeText: string;
  hasNoChanges: boolean;
  noChangesText: string;
  buttons: ButtonVm[];
}

export interface ChangesCardOptions {
  /** Rows per list (gained, lost); 10 by default. */
  maxRows?: number;
}

/** Why the percentage moved without anyone acting: the max score changed. */
export function maxChangeText(maxDelta: number): string {
  if (!maxDelta) return '';
  const dir = maxDelta > 0 ? 'rose' : 'fell';
  return `The maximum score ${dir} by ${formatPointsLabel(Math.abs(maxDelta))} (new or retired controls, licences), which moves the percentage on its own.`;
}

export function buildChangesCard(report: ChangeReport, opts: ChangesCardOptions = {}): ChangesCardViewModel {
  const lists = changeLists(report, opts.maxRows ?? 10);
  const none = report.gained.length === 0 && report.lost.length === 0;
  return {
    ...lists,
    title: 'What changed',
    periodLabel: formatDateRange(report.fromDate, report.toDate),
    beforeText: pointsWithPercent(report.before.score, report.before.percent),
    afterText: pointsWithPercent(report.after.score, report.after.percent),
    deltaText: formatPointsLabel(report.delta, true),
    deltaColor: changeColor(report.delta),
    hasMaxChange: report.maxDelta !== 0 && Number.isFinite(report.maxDelta),
    maxChangeText: maxChangeText(report.maxDelta),
    hasNoChanges: none,
    noChangesText:
      report.delta === 0
        ? 'No control gained or lost points in this period.'
        : `No single control explains the ${formatPoints(Math.abs(report.delta))}-point change.`,
    buttons: [button('Trend', actionData('trend', { days: 30 })), button('Top actions', actionData('topActions', { order: 'rank', count: 5 }))],
  };
}

export function changesCard(report: ChangeReport, opts: ChangesCardOptions = {}): AdaptiveCard {
  return renderCard('changes', buildChangesCard(report, opts));
}
