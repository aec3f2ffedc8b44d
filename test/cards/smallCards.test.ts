import { buildChoiceCard, choiceCard } from '../../src/cards/choiceCard';
import { buildHelpCard, helpCard, WELCOME_QUESTIONS } from '../../src/cards/helpCard';
import { messageCard, outOfDateCard } from '../../src/cards/messageCard';
import { buildSubscribeCard, subscribeCard } from '../../src/cards/subscribeCard';
import { buildTrendCard, trendCard } from '../../src/cards/trendCard';
import { buildCategoriesCard, categoriesCard } from '../../src/cards/categoriesCard';
import { buildComparisonCard, comparisonCard } from '../../src/cards/comparisonCard';
import { displayedText } from '../../src/cards/text';
import type { Subscription } from '../../src/storage/store';
import { buttonData, buttons, elementsOfType, inputs, shownText, shownTexts } from './cardTools';
import { ACTIONS, EMPTY_SUMMARY, EMPTY_TREND, MATCHES, NASTY_TEXT, SUMMARY, TREND, trendOf } from './samples';

describe('choice card', () => {
  it('asks which one, offers up to 5 buttons with chooseAction and the control id, and hints at the number', () => {
    const seven = [...MATCHES, ...MATCHES, MATCHES[0]].map((m, i) => ({ ...m, controlId: `${m.controlId}-${i}` }));
    const card = choiceCard(seven, { query: 'mfa' });
    const data = buttonData(card);
    expect(data).toHaveLength(5);
    expect(data[0]).toEqual({ verb: 'chooseAction', v: 1, controlId: 'AdminMFAV2-0' });
    const texts = shownTexts(card);
    expect(texts[0]).toBe('Which one did you mean?');
    expect(texts).toContain('Several actions match “mfa”.');
    expect(texts[texts.length - 1]).toBe('Pick one, or reply with its number (1–5).');
    expect(buttons(card)[0].title).toBe('1. Ensure multifactor authentication is en…');
  });

  it('shows the user query literally', () => {
    const vm = buildChoiceCard(MATCHES, { query: '*admin* ${x}' });
    expect(displayedText(vm.queryText, true)).toBe('Several actions match “*admin* ${x}”.');
  });
});

describe('help card', () => {
  it('welcome variant shows three example questions, each also a button that asks it', () => {
    const card = helpCard({ welcome: true });
    expect(shownTexts(card)).toEqual(expect.arrayContaining(WELCOME_QUESTIONS.map((q) => `“${q}”`)));
    expect(buttonData(card)).toEqual(WELCOME_QUESTIONS.map((text) => ({ verb: 'ask', v: 1, text })));
    expect(shownText(card)).not.toContain('Improvement actions');
  });

  it('full variant lists what the bot can do with examples', () => {
    const texts = shownTexts(helpCard());
    expect(texts[0]).toBe('What I can do');
    expect(texts).toEqual(expect.arrayContaining(['Improvement actions', '“Quick wins”', '“How do we get to 60%?”']));
  });

  it('offers Subscribe only in a channel', () => {
    expect(buttonData(helpCard({ inChannel: true })).map((d) => d.verb)).toEqual(['score', 'topActions', 'trend', 'subscribe']);
    expect(buttonData(helpCard({ inChannel: false })).map((d) => d.verb)).not.toContain('subscribe');
    expect(buildHelpCard({ inChannel: true, welcome: true }).buttons.map((b) => b.data.verb)).toEqual(['ask', 'ask', 'ask', 'subscribe']);
  });
});

describe('subscribe card', () => {
  const defaults = { dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Berlin' };
  const sub: Subscription = { tenantId: 't', conversationId: 'c', dayOfWeek: 5, hour: 16, minute: 30, timeZone: 'America/New_York', createdBy: null, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' };

  it('offers the digest on the default schedule with Subscribe and a form to choose another time', () => {
    const card = subscribeCard(null, { defaults });
    expect(shownText(card)).toContain('Mondays at 09:00 (Europe/Berlin)');
    expect(buttonData(card).map((d) => d.verb)).toEqual(['subscribe', 'saveDigestSettings']);
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(byId.day).toMatchObject({ type: 'Input.ChoiceSet', value: '1' });
    expect((byId.day.choices as { value: string }[]).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    expect(byId.time).toMatchObject({ type: 'Input.Time', value: '09:00' });
    expect(byId.timeZone).toMatchObject({ type: 'Input.Text', value: 'Europe/Berlin' });
  });

  it('confirms a subscription with its schedule, Change and Unsubscribe, no Subscribe', () => {
    const card = subscribeCard(sub, { defaults, banner: { text: 'Subscribed', style: 'good' } });
    expect(shownTexts(card)).toEqual(expect.arrayContaining(['Subscribed', 'Weekly digest: on', 'Posted here Fridays at 16:30 (America/New_York).']));
    expect(buttonData(card).map((d) => d.verb)).toEqual(['saveDigestSettings', 'unsubscribe']);
    expect(buttons(card).map((b) => b.title)).toEqual(['Change', 'Save', 'Unsubscribe']);
  });

  it('does not prefill a time zone that is not an IANA name', () => {
    expect(buildSubscribeCard({ ...sub, timeZone: '${x} <b>' }, { defaults }).timeZoneValue).toBe('');
  });
});

describe('message card', () => {
  it('shows a titled text in a style, with buttons and https links only', () => {
    const card = messageCard({
      title: 'Graph is busy',
      text: NASTY_TEXT,
      style: 'attention',
      actions: [{ title: 'Try again', data: { verb: 'score', v: 1 } }],
      links: [{ title: 'Status', url: 'https://status.example' }, { title: 'Bad', url: 'http://x.example' }],
    });
    expect((card.body as Record<string, unknown>[])[0]).toMatchObject({ style: 'attention', items: [{ text: 'Graph is busy', color: 'Attention' }] });
    expect(shownTexts(card)).toContain(NASTY_TEXT);
    expect(buttons(card).map((b) => [b.type, b.title])).toEqual([['Action.OpenUrl', 'Status'], ['Action.Execute', 'Try again']]);
  });

  it('"This card is out of date" offers a fresh card', () => {
    const card = outOfDateCard({ title: 'Fresh details', data: { verb: 'actionDetails', v: 1, controlId: 'AdminMFAV2' } });
    expect(shownTexts(card)[0]).toBe('This card is out of date');
    expect(buttonData(card)).toEqual([{ verb: 'actionDetails', v: 1, controlId: 'AdminMFAV2' }]);
  });
});

describe('trend card', () => {
  it('draws one point per day with a fallback, and states start, end, change, lowest and highest', () => {
    const card = trendCard(TREND, { periodLabel: 'Last 20 days' });
    const [chart] = elementsOfType(card, 'Chart.Line');
    expect((chart.data as { legend: string; values: unknown[] }[])[0].values).toHaveLength(20);
    expect(chart.fallback).toMatchObject({ type: 'Container' });
    const texts = shownTexts(card);
    expect(texts[1]).toBe('Last 20 days (4 Nov – 23 Nov 2026)');
    expect(texts).toEqual(
      expect.arrayContaining([
        'Start: 120 pts (43.8%) on 4 Nov 2026',
        'Now: 128 pts (46.7%) on 23 Nov 2026',
        'Change: +8 pts',
        'Lowest: 118 pts (43.1%) on 8 Nov 2026',
        'Highest: 128 pts (46.7%) on 23 Nov 2026',
      ]),
    );
  });

  it('samples the fallback table evenly, keeping first and last day', () => {
    const vm = buildTrendCard(trendOf(Array.from({ length: 90 }, (_, i) => i)), { fallbackRows: 4 });
    expect(vm.fallbackRows.map((r) => r.title)).toEqual(['4 Nov 2026', '4 Dec 2026', '2 Jan 2027', '1 Feb 2027']);
  });

  it('has no chart without at least two days, and says when there is no history', () => {
    expect(elementsOfType(trendCard(trendOf([5])), 'Chart.Line')).toEqual([]);
    expect(shownText(trendCard(EMPTY_TREND))).toContain('No score history yet');
  });
});

describe('categories card', () => {
  it('shows every category with points, percent and a button to open it', () => {
    const vm = buildCategoriesCard(SUMMARY);
    expect(vm.categories.map((c) => [c.name, c.pointsText, c.percentText, c.open])).toEqual([
      ['Identity', '40 / 70', '57.1%', { verb: 'categories', v: 1, category: 'Identity' }],
      ['Data', '8.5 / 20', '42.5%', { verb: 'categories', v: 1, category: 'Data' }],
      ['Apps', '79.5 / 184', '43.2%', { verb: 'categories', v: 1, category: 'Apps' }],
    ]);
    expect(vm.categories[2].note).toBe('1 control without a known max');
  });

  it('shows one category with its own top actions only', () => {
    const card = categoriesCard(SUMMARY, { category: 'Identity', actions: ACTIONS });
    expect(shownTexts(card)[0]).toBe('Identity: Secure Score');
    const ids = buttonData(card).filter((d) => d.verb === 'actionDetails').map((d) => d.controlId);
    expect(ids).toEqual(['AdminMFAV2', 'MFARegistrationV2', 'BlockLegacyAuthentication']);
    expect(shownText(card)).not.toContain('Create an app discovery policy');
  });

  it('says when a category has no data', () => {
    expect(shownText(categoriesCard(SUMMARY, { category: 'Device' }))).toContain("No Device controls are part of this tenant's score.");
    expect(shownText(categoriesCard(EMPTY_SUMMARY))).toContain('No category data yet.');
  });
});

describe('comparison card', () => {
  it('shows ours against all tenants and similar seat count with the range', () => {
    const texts = shownTexts(comparisonCard(SUMMARY));
    expect(texts).toEqual(
      expect.arrayContaining(['46.7% (128 pts)', 'All tenants', 'We are 5.5 pp ahead', '41.2%', 'Similar size (1–100 seats)', 'We are 1.4 pp behind', '48.1%']),
    );
  });

  it('adds a per-category table when the comparison carries category averages', () => {
    const withCats = {
      ...SUMMARY,
      comparisons: [
        { ...SUMMARY.comparisons[0], categories: { Identity: { score: 35, max: 70 }, Data: { score: 5, max: 20 } } },
        { ...SUMMARY.comparisons[1], categories: { Identity: { score: 42, max: 70 } } },
      ],
    };
    const vm = buildComparisonCard(withCats);
    expect(vm.categoryRows).toEqual([
      { name: 'Identity', ourText: '57.1%', allText: '50%', similarText: '60%' },
      { name: 'Data', ourText: '42.5%', allText: '25%', similarText: '—' },
      { name: 'Apps', ourText: '43.2%', allText: '—', similarText: '—' },
    ]);
    expect(vm.similarHeader).toBe('Similar size (1–100 seats)');
    expect(buildComparisonCard(SUMMARY).hasCategoryRows).toBe(false);
  });

  it('says "no comparison data" when Graph sent none', () => {
    expect(shownText(comparisonCard(EMPTY_SUMMARY))).toContain('Graph returned no comparison data.');
  });
});
