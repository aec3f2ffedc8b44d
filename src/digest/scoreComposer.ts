/**
 * The real DigestComposer: the tenant's numbers from TenantScores (the same source chat uses), run
 * through the scoring module, laid out by the digest and drop-alert cards.
 */
import { digestCard } from '../cards/digestCard';
import { dropAlertCard } from '../cards/dropAlertCard';
import { cardSize, MAX_CARD_SIZE } from '../cards/render';
import { addDays, changesOverPeriod, compareDays, computeTrend, detectDrop, formatDate, formatDelta, formatPercent, formatPoints, isoWeekKey, listActions, summarize, utcDateOf } from '../scoring';
import type { DropAlert } from '../scoring/results';
import type { TenantData } from '../scoring/model';
import type { TenantScores } from '../services/tenantScores';
import type { Store } from '../storage/store';
import type { DigestComposer } from './composer';
import type { OutgoingMessage } from './messageSender';

export interface ScoreComposerOptions {
  /** Points the score must fall by for an alert (config.dropAlertPoints). */
  dropAlertPoints: number;
  trendDays?: number;
  /** A drop older than this many days is history, not news. */
  dropMaxAgeDays?: number;
}

export class ScoreDigestComposer implements DigestComposer {
  constructor(
    private readonly scores: Pick<TenantScores, 'get'>,
    private readonly store: Pick<Store, 'countNotesSince'>,
    private readonly opts: ScoreComposerOptions,
  ) {}

  async digest(tenantId: string, now: Date): Promise<OutgoingMessage> {
    const data = await this.scores.get(tenantId, now);
    const summary = summarize(data);
    if (!summary) {
      return { text: 'Weekly Secure Score digest: Microsoft has not reported a Secure Score for your organisation yet. The digest will show it as soon as there is one.' };
    }
    const changes = changesOverPeriod(data, 7, now);
    const trend = computeTrend(data.days, this.opts.trendDays ?? 30, now);
    const topActions = listActions(data, { order: 'points', count: 5 });
    const notesThisWeek = await this.store.countNotesSince(tenantId, new Date(now.getTime() - 7 * 86_400_000).toISOString());
    const card = digestCard({ summary, changes, trend, topActions, notesThisWeek, periodLabel: periodLabel(now) });
    const size = cardSize(card);
    if (size > MAX_CARD_SIZE) throw new Error(`digest card is ${size} characters even at its smallest (limit ${MAX_CARD_SIZE})`);
    const delta = changes ? changes.delta : summary.change7d;
    const text = `Weekly Secure Score digest: ${formatPoints(summary.total.score)} points (${formatPercent(summary.total.percent)})${delta === null ? '' : `, ${formatDelta(delta)} in 7 days`}.`;
    return { card, text };
  }

  async detectDrop(tenantId: string, now: Date): Promise<DropAlert | null> {
    const data = await this.scores.get(tenantId, now);
    const today = utcDateOf(now);
    const days = data.days.filter((d) => d.date <= today);
    if (days.length < 2) return null;
    if (days[0].date < addDays(today, -(this.opts.dropMaxAgeDays ?? 2))) return null;
    return detectDrop(days[1], days[0], data.profiles, this.opts.dropAlertPoints);
  }

  async alert(tenantId: string, dropId: string, now: Date): Promise<OutgoingMessage | null> {
    const data = await this.scores.get(tenantId, now);
    const pair = daysOfDrop(data, dropId);
    if (!pair) return null;
    const drop = detectDrop(pair.from, pair.to, data.profiles, this.opts.dropAlertPoints);
    if (!drop) return null;
    const after = compareDays(pair.from, pair.to, data.profiles).after;
    const card = dropAlertCard(drop, after);
    return { card, text: `Secure Score fell by ${formatPoints(Math.abs(drop.delta))} points on ${formatDate(drop.toDate)}.` };
  }
}

/** scoring's drop id is "<tenant>:<from>-><to>"; anything else is not a drop we can rebuild. */
function daysOfDrop(data: TenantData, dropId: string): { from: TenantData['days'][number]; to: TenantData['days'][number] } | null {
  const m = /:(\d{4}-\d{2}-\d{2})->(\d{4}-\d{2}-\d{2})$/.exec(dropId);
  if (!m || !dropId.startsWith(`${data.tenantId}:`)) return null;
  const from = data.days.find((d) => d.date === m[1]);
  const to = data.days.find((d) => d.date === m[2]);
  return from && to ? { from, to } : null;
}

/** "Week 3 · 12 Jan – 18 Jan 2026" (ISO week, UTC). */
export function periodLabel(now: Date): string {
  const key = isoWeekKey(now, 'UTC');
  const today = utcDateOf(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const monday = addDays(today, 1 - weekday);
  const sunday = addDays(monday, 6);
  const shortMonday = formatDate(monday).replace(/ \d{4}$/, '');
  return `Week ${Number(key.slice(6))} \u00b7 ${shortMonday} \u2013 ${formatDate(sunday)}`;
}
