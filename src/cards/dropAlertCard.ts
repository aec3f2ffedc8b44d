/** A short alert when the score fell: by how much, between which days, and which controls lost it all. */
import type { DropAlert, Points } from '../scoring/results';
import { actionData, type CardActionData } from './actionData';
import { changeRow, largestFirst } from './changeRows';
import { formatDate, formatPercent, formatPoints, formatPointsLabel, plural } from './format';
import { button, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface DropAlertViewModel {
  title: string;
  summaryText: string;
  hasControls: boolean;
  controlsTitle: string;
  noControlsText: string;
  controls: { title: string; detailText: string; details: CardActionData }[];
  hasMore: boolean;
  moreText: string;
  buttons: ButtonVm[];
}

const MAX_CONTROLS = 10;

/**
 * `current` is the score on alert.toDate; the score before is derived from it and the delta, so the two
 * numbers shown always differ by exactly the number in the sentence.
 */
export function buildDropAlertCard(alert: DropAlert, current: Points): DropAlertViewModel {
  const fell = Math.abs(alert.delta);
  const before = current.score + fell;
  const lost = largestFirst(alert.lostFullControls);
  const shown = lost.slice(0, MAX_CONTROLS);
  return {
    title: `Secure Score fell by ${formatPointsLabel(fell)}`,
    summaryText:
      `From ${formatPoints(before)} on ${formatDate(alert.fromDate)} to ${formatPoints(current.score)} on ${formatDate(alert.toDate)}` +
      ` (now ${formatPercent(current.percent)}).`,
    hasControls: lost.length > 0,
    controlsTitle: `${plural(lost.length, 'control')} that had full points lost some:`,
    noControlsText: 'No control that had full points lost any: the drop is spread over several partial changes.',
    controls: shown.map((c) => {
      const row = changeRow(c);
      return { title: row.title, detailText: `${row.deltaText} · ${row.detailText}`, details: actionData('actionDetails', { controlId: c.controlId, from: { view: 'dropAlert' } }) };
    }),
    hasMore: lost.length > shown.length,
    moreText: `…and ${plural(lost.length - shown.length, 'more control')}.`,
    buttons: [button('What changed', actionData('changes', { days: 7 })), button('Score', actionData('score', {}))],
  };
}

export function dropAlertCard(alert: DropAlert, current: Points): AdaptiveCard {
  return renderCard('dropAlert', buildDropAlertCard(alert, current));
}
