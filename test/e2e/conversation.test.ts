/**
 * Issue 3 end to end: every question an admin asks, over real HTTP, answered with the numbers the scoring
 * module computes. On the real heimdall2 capture the expected numbers are written out; on the demo tenant
 * (120 generated days) they are computed from the same data through the scoring API.
 */
import { cardOf, cardText, messageActivity, startHarness, heimdallFileEnv, BOT_ID, TENANT, type Harness } from '../helpers/botHarness';
import { describeWithFixtures } from '../helpers/fixtures';
import { changesOverPeriod, computeTrend, listActions, planToTarget, summarize, type TenantData } from '../../src/scoring';
import { formatPoints } from '../../src/cards/format';

/** What a person reads in the bot's single answer: its text and its card's text. */
async function ask(h: Harness, text: string, extra: Parameters<Harness['say']>[1] = {}): Promise<string> {
  const replies = await h.say(text, extra);
  expect(replies).toHaveLength(1);
  const card = cardOf(replies[0]);
  if (card) expect(JSON.stringify(card)).not.toContain('${');
  return [replies[0].text ?? '', card ? cardText(card) : ''].join('\n');
}

describeWithFixtures('conversation on the real heimdall2 capture', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: heimdallFileEnv() });
  });
  afterAll(() => h.stop());

  test('categories: Apps 71, Identity 50, Data 7 points', async () => {
    const text = await ask(h, 'breakdown by category');
    expect(text).toMatch(/Apps[\s\S]*71/);
    expect(text).toMatch(/Identity[\s\S]*50/);
    expect(text).toMatch(/Data[\s\S]*7/);
  });

  test('comparison: all tenants and the 1–100 seat peer group', async () => {
    const text = await ask(h, 'how do we compare with similar organisations?');
    expect(text).toContain('54.7%'); // AllTenants averageScore 54.65, a percentage
    expect(text).toContain('49%'); // TotalSeats averageScore 48.98 → 49.0
    expect(text).toMatch(/1[–-]100/);
  });

  test('top actions in the security center order, quick wins and biggest gains', async () => {
    const top = await ask(h, 'top 3 actions');
    const first = top.indexOf('Ensure additional storage providers are restricted in Outlook on the web');
    const second = top.indexOf('Ensure all forms of mail forwarding are blocked and/or disabled');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    const gains = await ask(h, 'biggest point gains');
    expect(gains).toContain('+8');
  });

  test('one action by keywords, tolerant of typos', async () => {
    const text = await ask(h, 'tell me about mailbox auditting');
    expect(text).toContain('Ensure mailbox auditing for all users is Enabled');
  });

  test('path to a target and an out-of-range target', async () => {
    const plan = await ask(h, 'how do we get to 50%');
    expect(plan).toContain('50%');
    const tooHigh = await ask(h, 'reach 150%');
    expect(tooHigh.toLowerCase()).toMatch(/100|percent|between/);
    const below = await ask(h, 'how do we get to 40%');
    expect(below).toMatch(/already there/);
  });

  test('what changed needs two days: one-day data says so', async () => {
    expect(await ask(h, 'what changed this week')).toMatch(/at least two days/);
  });
});

describe('conversation on the demo tenant', () => {
  let h: Harness;
  let data: TenantData;
  beforeAll(async () => {
    h = await startHarness();
    data = await h.services.scores.get(TENANT, h.clock.now);
  });
  afterAll(() => h.stop());

  test('score carries the 7-day change', async () => {
    const summary = summarize(data)!;
    const text = await ask(h, "what's our score 🤔");
    expect(text).toContain(`${summary.total.percent}%`);
    expect(summary.change7d).not.toBeNull();
    expect(text).toContain(formatPoints(Math.abs(summary.change7d!)));
  });

  test.each([
    ['trend over the last 7 days', 7],
    ['how has our score changed over the last 30 days', 30],
    ['history for the quarter', 90],
  ])('%s → trend over %i days with start and end', async (phrase, days) => {
    const trend = computeTrend(data.days, days, h.clock.now);
    const text = await ask(h, phrase);
    expect(text).toContain(`Last ${days === 90 ? 'quarter' : `${days} days`}`);
    expect(text).toContain(formatPoints(trend.start!.score));
    expect(text).toContain(formatPoints(trend.end!.score));
  });

  test('identity score lists the top identity actions', async () => {
    const expected = listActions(data, { order: 'rank', category: 'Identity', count: 5 });
    const text = await ask(h, 'how are we on identity?');
    expect(expected.length).toBeGreaterThan(0);
    expect(text).toContain(expected[0].title);
  });

  test('quick wins and low user impact actions follow their own order', async () => {
    const quick = listActions(data, { order: 'quickWins', count: 5 });
    expect(await ask(h, 'quick wins pls')).toContain(quick[0].title);
    const low = listActions(data, { order: 'rank', count: 5, maxUserImpact: 'Low' });
    const text = await ask(h, 'low user impact actions');
    expect(text).toContain(low[0].title);
  });

  test('what changed this week names the biggest gain or loss', async () => {
    const report = changesOverPeriod(data, 7, h.clock.now)!;
    const text = await ask(h, 'what changed this week?');
    const biggest = [...report.gained, ...report.lost].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))[0];
    expect(biggest).toBeDefined();
    expect(text).toContain(biggest.title);
  });

  test('reaching a target above the current score lists the planned actions', async () => {
    const summary = summarize(data)!;
    const target = Math.min(99, Math.ceil(summary.total.percent!) + 5);
    const plan = planToTarget(data, { percent: target });
    const text = await ask(h, `how do we get to ${target}%`);
    expect(plan.actions.length).toBeGreaterThan(0);
    expect(text).toContain(plan.actions[0].title);
  });

  test('several matches → a choice, and "2" answers it for that user in that conversation', async () => {
    const first = await ask(h, 'tell me about mfa', { conversationId: 'a:choice-conv', userId: '29:chooser' });
    expect(first).toMatch(/Which one/);
    const other = await ask(h, '2', { conversationId: 'a:choice-conv', userId: '29:someone-else' });
    expect(other).toMatch(/not waiting for a choice/);
    const answer = await ask(h, '2', { conversationId: 'a:choice-conv', userId: '29:chooser' });
    expect(answer).not.toMatch(/not waiting/);
  });

  test('bad input: only a mention, 10,000 characters, top 0 actions', async () => {
    const mention = { type: 'mention', text: '<at>Secure Score</at>', mentioned: { id: BOT_ID, name: 'Secure Score' } };
    expect(await ask(h, '<at>Secure Score</at>', { entities: [mention] } as never)).toMatch(/didn't catch a question/);
    const long = await ask(h, 'x'.repeat(10000));
    expect(long.length).toBeGreaterThan(0);
    expect(await ask(h, 'top 0 actions')).toMatch(/1|between|at least/);
  });

  test('subscribing from two threads of one channel keeps one subscription, for the channel itself', async () => {
    const mention = { type: 'mention', text: '<at>Secure Score</at>', mentioned: { id: BOT_ID, name: 'Secure Score' } };
    for (const thread of ['111', '222']) {
      await ask(h, '<at>Secure Score</at> subscribe', {
        conversationType: 'channel',
        conversationId: `19:sec-channel@thread.tacv2;messageid=${thread}`,
        entities: [mention],
      } as never);
    }
    const subs = await h.store.listSubscriptions(TENANT);
    const channelSubs = subs.items.filter((s) => s.conversationId.startsWith('19:sec-channel'));
    expect(channelSubs.map((s) => s.conversationId)).toEqual(['19:sec-channel@thread.tacv2']);
    const conv = await h.store.getConversation(TENANT, '19:sec-channel@thread.tacv2');
    expect((conv!.reference.conversation as { id: string }).id).toBe('19:sec-channel@thread.tacv2');
  });

  test('installation in a channel sends one welcome with a Subscribe button', async () => {
    const base = messageActivity(h.connector.url, '', { conversationType: 'channel', conversationId: '19:new-channel@thread.tacv2' });
    const before = h.connector.activities.length;
    const install = { ...base, type: 'installationUpdate', action: 'add', text: undefined };
    expect((await h.post(install)).status).toBe(200);
    const update = { ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }], text: undefined };
    expect((await h.post(update)).status).toBe(200);
    const sent = h.connector.activities.slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(cardOf(sent[0]))).toContain('"verb":"subscribe"');
  });
});
