/**
 * Every template, through its builder, with a realistic input and with edge inputs (empty lists, null
 * percents, unknown max): the expanded card must follow every Teams rule that cardProblems checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { actionDetailsCard } from '../../src/cards/actionDetailsCard';
import { actionsCard } from '../../src/cards/actionsCard';
import { categoriesCard } from '../../src/cards/categoriesCard';
import { changesCard } from '../../src/cards/changesCard';
import { choiceCard } from '../../src/cards/choiceCard';
import { comparisonCard } from '../../src/cards/comparisonCard';
import { digestCard } from '../../src/cards/digestCard';
import { dropAlertCard } from '../../src/cards/dropAlertCard';
import { helpCard } from '../../src/cards/helpCard';
import { messageCard, outOfDateCard } from '../../src/cards/messageCard';
import type { AdaptiveCard } from '../../src/cards/render';
import { scoreCard } from '../../src/cards/scoreCard';
import { subscribeCard } from '../../src/cards/subscribeCard';
import { targetCard } from '../../src/cards/targetCard';
import { trendCard } from '../../src/cards/trendCard';
import { cardProblems } from '../../src/cards/validate';
import {
  ACTIONS, action, CHANGES, DETAIL, DROP, EMPTY_SUMMARY, EMPTY_TREND, MATCHES, NO_CHANGES, NOTES, PLAN, SUMMARY, TREND, trendOf, UNREACHABLE_PLAN,
} from './samples';

const DEFAULTS = { dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin' };
const UNKNOWN_MAX = action({ controlId: 'scid_2000', title: '', maxScore: null, pointsAvailable: 0, implementationCost: 'Unknown', userImpact: 'Unknown', tier: '', service: '' });

/** [template, case name, build]: the template name is what the builder must have rendered. */
const CASES: [string, string, () => AdaptiveCard][] = [
  ['score', 'realistic', () => scoreCard(SUMMARY)],
  ['score', 'empty tenant', () => scoreCard(EMPTY_SUMMARY)],
  ['score', 'action with unknown max', () => scoreCard({ ...SUMMARY, topActions: [UNKNOWN_MAX] })],
  ['trend', 'realistic', () => trendCard(TREND)],
  ['trend', 'no history', () => trendCard(EMPTY_TREND)],
  ['trend', 'one day', () => trendCard(trendOf([128]))],
  ['trend', '90 days', () => trendCard(trendOf(Array.from({ length: 90 }, (_, i) => 100 + i / 3)))],
  ['categories', 'all', () => categoriesCard(SUMMARY)],
  ['categories', 'one with actions', () => categoriesCard(SUMMARY, { category: 'Identity', actions: ACTIONS })],
  ['categories', 'one not in score', () => categoriesCard(SUMMARY, { category: 'Device', actions: [] })],
  ['categories', 'empty tenant', () => categoriesCard(EMPTY_SUMMARY)],
  ['comparison', 'realistic', () => comparisonCard(SUMMARY)],
  ['comparison', 'no comparisons', () => comparisonCard(EMPTY_SUMMARY)],
  ['comparison', 'all -1 (null averages)', () => comparisonCard({ ...SUMMARY, comparisons: SUMMARY.comparisons.map((c) => ({ ...c, averagePercent: null, differencePercent: null })) })],
  ['actions', 'rank', () => actionsCard(ACTIONS, { order: 'rank' })],
  ['actions', 'quick wins', () => actionsCard(ACTIONS, { order: 'quickWins' })],
  ['actions', 'empty filtered', () => actionsCard([], { category: 'Device', maxUserImpact: 'Low' })],
  ['actions', 'unknown max', () => actionsCard([UNKNOWN_MAX])],
  ['actionDetails', 'writer with notes and banner', () => actionDetailsCard(DETAIL, NOTES, { canWrite: true, banner: { text: 'Note saved', style: 'good' }, from: { view: 'actions', order: 'rank', count: 5 } })],
  ['actionDetails', 'reader, no notes, nothing known', () =>
    actionDetailsCard(
      { ...DETAIL, ...UNKNOWN_MAX, description: '', implementationStatus: '', remediation: '', remediationImpact: '', threats: [], compliance: [], actionUrl: null, actionType: '', deprecated: true, stateComment: null, stateUpdatedBy: null, stateUpdatedAt: null, lastSynced: null },
      [],
      { canWrite: false },
    )],
  ['changes', 'realistic', () => changesCard(CHANGES)],
  ['changes', 'nothing changed, unknown max', () => changesCard(NO_CHANGES)],
  ['target', 'reachable', () => targetCard(PLAN)],
  ['target', 'unreachable', () => targetCard(UNREACHABLE_PLAN)],
  ['target', 'already met, no max', () => targetCard({ ...PLAN, alreadyMet: true, gap: 0, actions: [], pointsGained: 0, current: { score: 170, max: null, percent: null }, target: { points: 150, percent: null } })],
  ['choice', 'three matches', () => choiceCard(MATCHES, { query: 'mfa' })],
  ['choice', 'no matches', () => choiceCard([])],
  ['help', 'full, personal', () => helpCard()],
  ['help', 'welcome in channel', () => helpCard({ welcome: true, inChannel: true })],
  ['digest', 'realistic', () => digestCard({ summary: SUMMARY, changes: CHANGES, trend: TREND, topActions: ACTIONS, notesThisWeek: 3, periodLabel: 'Week 49 · 30 Nov – 6 Dec 2026' })],
  ['digest', 'first digest of a new tenant', () => digestCard({ summary: EMPTY_SUMMARY, changes: null, trend: EMPTY_TREND, topActions: [], notesThisWeek: 0, periodLabel: 'Week 49' })],
  ['dropAlert', 'realistic', () => dropAlertCard(DROP, SUMMARY.total)],
  ['dropAlert', 'no full losses, unknown percent', () => dropAlertCard({ ...DROP, lostFullControls: [] }, { score: 10, max: null, percent: null })],
  ['subscribe', 'offer', () => subscribeCard(null, { defaults: DEFAULTS })],
  ['subscribe', 'subscribed with banner', () =>
    subscribeCard(
      { tenantId: 't', conversationId: 'c', dayOfWeek: 5, hour: 16, minute: 30, timeZone: 'America/New_York', createdBy: null, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' },
      { defaults: DEFAULTS, banner: { text: 'Saved', style: 'good' } },
    )],
  ['message', 'plain', () => messageCard({ title: 'Could not reach Microsoft Graph', text: 'Try again in a minute.', style: 'attention' })],
  ['message', 'out of date', () => outOfDateCard({ title: 'Fresh score', data: { verb: 'score', v: 1 } })],
  ['message', 'title only', () => messageCard({ title: 'Done' })],
];

describe.each(CASES)('%s card (%s)', (_template, _name, build) => {
  it('follows the Teams card rules (version ≤ 1.5, no ${ left, no Media, Image url, chart fallback, Execute verb + Submit fallback, object data with verb and v, under 28 KB)', () => {
    const card = build();
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/NaN|undefined|null%/);
  });
});

it('covers every template in adaptiveCards/', () => {
  const dir = path.resolve(__dirname, '..', '..', 'adaptiveCards');
  const templates = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  const covered = [...new Set(CASES.map((c) => c[0]))].sort();
  expect(covered).toEqual(templates);
});

it('every template file is plain JSON with the card schema, type AdaptiveCard and version 1.5', () => {
  const dir = path.resolve(__dirname, '..', '..', 'adaptiveCards');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const t = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect([file, t.$schema, t.type, t.version]).toEqual([file, 'http://adaptivecards.io/schemas/adaptive-card.json', 'AdaptiveCard', '1.5']);
  }
});

describe('cardProblems finds each broken rule (so a passing check means something)', () => {
  const good = { type: 'AdaptiveCard', version: '1.5', body: [] as unknown[] };
  const cases: [string, unknown, string][] = [
    ['version too high', { ...good, version: '1.6' }, 'top-level version must be ≤ 1.5, got 1.6'],
    ['no version', { type: 'AdaptiveCard', body: [] }, 'top-level version must be ≤ 1.5, got undefined'],
    ['unbound binding', { ...good, body: [{ type: 'TextBlock', text: '${x}' }] }, 'unbound ${…} left in the card'],
    ['Media', { ...good, body: [{ type: 'Media', sources: [] }] }, 'body[0]: Media is not allowed in bot cards'],
    ['Image without url', { ...good, body: [{ type: 'Image' }] }, 'body[0]: Image without url'],
    ['chart without fallback', { ...good, body: [{ type: 'Chart.Line', data: [] }] }, 'body[0]: Chart.Line without fallback'],
    ['number text', { ...good, body: [{ type: 'TextBlock', text: 5 }] }, 'body[0]: TextBlock text is not a string'],
    ['Execute without verb', { ...good, actions: [{ type: 'Action.Execute', data: { verb: 'a', v: 1 }, fallback: { type: 'Action.Submit', data: { verb: 'a', v: 1 } } }] }, 'actions[0]: Action.Execute without verb'],
    ['Execute without fallback', { ...good, actions: [{ type: 'Action.Execute', verb: 'a', data: { verb: 'a', v: 1 } }] }, 'actions[0]: Action.Execute without an Action.Submit fallback'],
    ['string data', { ...good, actions: [{ type: 'Action.Submit', data: 'score' }] }, 'actions[0]: Action.Submit data is not an object'],
    ['data without v', { ...good, actions: [{ type: 'Action.Submit', data: { verb: 'score' } }] }, 'actions[0]: Action.Submit data has no card schema version v'],
    ['http link', { ...good, actions: [{ type: 'Action.OpenUrl', url: 'javascript:alert(1)' }] }, 'actions[0]: OpenUrl without an https url'],
  ];
  it.each(cases)('%s', (_name, card, problem) => {
    expect(cardProblems(card)).toContain(problem);
  });

  it('flags a card over 28,000 UTF-16 units', () => {
    const big = { ...good, body: [{ type: 'TextBlock', text: '😀'.repeat(14_000) }] };
    expect(cardProblems(big).some((p) => p.startsWith('card is 28'))).toBe(true);
  });
});
