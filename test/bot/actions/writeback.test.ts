/**
 * Write-back to Microsoft Graph: the real Graph source against a local server that serves the real
 * heimdall2 fixtures and records every PATCH. One PATCH per change with the full body, none when the
 * portal already holds it, none for device actions, and a Graph failure keeps the note and retries it.
 */
import { controlActions, retryDueWritebacks, startWritebackRetries } from '../../../src/bot/actions';
import { actionData } from '../../../src/cards/actionData';
import { generateDemoTenant } from '../../../src/data/demo/generateDemoTenant';
import { nextRetryAt, plannedUpdate, WRITEBACK_MAX_ATTEMPTS } from '../../../src/services/writeback';
import { describeWithFixtures } from '../../helpers/fixtures';
import { shownText, shownTexts } from '../../cards/cardTools';
import { ALEX, CONTROL, FIXTURE_TENANT, FixtureGraph, MEGAN, NOW, fileSource, graphSource, startWorld, type World } from './world';

const VENDOR = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' };
const PATCH_URL = `/v1.0/security/secureScoreControlProfiles/${CONTROL}`;

describe('plannedUpdate', () => {
  const current = { state: 'Default' as const, assignedTo: 'megan@contoso.example', comment: 'old comment' };

  it('sends a note as the comment, keeping state and owner', () => {
    expect(plannedUpdate({ kind: 'note', text: 'new' }, current)).toEqual({ state: 'Default', assignedTo: 'megan@contoso.example', comment: 'new' });
  });
  it('sends a status with its reason as the comment', () => {
    expect(plannedUpdate({ kind: 'status', text: 'vendor', state: 'ThirdParty' }, current)).toEqual({ state: 'ThirdParty', assignedTo: 'megan@contoso.example', comment: 'vendor' });
  });
  it('sends an owner, keeping the comment', () => {
    expect(plannedUpdate({ kind: 'owner', text: '', assignedTo: 'alex@contoso.example' }, current)).toEqual({ state: 'Default', assignedTo: 'alex@contoso.example', comment: 'old comment' });
  });
  it('sets only the fields asked for, keeping the rest as the portal has them', () => {
    expect(plannedUpdate({ kind: 'status', text: 'vendor', state: 'ThirdParty' }, current, ['state'])).toEqual({ state: 'ThirdParty', assignedTo: 'megan@contoso.example', comment: 'old comment' });
    expect(plannedUpdate({ kind: 'status', text: 'vendor', state: 'Default' }, current, ['state'])).toBeNull();
    expect(plannedUpdate({ kind: 'note', text: 'new' }, current, [])).toBeNull();
  });
  it('sends nothing when the portal already shows it', () => {
    expect(plannedUpdate({ kind: 'note', text: 'old comment' }, current)).toBeNull();
    expect(plannedUpdate({ kind: 'owner', text: '', assignedTo: 'megan@contoso.example' }, current)).toBeNull();
    expect(plannedUpdate({ kind: 'status', text: 'old comment', state: 'Default' }, current)).toBeNull();
    expect(plannedUpdate({ kind: 'owner', text: '', assignedTo: '' }, { state: 'Default', assignedTo: null, comment: null })).toBeNull();
  });
});

describe('nextRetryAt', () => {
  it('backs off exponentially from one minute, honours Retry-After, and gives up after the last attempt', () => {
    expect(nextRetryAt(NOW, 1)).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(nextRetryAt(NOW, 3)).toBe(new Date(NOW.getTime() + 240_000).toISOString());
    expect(nextRetryAt(NOW, 1, 300_000)).toBe(new Date(NOW.getTime() + 300_000).toISOString());
    expect(nextRetryAt(NOW, 9)).toBe(new Date(NOW.getTime() + 256 * 60_000).toISOString());
    expect(nextRetryAt(NOW, 10)).toBe(new Date(NOW.getTime() + 6 * 3600_000).toISOString());
    expect(nextRetryAt(NOW, WRITEBACK_MAX_ATTEMPTS)).toBeNull();
  });
});

describeWithFixtures('Graph write-back (local Graph serving the real fixtures)', () => {
  let graph: FixtureGraph;
  let world: World;
  const scid = generateDemoTenant(FIXTURE_TENANT, NOW).controlProfiles.find((p) => p.id === 'scid_2010')!;

  beforeEach(async () => {
    graph = await new FixtureGraph([scid]).start();
    world = await startWorld({ env: { GRAPH_WRITEBACK: 'true' }, source: graphSource(graph.server) });
    await world.store.upsertConversation({
      tenantId: FIXTURE_TENANT, conversationId: 'a:conv-1', serviceUrl: 'http://127.0.0.1:1/', conversationType: 'channel',
      botId: '28:bot', reference: {}, updatedAt: NOW.toISOString(),
    });
  });
  afterEach(async () => {
    await world.stop();
    await graph.stop();
  });

  const save = (text: string) => ({ ...actionData('saveNote', { controlId: CONTROL }), noteText: text });
  const notes = () => world.store.listNotes(FIXTURE_TENANT, CONTROL, 100);
  async function card(p: ReturnType<typeof controlActions.saveNote>) {
    const r = await p;
    if (!('card' in r)) throw new Error('expected a card');
    return r.card;
  }

  it('sends exactly one PATCH with the full body and vendorInformation, and says so on the card', async () => {
    const c = await card(controlActions.saveNote(save('Collector deployed on srv-042'), world.ctx()));
    expect(graph.patches()).toEqual([
      { url: PATCH_URL, body: { assignedTo: '', comment: 'Collector deployed on srv-042', state: 'Default', vendorInformation: VENDOR } },
    ]);
    expect(graph.server.requests.find((r) => r.method === 'PATCH')!.headers['content-type']).toMatch(/^application\/json/);
    expect((await notes())[0]).toMatchObject({ writeback: 'done', writebackAttempts: 1 });
    expect(shownTexts(c)[0]).toBe('Note saved and sent to the Microsoft Defender portal.');
  });

  it('sends one PATCH when the same invoke arrives twice', async () => {
    const ctx = world.ctx(ALEX, { activityId: 'invoke-twice' });
    await card(controlActions.saveNote(save('Once only'), ctx));
    const second = await card(controlActions.saveNote(save('Once only'), ctx));
    expect(graph.patches()).toHaveLength(1);
    expect(await notes()).toHaveLength(1);
    expect(shownTexts(second)[0]).toBe('Note saved and sent to the Microsoft Defender portal.');
  });

  it('sends nothing when the portal already holds the same comment', async () => {
    await card(controlActions.saveNote(save('Same words'), world.ctx()));
    world.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    const again = await card(controlActions.saveNote(save('Same words'), world.ctx(MEGAN)));
    expect(graph.patches()).toHaveLength(1);
    expect(await notes()).toHaveLength(2);
    expect((await notes())[0].writeback).toBe('none');
    expect(shownTexts(again)[0]).toBe('Note saved. The Microsoft Defender portal already shows this.');
  });

  it('sends a status change with its reason, then an owner keeping that comment', async () => {
    await card(controlActions.setStatus({ ...actionData('setStatus', { controlId: CONTROL }), state: 'Ignored', reason: 'Risk accepted by the CISO' }, world.ctx()));
    world.clock.now = new Date(NOW.getTime() + 60_000);
    const c = await card(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: 'megan@contoso.example' }, world.ctx()));
    expect(graph.patches().map((p) => p.body)).toEqual([
      { assignedTo: '', comment: 'Risk accepted by the CISO', state: 'Ignored', vendorInformation: VENDOR },
      { assignedTo: 'megan@contoso.example', comment: 'Risk accepted by the CISO', state: 'Ignored', vendorInformation: VENDOR },
    ]);
    expect(shownText(c)).toContain('Ignored');
    expect(shownTexts(c)).toContain('megan@contoso.example');
  });

  it('keeps the note when Graph answers 500, says "saved here, not yet in the portal", and retries later', async () => {
    graph.patchFailures = 1;
    const c = await card(controlActions.saveNote(save('Graph is having a bad day'), world.ctx()));
    expect(shownTexts(c)[0]).toBe("Note saved: saved here, not yet in the portal. I'll keep trying to send it.");
    expect((c.body as any[])[0]).toMatchObject({ style: 'warning' });
    const [failed] = await notes();
    expect(failed).toMatchObject({ text: 'Graph is having a bad day', writeback: 'failed', writebackAttempts: 1, writebackRetryAt: new Date(NOW.getTime() + 60_000).toISOString() });
    expect(graph.patches()).toHaveLength(1);

    // Not due yet: nothing is sent.
    expect(await retryDueWritebacks(world.services)).toEqual({ attempted: 0, done: 0, unchanged: 0, failed: 0, superseded: 0 });
    expect(graph.patches()).toHaveLength(1);

    world.clock.now = new Date(NOW.getTime() + 61_000);
    expect(await retryDueWritebacks(world.services)).toEqual({ attempted: 1, done: 1, unchanged: 0, failed: 0, superseded: 0 });
    expect(graph.patches()).toHaveLength(2);
    expect(graph.patches()[1].body).toEqual({ assignedTo: '', comment: 'Graph is having a bad day', state: 'Default', vendorInformation: VENDOR });
    expect((await notes())[0]).toMatchObject({ writeback: 'done', writebackAttempts: 2 });

    // Done is done.
    world.clock.now = new Date(NOW.getTime() + 3600_000);
    await retryDueWritebacks(world.services);
    expect(graph.patches()).toHaveLength(2);

    // The details card now shows the comment as Graph holds it.
    const details = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx());
    expect('card' in details && shownText(details.card)).toContain('Graph is having a bad day');
  });

  describe('a retry never undoes a newer change', () => {
    const status = (state: string, reason: string) => ({ ...actionData('setStatus', { controlId: CONTROL }), state, reason });
    const owner = (who: string) => ({ ...actionData('assignOwner', { controlId: CONTROL }), owner: who });
    const details = async () => {
      world.services.scores.invalidate();
      const r = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx());
      if (!('card' in r)) throw new Error('expected a card');
      return r.card;
    };

    it('skips an older failed status once a newer status reached Graph: the last PATCH stays Default, no Ignored is sent again', async () => {
      graph.patchFailures = 1;
      await card(controlActions.setStatus(status('Ignored', 'Risk accepted'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 30_000);
      await card(controlActions.setStatus(status('Default', 'Back on the plan'), world.ctx(MEGAN)));
      expect(graph.patches().map((p) => p.body.state)).toEqual(['Ignored', 'Default']); // the first answered 500
      const [newer, older] = await notes();
      expect(newer).toMatchObject({ state: 'Default', writeback: 'done' });
      expect(older).toMatchObject({ state: 'Ignored', writeback: 'failed' });

      world.clock.now = new Date(NOW.getTime() + 5 * 60_000);
      expect(await retryDueWritebacks(world.services)).toEqual({ attempted: 0, done: 0, unchanged: 0, failed: 0, superseded: 1 });
      expect(graph.patches()).toHaveLength(2);
      expect(graph.patches()[1].body).toEqual({ assignedTo: '', comment: 'Back on the plan', state: 'Default', vendorInformation: VENDOR });
      // Marked done, so no later pass sends it either.
      expect((await notes())[1]).toMatchObject({ state: 'Ignored', writeback: 'done' });
      world.clock.now = new Date(NOW.getTime() + 24 * 3600_000);
      await retryDueWritebacks(world.services);
      expect(graph.patches().filter((p) => p.body.state === 'Ignored')).toHaveLength(1);
      expect(shownText(await details())).toContain('Default — set by');
      expect(shownText(await details())).not.toContain('Ignored —');
    });

    it('sends only the newest when both are waiting, carrying the full state', async () => {
      graph.patchFailures = 2;
      await card(controlActions.setStatus(status('Ignored', 'Risk accepted'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 30_000);
      await card(controlActions.setStatus(status('Default', 'Back on the plan'), world.ctx()));
      expect((await notes()).map((n) => n.writeback)).toEqual(['failed', 'failed']);

      world.clock.now = new Date(NOW.getTime() + 5 * 60_000);
      expect(await retryDueWritebacks(world.services)).toEqual({ attempted: 1, done: 1, unchanged: 0, failed: 0, superseded: 1 });
      expect(graph.patches().slice(2).map((p) => p.body)).toEqual([{ assignedTo: '', comment: 'Back on the plan', state: 'Default', vendorInformation: VENDOR }]);
      expect((await notes()).map((n) => n.writeback)).toEqual(['done', 'done']);
    });

    it('still sends the part a newer entry did not replace: a status whose reason a newer note replaced sends just its state', async () => {
      graph.patchFailures = 1;
      await card(controlActions.setStatus(status('Ignored', 'Risk accepted'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 30_000);
      await card(controlActions.saveNote(save('Newer note wins the comment'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 5 * 60_000);
      expect(await retryDueWritebacks(world.services)).toMatchObject({ attempted: 1, done: 1, superseded: 0 });
      expect(graph.patches().map((p) => [p.body.state, p.body.comment])).toEqual([
        ['Ignored', 'Risk accepted'], // 500
        ['Default', 'Newer note wins the comment'],
        ['Ignored', 'Newer note wins the comment'],
      ]);
    });

    it('keeps an older note when only the owner changed since (an owner does not set the comment)', async () => {
      graph.patchFailures = 1;
      await card(controlActions.saveNote(save('Older note, still the latest comment'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 30_000);
      await card(controlActions.assignOwner(owner('megan@contoso.example'), world.ctx()));
      world.clock.now = new Date(NOW.getTime() + 5 * 60_000);
      expect(await retryDueWritebacks(world.services)).toMatchObject({ attempted: 1, done: 1, superseded: 0 });
      expect(graph.patches()[2].body).toEqual({ assignedTo: 'megan@contoso.example', comment: 'Older note, still the latest comment', state: 'Default', vendorInformation: VENDOR });
    });
  });

  it('gives up on a PATCH Graph calls invalid (400) without losing the note', async () => {
    graph.patchFailures = 1;
    graph.patchStatus = 400;
    await card(controlActions.saveNote(save('Rejected body'), world.ctx()));
    expect((await notes())[0]).toMatchObject({ text: 'Rejected body', writeback: 'failed', writebackRetryAt: null });
    world.clock.now = new Date(NOW.getTime() + 24 * 3600_000);
    await retryDueWritebacks(world.services);
    expect(graph.patches()).toHaveLength(1);
    expect(world.log.lines.some((l) => l.level === 'error' && l.msg === 'Graph write-back failed for good; the note stays in the bot only')).toBe(true);
  });

  it('does not write device (scid_) actions and says so', async () => {
    const c = await card(controlActions.saveNote({ ...actionData('saveNote', { controlId: 'scid_2010' }), noteText: 'Real-time protection is on via GPO' }, world.ctx()));
    expect(graph.patches()).toEqual([]);
    expect((await world.store.listNotes(FIXTURE_TENANT, 'scid_2010', 10))[0]).toMatchObject({ writeback: 'none' });
    expect(shownTexts(c)[0]).toContain("Device actions (scid_2010) can't be updated through Microsoft Graph");
  });

  it('retries through the worker started with startWritebackRetries', async () => {
    graph.patchFailures = 1;
    await card(controlActions.saveNote(save('Worker test'), world.ctx()));
    world.clock.now = new Date(NOW.getTime() + 2 * 60_000);
    const worker = startWritebackRetries({ services: world.services, intervalMs: 60_000 });
    try {
      expect(await worker.runOnce()).toEqual({ attempted: 1, done: 1, unchanged: 0, failed: 0, superseded: 0 });
    } finally {
      worker.stop();
    }
    expect(graph.patches()).toHaveLength(2);
  });

  it('keeps a note typed while Graph is down (503), and sends it once Graph is back', async () => {
    graph.readStatus = 503;
    const r = await controlActions.saveNote(save('Typed during the outage'), world.ctx());
    expect('card' in r && shownText(r.card)).toContain("Note saved: saved here, not yet in the portal. I'll keep trying to send it.");
    expect('card' in r && shownText(r.card)).toContain('nothing is lost');
    expect((await notes())[0]).toMatchObject({ text: 'Typed during the outage', writeback: 'pending' });
    expect(graph.patches()).toEqual([]);

    graph.readStatus = null;
    world.clock.now = new Date(NOW.getTime() + 2 * 60_000);
    expect(await retryDueWritebacks(world.services)).toMatchObject({ attempted: 1, done: 1 });
    expect(graph.patches().map((p) => p.body.comment)).toEqual(['Typed during the outage']);
  });

  it('stores nothing when Graph refuses the tenant or the app (403)', async () => {
    graph.readStatus = 403;
    const r = await controlActions.saveNote(save('Not allowed'), world.ctx());
    expect('card' in r && shownText(r.card)).toContain('Nothing was saved');
    expect(await notes()).toEqual([]);
  });

  it('waits its backoff when Graph cannot even be read during a retry', async () => {
    graph.patchFailures = 1;
    await card(controlActions.saveNote(save('Read fails later'), world.ctx()));
    world.services.scores.invalidate();
    await graph.stop();
    world.clock.now = new Date(NOW.getTime() + 2 * 60_000);
    expect(await retryDueWritebacks(world.services)).toMatchObject({ done: 0, failed: 1 });
    expect((await notes())[0]).toMatchObject({ writeback: 'failed', writebackAttempts: 2, writebackRetryAt: new Date(NOW.getTime() + 4 * 60_000).toISOString() });
    graph = await new FixtureGraph().start(); // afterEach stops it
  });
});

describeWithFixtures('GRAPH_WRITEBACK with a source that cannot write', () => {
  it('stores the note locally and sends nothing', async () => {
    const world = await startWorld({ env: { GRAPH_WRITEBACK: 'true' }, source: fileSource() });
    try {
      const r = await controlActions.saveNote({ ...actionData('saveNote', { controlId: CONTROL }), noteText: 'local only' }, world.ctx());
      expect('card' in r && shownTexts(r.card)[0]).toBe('Note saved.');
      expect((await world.store.listNotes(FIXTURE_TENANT, CONTROL, 10))[0]).toMatchObject({ writeback: 'none' });
    } finally {
      await world.stop();
    }
  });
});
