/**
 * Card actions end to end over real HTTP: Teams-shaped `adaptiveCard/action` invokes (and the
 * Action.Submit fallback) into the real restify server, CloudAdapter, router and handlers, the real
 * SQLite store, and the real Graph source talking to a local Graph that serves the heimdall2 fixtures.
 * Card updates arrive at a local Bot Connector.
 */
import { retryDueWritebacks } from '../../src/bot/actions';
import { cardProblems } from '../../src/cards/validate';
import { cardOf, messageActivity, startHarness, type Harness } from '../helpers/botHarness';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { buttonData, buttons, inputs, shownText, shownTexts } from '../cards/cardTools';
import { ALEX, FIXTURE_TENANT, FixtureGraph, MEGAN, NASTY, NOW, PROFILES_FILE, graphSource } from '../bot/actions/world';

const CARD = 'application/vnd.microsoft.card.adaptive';
const CONVERSATION = '19:security-team@thread.tacv2;messageid=1700000000000';
/** A real fixture action that the top-10 list offers (rank 10), with the longest steps of all 200. */
const CONTROL = 'mdo_blockmailforward';
const VENDOR = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' };

let seq = 0;

function who(user: typeof ALEX) {
  return { tenantId: FIXTURE_TENANT, conversationType: 'channel' as const, conversationId: CONVERSATION, userId: user.userId, aadObjectId: user.aadObjectId, userName: user.userName };
}

/** An Action.Execute invoke as Teams sends it: the inputs are merged into action.data. */
function invoke(h: Harness, verb: string, data: Record<string, unknown>, o: { user?: typeof ALEX; id?: string; replyToId?: string } = {}) {
  const base = messageActivity(h.connector.url, '', { ...who(o.user ?? ALEX), id: o.id ?? `invoke-${++seq}`, replyToId: o.replyToId ?? 'card-message-1' });
  const { text: _text, textFormat: _format, ...rest } = base as Record<string, unknown>;
  return {
    ...rest,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

async function execute(h: Harness, verb: string, data: Record<string, unknown>, o: Parameters<typeof invoke>[3] = {}) {
  const res = await h.post(invoke(h, verb, data, o));
  expect(res.status).toBe(200);
  expect(Object.keys(res.body).sort()).toEqual(['statusCode', 'type', 'value']);
  expect(res.body.statusCode).toBe(200);
  expect(res.body.type).toBe(CARD);
  return res.body.value as Record<string, any>;
}

describeWithFixtures('card actions over HTTP (real fixtures, local Graph, write-back on)', () => {
  let graph: FixtureGraph;
  let h: Harness;
  let details: Record<string, unknown>;

  beforeAll(async () => {
    graph = await new FixtureGraph().start();
    h = await startHarness({ env: { GRAPH_WRITEBACK: 'true' }, now: NOW, source: graphSource(graph.server) });
    graph.now = () => h.clock.now;
    // The list a user opens details from: the top actions card, as chat returns it.
    const [reply] = await h.say('top 10 actions', who(ALEX));
    const list = cardOf(reply);
    const found = buttonData(list).find((d) => d.verb === 'actionDetails' && d.controlId === CONTROL);
    if (!found) throw new Error(`no Details button for ${CONTROL} in: ${JSON.stringify(buttonData(list).map((d) => d.controlId))}`);
    details = found;
  });
  afterAll(async () => {
    await h.stop();
    await graph.stop();
  });
  beforeEach(() => {
    graph.server.reset();
    h.connector.requests.length = 0;
  });

  const notes = () => h.store.listNotes(FIXTURE_TENANT, CONTROL, 100);

  test('every listed action has a Details button: Action.Execute with a verb and an Action.Submit fallback with the same data', async () => {
    const [reply] = await h.say('top 5 actions', who(ALEX));
    const list = cardOf(reply);
    const execs = buttons(list).filter((b) => b.type === 'Action.Execute' && (b.data as any)?.verb === 'actionDetails');
    expect(execs.length).toBeGreaterThanOrEqual(5);
    for (const b of execs) {
      expect(b.verb).toBe('actionDetails');
      expect(b.fallback).toEqual({ type: 'Action.Submit', title: b.title, data: b.data });
    }
  });

  test('Details answers with the details card: every field for the real control', async () => {
    const raw = readFixture(PROFILES_FILE).value.find((p: { id: string }) => p.id === CONTROL);
    const card = await execute(h, 'actionDetails', details);
    expect(cardProblems(card)).toEqual([]);
    const texts = shownTexts(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        raw.title,
        'Apps · MDO · Core',
        'Points: 0 / 5 (+5 pts available)',
        'Category: Apps',
        'Protects against: Data Exfiltration, Account Breach',
        'Implementation cost: Unknown',
        'User impact: Unknown',
        'Tier: Core',
        'Service: MDO',
        'Progress: Open',
        raw.remediationImpact,
        'None listed.',
        'Default',
        'Nobody assigned',
      ]),
    );
    // Description and implementation status come from the day's score, converted from HTML.
    expect(texts.some((t) => t.startsWith('Exchange Online offers several methods of managing the flow of email messages.'))).toBe(true);
    expect(texts.some((t) => t.startsWith('100% of users are affected by policies'))).toBe(true);
    // The steps: a readable numbered list, no HTML left anywhere on the card.
    expect(texts.some((t) => /\n1\. Select _Exchange_ to open the Exchange admin center\./.test(t))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/<\/?(p|li|ol|ul|br|strong|em)\b|&nbsp;/);
    expect(buttons(card).filter((b) => b.type === 'Action.OpenUrl').map((b) => b.url)).toContain(raw.actionUrl);
    expect(buttonData(card).find((d) => d.verb === 'backToList')).toEqual({ verb: 'backToList', v: 1, from: (details as any).from });
    // Opening details is a view for the person who clicked: the shared message is left as it is.
    expect(h.connector.requests).toEqual([]);
  });

  test('Save note on details opened from a list: stored once, shown at the top, sent to Graph once, and the list message left alone', async () => {
    const card = await execute(h, 'saveNote', { ...(await saveData()), noteText: 'Collector running on srv-042 since Monday' }, { id: 'invoke-save-1' });
    const stored = await notes();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tenantId: FIXTURE_TENANT, text: 'Collector running on srv-042 since Monday', authorId: ALEX.aadObjectId, authorName: ALEX.userName, activityId: 'invoke-save-1', writeback: 'done' });
    expect(shownTexts(card)[0]).toBe('Note saved and sent to the Microsoft Defender portal.');
    expect(shownText(card)).toContain('Collector running on srv-042 since Monday');

    expect(graph.patches()).toEqual([
      { url: `/v1.0/security/secureScoreControlProfiles/${CONTROL}`, body: { assignedTo: '', comment: 'Collector running on srv-042 since Monday', state: 'Default', vendorInformation: VENDOR } },
    ]);
    // The details card was an invoke answer shown to Alex only; the posted message ('card-message-1') is
    // still the top-10 list, shared by the whole channel: no PUT may replace it with one action's details.
    expect(buttonData(card).filter((d) => d.verb === 'saveNote')).toEqual([{ verb: 'saveNote', v: 1, controlId: CONTROL, from: (details as any).from }]);
    expect(h.connector.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(h.connector.requests).toEqual([]);

    // Teams retries the same invoke: still one note, one PATCH.
    const again = await execute(h, 'saveNote', { ...(await saveData()), noteText: 'Collector running on srv-042 since Monday' }, { id: 'invoke-save-1' });
    expect(await notes()).toHaveLength(1);
    expect(graph.patches()).toHaveLength(1);
    expect(shownText(again)).toContain('Team notes (1 entry)');
  });

  test('Save note on a details card posted in answer to "tell me about …": exactly one PUT of the refreshed card onto that message', async () => {
    h.clock.now = new Date(NOW.getTime() + 3 * 60_000);
    const [reply] = await h.say(`tell me about ${CONTROL}`, who(ALEX));
    const posted = cardOf(reply);
    const save = buttons(posted).find((b) => b.type === 'Action.Execute' && b.verb === 'saveNote');
    expect(save!.data).toEqual({ verb: 'saveNote', v: 1, controlId: CONTROL, posted: true });
    h.connector.requests.length = 0;

    const card = await execute(h, 'saveNote', { ...(save!.data as Record<string, unknown>), noteText: 'Posted card: forwarding rule blocked on Tuesday' }, { replyToId: 'details-message-1' });
    expect(shownTexts(card)[0]).toBe('Note saved and sent to the Microsoft Defender portal.');
    const puts = h.connector.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(h.connector.requests).toHaveLength(1);
    expect(puts[0].conversationId).toBe(CONVERSATION);
    expect(puts[0].activityId).toBe('details-message-1');
    expect(cardOf(puts[0].body)).toEqual(card);
    expect(shownText(cardOf(puts[0].body))).toContain('Posted card: forwarding rule blocked on Tuesday');
    // The refreshed card is the same posted message, so its next save updates it again.
    expect(buttonData(card).find((d) => d.verb === 'setStatus')).toEqual({ verb: 'setStatus', v: 1, controlId: CONTROL, posted: true });
  });

  test('a note with quotes, backslashes, newlines, ${secret}, <b>, emoji and Arabic comes back literally in valid JSON', async () => {
    h.clock.now = new Date(NOW.getTime() + 5 * 60_000);
    const res = await h.post(invoke(h, 'saveNote', { ...(await saveData()), noteText: NASTY }));
    expect(res.status).toBe(200);
    const card = res.body.value;
    expect(cardProblems(card)).toEqual([]);
    expect((await notes())[0].text).toBe(NASTY);
    expect(shownTexts(card)).toContain(NASTY);
    expect(JSON.stringify(card)).not.toContain('${secret}');
    // What reached Graph is the text as typed.
    expect(graph.patches()[0].body.comment).toBe(NASTY);
  });

  test('Graph 500: the note is kept, the card says "saved here, not yet in the portal", and the worker sends it later', async () => {
    h.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    graph.patchFailures = 1;
    const card = await execute(h, 'saveNote', { ...(await saveData()), noteText: 'Saved while Graph was down' });
    expect(shownTexts(card)[0]).toBe("Note saved: saved here, not yet in the portal. I'll keep trying to send it.");
    expect((await notes())[0]).toMatchObject({ text: 'Saved while Graph was down', writeback: 'failed' });
    expect(graph.patches()).toHaveLength(1);

    h.clock.now = new Date(NOW.getTime() + 12 * 60_000);
    expect(await retryDueWritebacks(h.services)).toMatchObject({ attempted: 1, done: 1 });
    expect(graph.patches()).toHaveLength(2);
    expect(graph.patches()[1].body).toEqual({ assignedTo: '', comment: 'Saved while Graph was down', state: 'Default', vendorInformation: VENDOR });
    expect((await notes())[0].writeback).toBe('done');
  });

  test('Change status and Assign owner are recorded and shown', async () => {
    h.clock.now = new Date(NOW.getTime() + 20 * 60_000);
    const status = await execute(h, 'setStatus', { verb: 'setStatus', v: 1, controlId: CONTROL, state: 'ThirdParty', reason: 'Our proxy vendor covers shadow IT' });
    expect(shownTexts(status)[0]).toBe('Status set to Third party and sent to the Microsoft Defender portal.');
    const owner = await execute(h, 'assignOwner', { verb: 'assignOwner', v: 1, controlId: CONTROL, owner: 'Megan Bowen' });
    expect(shownTexts(owner)).toContain('Megan Bowen');
    expect(shownText(owner)).toContain('Third party');
    expect(graph.patches().map((p) => [p.body.state, p.body.assignedTo])).toEqual([['ThirdParty', ''], ['ThirdParty', 'Megan Bowen']]);
    // Buttons without `posted` (not a posted details card): the message underneath is left alone.
    expect(h.connector.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  test('the Action.Submit fallback (a message with value) saves the same way; only a posted details card is replaced', async () => {
    h.clock.now = new Date(NOW.getTime() + 30 * 60_000);
    const submit = (id: string, text: string, posted: boolean) =>
      h.post(
        messageActivity(h.connector.url, '', {
          ...who(MEGAN),
          id,
          replyToId: 'card-message-2',
          value: { verb: 'saveNote', v: 1, controlId: CONTROL, noteText: text, ...(posted ? { posted: true } : {}) },
        }),
      );
    const before = h.connector.requests.length;
    expect((await submit('submit-1', 'From an older client', false)).status).toBe(200);
    expect((await notes())[0]).toMatchObject({ text: 'From an older client', authorName: 'Megan Bowen', activityId: 'submit-1' });
    // Clicked on a list or digest: that message stays; the refreshed details card comes as a new message.
    const first = h.connector.requests.slice(before);
    expect(first.map((r) => r.method)).toEqual(['POST']);
    expect(shownText(cardOf(first[0].body))).toContain('From an older client');

    expect((await submit('submit-2', 'From a posted details card', true)).status).toBe(200);
    const puts = h.connector.requests.filter((r) => r.method === 'PUT' && r.activityId === 'card-message-2');
    expect(puts).toHaveLength(1);
    expect(shownText(cardOf(puts[0].body))).toContain('From a posted details card');
  });

  test('Save with the input dropped by the channel: a clear message, nothing stored', async () => {
    const before = (await notes()).length;
    const card = await execute(h, 'saveNote', await saveData());
    expect(shownTexts(card)[0]).toContain('Teams did not send the text you typed');
    expect(await notes()).toHaveLength(before);
    expect(inputs(card).map((i) => i.id)).toContain('noteText');
  });

  test('a button from an older card (wrong v, unknown verb) gets "this card is out of date", never an error', async () => {
    for (const [verb, data] of [
      ['saveNote', { verb: 'saveNote', v: 0, controlId: CONTROL, noteText: 'old card' }],
      ['addComment', { verb: 'addComment', v: 1, controlId: CONTROL }],
    ] as const) {
      const card = await execute(h, verb, data);
      expect(shownText(card)).toContain('This card is out of date');
    }
    expect((await notes()).some((n) => n.text === 'old card')).toBe(false);
  });

  test('Back returns to the list the details came from', async () => {
    const card = await execute(h, 'backToList', { verb: 'backToList', v: 1, from: (details as any).from });
    expect(buttonData(card).filter((d) => d.verb === 'actionDetails').length).toBeGreaterThanOrEqual(5);
  });

  async function saveData() {
    const card = await execute(h, 'actionDetails', details);
    const save = buttons(card).find((b) => b.type === 'Action.Execute' && b.verb === 'saveNote');
    h.connector.requests.length = 0;
    return save!.data as Record<string, unknown>;
  }
});

describeWithFixtures('who may write, over HTTP (NOTE_EDITORS set)', () => {
  let graph: FixtureGraph;
  let h: Harness;
  beforeAll(async () => {
    graph = await new FixtureGraph().start();
    h = await startHarness({ env: { GRAPH_WRITEBACK: 'true', NOTE_EDITORS: ALEX.aadObjectId }, now: NOW, source: graphSource(graph.server) });
  });
  afterAll(async () => {
    await h.stop();
    await graph.stop();
  });

  test('an unauthorised user is refused politely, nothing is stored or sent, but may still read the details', async () => {
    const data = { verb: 'saveNote', v: 1, controlId: CONTROL, noteText: 'I am not an editor' };
    const card = await execute(h, 'saveNote', data, { user: MEGAN });
    expect(shownTexts(card)[0]).toContain("Sorry, only the people your admin listed as note editors and the action's owner can change it.");
    expect(await h.store.listNotes(FIXTURE_TENANT, CONTROL, 10)).toEqual([]);
    expect(graph.patches()).toEqual([]);
    expect(h.connector.requests.filter((r) => r.method === 'PUT')).toEqual([]);

    const read = await execute(h, 'actionDetails', { verb: 'actionDetails', v: 1, controlId: CONTROL }, { user: MEGAN });
    expect(shownText(read)).toContain('Protects against: Data Exfiltration');
    expect(inputs(read)).toEqual([]);

    // The listed editor may write.
    await execute(h, 'saveNote', { ...data, noteText: 'Editor note' }, { user: ALEX });
    expect((await h.store.listNotes(FIXTURE_TENANT, CONTROL, 10)).map((n) => n.text)).toEqual(['Editor note']);
  });
});
