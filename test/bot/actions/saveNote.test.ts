/**
 * Save note / Change status / Assign owner, handler level, on the real fixtures with the real SQLite
 * store: stored once with who/when from the turn, shown at the top, validated again on the server,
 * refused for people who may not write, and literal whatever the text holds.
 */
import { controlActions } from '../../../src/bot/actions';
import { actionData } from '../../../src/cards/actionData';
import { cardProblems } from '../../../src/cards/validate';
import { GraphGroupMembership } from '../../../src/services/groupMembership';
import { describeWithFixtures } from '../../helpers/fixtures';
import { buttonData, inputs, shownText, shownTexts } from '../../cards/cardTools';
import { ALEX, CONTROL, FIXTURE_TENANT, FixtureGraph, GROUP, MEGAN, NASTY, NOW, fixedCredential, startWorld, type World } from './world';

const FROM = { view: 'digest' as const };
const save = (text: unknown, extra: Record<string, unknown> = {}) => ({ ...actionData('saveNote', { controlId: CONTROL, from: FROM }), ...(text === undefined ? {} : { noteText: text }), ...extra });

async function cardOf(p: ReturnType<typeof controlActions.saveNote>) {
  const r = await p;
  if (!('card' in r)) throw new Error(`expected a card, got ${JSON.stringify(r)}`);
  return r.card;
}

describeWithFixtures('Notes, status and owner from the details card', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world.stop());

  const notes = () => world.store.listNotes(FIXTURE_TENANT, CONTROL, 100);

  it('stores a note with tenant, control, text, author and time from the turn, and shows it first', async () => {
    world.clock.now = new Date('2024-01-02T09:00:00Z');
    await cardOf(controlActions.saveNote(save('First: asked the network team for the proxy logs.'), world.ctx(MEGAN)));
    world.clock.now = NOW;
    const card = await cardOf(controlActions.saveNote(save('  Log collector is up on srv-042.  '), world.ctx(ALEX, { activityId: 'invoke-7' })));

    const stored = await notes();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      tenantId: FIXTURE_TENANT,
      controlId: CONTROL,
      kind: 'note',
      text: '  Log collector is up on srv-042.  ',
      authorId: ALEX.aadObjectId,
      authorName: 'Alex Admin',
      activityId: 'invoke-7',
      createdAt: NOW.toISOString(),
      writeback: 'none',
    });
    const texts = shownTexts(card);
    expect(texts[0]).toBe('Note saved.');
    expect(texts).toContain('Team notes (2 entries)');
    // Newest first: Alex's note comes before Megan's.
    const all = shownText(card);
    expect(all.indexOf('Log collector is up on srv-042.')).toBeGreaterThan(0);
    expect(all.indexOf('Log collector is up on srv-042.')).toBeLessThan(all.indexOf('asked the network team'));
    expect(texts).toContain(' · 2 Jan 2024, 09:30 UTC');
    // Opened from the digest, the details card is the clicker's alone: the digest message is never replaced.
    expect(world.updates).toEqual([]);
  });

  it('updates the message only when the details card is itself posted (posted: true), and keeps the flag on the new card', async () => {
    const posted = { ...actionData('saveNote', { controlId: CONTROL, posted: true }), noteText: 'Posted card note' };
    const card = await cardOf(controlActions.saveNote(posted, world.ctx()));
    expect(world.updates).toEqual([card]);
    expect(shownText(world.updates[0])).toContain('Posted card note');
    expect(buttonData(card).filter((d) => d.verb !== 'backToList')).toEqual([
      { verb: 'saveNote', v: 1, controlId: CONTROL, posted: true },
      { verb: 'setStatus', v: 1, controlId: CONTROL, posted: true },
      { verb: 'assignOwner', v: 1, controlId: CONTROL, posted: true },
    ]);
    // Card data is untrusted: only the boolean true counts.
    world.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    await cardOf(controlActions.saveNote({ ...posted, posted: 'true', noteText: 'string flag' }, world.ctx()));
    await cardOf(controlActions.setStatus({ ...actionData('setStatus', { controlId: CONTROL }), state: 'Reviewed', reason: 'no flag' }, world.ctx()));
    await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: 'Megan Bowen' }, world.ctx()));
    expect(world.updates).toHaveLength(1);
    // Status and owner on a posted card update it too.
    world.clock.now = new Date(NOW.getTime() + 20 * 60_000);
    const status = await cardOf(controlActions.setStatus({ ...actionData('setStatus', { controlId: CONTROL, posted: true }), state: 'Ignored', reason: 'Accepted' }, world.ctx()));
    const owner = await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL, posted: true }), owner: 'Alex Admin' }, world.ctx()));
    expect(world.updates).toEqual([card, status, owner]);
    expect(shownText(world.updates[2])).toContain('Alex Admin');
  });

  it('keeps the posted flag on a refused entry, so the retry from that card still updates it', async () => {
    const card = await cardOf(controlActions.saveNote({ ...actionData('saveNote', { controlId: CONTROL, posted: true }), noteText: '   ' }, world.ctx()));
    expect(shownTexts(card)[0]).toContain('The note is empty');
    expect(world.updates).toEqual([]);
    expect(buttonData(card).find((d) => d.verb === 'saveNote')).toEqual({ verb: 'saveNote', v: 1, controlId: CONTROL, posted: true });
  });

  it('takes identity and tenant from the turn, never from card data', async () => {
    await cardOf(controlActions.saveNote(save('mine', { tenantId: 'other-tenant', authorId: 'someone-else', authorName: 'CEO', aadObjectId: 'x' }), world.ctx(MEGAN)));
    const [n] = await notes();
    expect(n).toMatchObject({ tenantId: FIXTURE_TENANT, authorId: MEGAN.aadObjectId, authorName: 'Megan Bowen' });
    expect(await world.store.listNotes('other-tenant', CONTROL, 10)).toEqual([]);
  });

  it('stores one note when Teams delivers the same invoke twice', async () => {
    const ctx = world.ctx(ALEX, { activityId: 'invoke-retry-1' });
    const first = await cardOf(controlActions.saveNote(save('Enabled for the pilot group'), ctx));
    world.clock.now = new Date(NOW.getTime() + 15_000);
    const second = await cardOf(controlActions.saveNote(save('Enabled for the pilot group'), ctx));
    expect(await notes()).toHaveLength(1);
    expect(shownText(second)).toContain('Team notes (1 entry)');
    expect(shownTexts(second)[0]).toBe(shownTexts(first)[0]);
  });

  it('stores one note for the same author, control and text within two minutes even with a new activity id', async () => {
    await cardOf(controlActions.saveNote(save('Double-clicked'), world.ctx(ALEX, { activityId: 'a-1' })));
    world.clock.now = new Date(NOW.getTime() + 90_000);
    await cardOf(controlActions.saveNote(save('Double-clicked'), world.ctx(ALEX, { activityId: 'a-2' })));
    expect(await notes()).toHaveLength(1);
    // Later, the same words are a new entry in the team's record.
    world.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    await cardOf(controlActions.saveNote(save('Double-clicked'), world.ctx(ALEX, { activityId: 'a-3' })));
    expect(await notes()).toHaveLength(2);
  });

  it.each([
    ['missing (the channel dropped the input)', undefined, 'Teams did not send the text you typed'],
    ['empty', '', 'The note is empty'],
    ['whitespace only', ' \n\t  ', 'The note is empty'],
    ['too long', 'x'.repeat(1001), 'The note is 1001 characters long; the limit is 1000'],
    ['not text', { nested: true }, 'Teams did not send the text you typed'],
  ])('refuses a note that is %s: clear message on the card, nothing stored', async (_label, text, message) => {
    const card = await cardOf(controlActions.saveNote(save(text), world.ctx()));
    const banner = shownTexts(card)[0];
    expect(banner).toContain(message);
    expect(banner).toContain('Nothing was saved');
    expect((card.body as any[])[0]).toMatchObject({ style: 'attention' });
    expect(await notes()).toEqual([]);
    expect(world.updates).toEqual([]);
    // The form is still there to try again.
    expect(inputs(card).map((i) => i.id)).toContain('noteText');
  });

  it('accepts exactly 1000 characters', async () => {
    await cardOf(controlActions.saveNote(save('y'.repeat(1000)), world.ctx()));
    expect((await notes())[0].text).toHaveLength(1000);
  });

  it('refuses a note for a control id that does not exist, storing nothing', async () => {
    const card = await cardOf(controlActions.saveNote({ ...actionData('saveNote', { controlId: 'NotARealControl' }), noteText: 'hello' }, world.ctx()));
    expect(shownText(card)).toContain("I can't find that improvement action");
    expect(await world.store.listNotes(FIXTURE_TENANT, 'NotARealControl', 10)).toEqual([]);
  });

  it('shows a note with quotes, backslashes, newlines, ${…}, HTML, markdown, emoji and Arabic literally', async () => {
    const card = await cardOf(controlActions.saveNote(save(NASTY), world.ctx()));
    expect((await notes())[0].text).toBe(NASTY);
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(JSON.parse(json)).toEqual(card);
    expect(json).not.toContain('${secret}');
    // What the reader sees is exactly what was typed.
    expect(shownTexts(card)).toContain(NASTY);
  });

  it('keeps line breaks and drops invisible control characters', async () => {
    await cardOf(controlActions.saveNote(save('one\r\ntwo\u0000\u0007three'), world.ctx()));
    expect((await notes())[0].text).toBe('one\ntwothree');
  });

  describe('with NOTE_EDITORS set', () => {
    beforeEach(async () => {
      await world.stop();
      world = await startWorld({ env: { NOTE_EDITORS: `${ALEX.aadObjectId}, ${GROUP}` } });
    });

    it('lets a listed editor write', async () => {
      await cardOf(controlActions.saveNote(save('ok'), world.ctx(ALEX)));
      expect(await notes()).toHaveLength(1);
    });

    it('refuses someone else politely and stores nothing', async () => {
      const card = await cardOf(controlActions.saveNote(save('let me in'), world.ctx(MEGAN)));
      expect(shownTexts(card)[0]).toBe(
        "Sorry, only the people your admin listed as note editors and the action's owner can change it. Nothing was saved — ask your admin if you should be on that list.",
      );
      expect(inputs(card)).toEqual([]);
      expect(await notes()).toEqual([]);
      expect(world.updates).toEqual([]);
      // Without Graph, group ids cannot be checked: the log says so once.
      await controlActions.saveNote(save('again'), world.ctx(MEGAN));
      expect(world.log.lines.filter((l) => String(l.msg).includes('group ids cannot be checked'))).toHaveLength(1);
    });

    it('lets the assigned owner write, matched by display name or object id', async () => {
      const owner = await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: 'megan bowen' }, world.ctx(ALEX)));
      expect(shownText(owner)).toContain('Owner: ');
      expect(shownTexts(owner)).toContain('megan bowen');
      await cardOf(controlActions.saveNote(save('Owner here: scheduled for Friday'), world.ctx(MEGAN)));
      expect((await notes()).map((n) => n.kind)).toEqual(['note', 'owner']);
      // An owner written as an object id matches that id (Teams sends no UPN to compare an email with).
      world.clock.now = new Date(NOW.getTime() + 60_000);
      await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: MEGAN.aadObjectId.toUpperCase() }, world.ctx(ALEX)));
      await cardOf(controlActions.saveNote(save('still mine'), world.ctx({ ...MEGAN, userName: 'M. Bowen' })));
      expect((await notes())[0]).toMatchObject({ kind: 'note', text: 'still mine' });
      // …and an owner written as an email address does not match a display name.
      world.clock.now = new Date(NOW.getTime() + 120_000);
      await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: 'megan@contoso.example' }, world.ctx(ALEX)));
      await cardOf(controlActions.saveNote(save('refused now'), world.ctx(MEGAN)));
      expect((await notes())[0]).toMatchObject({ kind: 'owner', assignedTo: 'megan@contoso.example' });
    });

    it('lets a member of a listed group write, asking Graph checkMemberGroups', async () => {
      const graph = await new FixtureGraph().start();
      try {
        graph.groups.set(MEGAN.aadObjectId, [GROUP]);
        world.services.groupMembership = new GraphGroupMembership({ credential: fixedCredential, baseUrl: graph.server.baseUrl });
        await cardOf(controlActions.saveNote(save('via group'), world.ctx(MEGAN)));
        expect(await notes()).toHaveLength(1);
        const check = graph.server.requests.find((r) => r.url.endsWith('/checkMemberGroups'))!;
        expect(check.method).toBe('POST');
        expect(check.url).toBe(`/v1.0/users/${MEGAN.aadObjectId}/checkMemberGroups`);
        expect(JSON.parse(check.body)).toEqual({ groupIds: [ALEX.aadObjectId, GROUP] });
        expect(check.headers.authorization).toBe('Bearer test-token');

        // Someone in no listed group is refused.
        const other = { aadObjectId: '33333333-3333-4333-8333-333333333333', userName: 'Nestor', userId: '29:n' };
        await cardOf(controlActions.saveNote(save('me too'), world.ctx(other)));
        expect(await notes()).toHaveLength(1);
      } finally {
        await graph.stop();
      }
    });

    it('refuses (fails closed) when the group check cannot be made', async () => {
      world.services.groupMembership = { memberGroups: async () => { throw new Error('boom'); } };
      const card = await cardOf(controlActions.saveNote(save('x'), world.ctx(MEGAN)));
      expect(shownTexts(card)[0]).toContain("couldn't check whether you may change this action");
      expect(await notes()).toEqual([]);
    });
  });

  describe('Change status', () => {
    const status = (fields: Record<string, unknown>) => ({ ...actionData('setStatus', { controlId: CONTROL, from: FROM }), ...fields });

    it('records the status with its reason and shows it as the current state', async () => {
      const card = await cardOf(controlActions.setStatus(status({ state: 'ThirdParty', reason: 'Covered by our CASB vendor' }), world.ctx(MEGAN)));
      const [n] = await notes();
      expect(n).toMatchObject({ kind: 'status', state: 'ThirdParty', text: 'Covered by our CASB vendor', authorName: 'Megan Bowen' });
      expect(shownTexts(card)[0]).toBe('Status set to Third party.');
      expect(shownTexts(card)).toContain('Third party — set by Megan Bowen on 2 Jan 2024, 09:30 UTC');
      expect(shownTexts(card)).toContain('Covered by our CASB vendor');
      expect(inputs(card).find((i) => i.id === 'state')?.value).toBe('ThirdParty');
      // Opened from the digest (no `posted`): the digest message stays as it is.
      expect(world.updates).toEqual([]);
    });

    it.each([
      ['no reason', { state: 'ThirdParty' }, 'A status change needs a reason'],
      ['a blank reason', { state: 'ThirdParty', reason: '   ' }, 'The reason is empty'],
      ['an unknown state', { state: 'Resolved', reason: 'x' }, 'Pick one of the statuses'],
      ['no state', { reason: 'x' }, 'Teams did not send the status you picked'],
      ['a 501-character reason', { state: 'Ignored', reason: 'r'.repeat(501) }, 'The reason is 501 characters long; the limit is 500'],
    ])('refuses %s with a clear message and stores nothing', async (_label, fields, message) => {
      const card = await cardOf(controlActions.setStatus(status(fields), world.ctx()));
      expect(shownTexts(card)[0]).toContain(message);
      expect(await notes()).toEqual([]);
    });
  });

  describe('Assign owner', () => {
    it('records the owner and shows it', async () => {
      const card = await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: '  megan@contoso.example ' }, world.ctx()));
      const [n] = await notes();
      expect(n).toMatchObject({ kind: 'owner', assignedTo: 'megan@contoso.example', text: '' });
      expect(shownTexts(card)[0]).toBe('Owner set to megan@contoso.example.');
      expect(shownTexts(card)).toContain('megan@contoso.example');
      expect(shownText(card)).toContain('owner → megan@contoso.example');
    });

    it('refuses an empty owner', async () => {
      const card = await cardOf(controlActions.assignOwner({ ...actionData('assignOwner', { controlId: CONTROL }), owner: '' }, world.ctx()));
      expect(shownTexts(card)[0]).toContain('The owner is empty');
      expect(await notes()).toEqual([]);
    });
  });

  it('answers a save from a card of unreadable shape with "out of date", storing nothing', async () => {
    const card = await cardOf(controlActions.saveNote({ verb: 'saveNote', v: 1, control: CONTROL, noteText: 'x' }, world.ctx()));
    expect(shownText(card)).toContain('This card is out of date');
    expect(await notes()).toEqual([]);
  });
});

describeWithFixtures('when the store fails', () => {
  it('answers with a polite card instead of an error, and logs it', async () => {
    const world = await startWorld();
    try {
      world.services.store.appendNote = async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      };
      const saved = await controlActions.saveNote({ ...actionData('saveNote', { controlId: CONTROL }), noteText: 'x' }, world.ctx());
      expect('card' in saved && shownTexts(saved.card)[0]).toBe("Sorry, I couldn't save that just now. Nothing was saved; please try again in a minute.");
      world.services.store.listNotes = async () => {
        throw new Error('disk I/O error');
      };
      const opened = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx());
      expect('card' in opened && shownText(opened.card)).toContain('Sorry, something went wrong on my side');
      expect(world.log.lines.some((l) => l.level === 'error' && l.msg === 'card action failed')).toBe(true);
    } finally {
      await world.stop();
    }
  });
});
