/**
 * The Details button, handler level, on the real heimdall2 fixtures: everything the security center shows
 * for the action, read-only for people who may not write, and a clear card for unknown ids or old buttons.
 */
import { controlActions } from '../../../src/bot/actions';
import { showDetails } from '../../../src/bot/commands/actionDetail';
import { actionData } from '../../../src/cards/actionData';
import { cardSize, MAX_CARD_SIZE } from '../../../src/cards/render';
import { cardProblems } from '../../../src/cards/validate';
import { describeWithFixtures, readFixture } from '../../helpers/fixtures';
import { buttonData, buttons, inputs, shownText, shownTexts } from '../../cards/cardTools';
import { ALEX, CONTROL, FIXTURE_TENANT, MEGAN, NOW, PROFILES_FILE, startWorld, type World } from './world';

const FROM = { view: 'actions' as const, order: 'rank' as const, count: 5 };

describeWithFixtures('Details on an improvement action (real fixtures)', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world.stop());

  it('shows every field the security center shows for a real control', async () => {
    const raw = readFixture(PROFILES_FILE).value.find((p: { id: string }) => p.id === CONTROL);
    const result = await controlActions.actionDetails({ ...actionData('actionDetails', { controlId: CONTROL, from: FROM }) }, world.ctx());
    if (!('card' in result)) throw new Error('expected a card');
    const card = result.card;
    const texts = shownTexts(card);
    expect(cardProblems(card)).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([
        raw.title,
        'Apps · MCAS · Advanced',
        // description from the day's controlScores
        expect.stringMatching(/^Log collectors provide visibility into cloud app usage/),
        'Points: 0 / 1 (+1 pt available)',
        'Category: Apps',
        'Protects against: Data Exfiltration',
        'Implementation cost: Moderate',
        'User impact: Low',
        'Tier: Advanced',
        'Service: MCAS',
        'Progress: Open',
        'Feature in place: false.',
        'This change has no known impact on your users.',
        'None listed.',
        'Default',
        'Nobody assigned',
        'No notes yet.',
      ]),
    );
    // The steps: HTML converted to a readable numbered list, no tags left.
    const steps = texts.find((t) => t.includes('Automatic log upload'))!;
    expect(steps).toMatch(/^1\. In the Defender for Cloud Apps portal, go to the/);
    expect(steps).toMatch(/\n2\. In the \*\*Data sources\*\* tab/);
    expect(steps).not.toMatch(/<\/?(li|ol|ul|b|a)\b/);
    const urls = buttons(card).filter((b) => b.type === 'Action.OpenUrl').map((b) => b.url);
    expect(urls).toContain(raw.actionUrl);
    // Back returns to the list it came from; the forms are there for a writer.
    expect(buttonData(card)).toContainEqual({ verb: 'backToList', v: 1, from: FROM });
    expect(inputs(card).map((i) => i.id).sort()).toEqual(['noteText', 'owner', 'reason', 'state']);
  });

  it('opens from a chat command (no verb, no list) without a Back button', async () => {
    const result = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx());
    if (!('card' in result)) throw new Error('expected a card');
    expect(buttonData(result.card).some((d) => d.verb === 'backToList')).toBe(false);
    expect(shownText(result.card)).toContain('Deploy a log collector to discover shadow IT activity');
  });

  it('marks the forms posted only when chat sends the card as a message of its own, never for a button', async () => {
    const formsOf = (card: unknown) => buttonData(card).filter((d) => d.verb !== 'backToList');
    // Chat ("tell me about …", a typed choice): not an invoke, the reply is a new message.
    const chat = { ...world.ctx(), answersInvoke: false };
    const posted = await showDetails(CONTROL, chat);
    if (!('card' in posted)) throw new Error('expected a card');
    expect(formsOf(posted.card)).toEqual([
      { verb: 'saveNote', v: 1, controlId: CONTROL, posted: true },
      { verb: 'setStatus', v: 1, controlId: CONTROL, posted: true },
      { verb: 'assignOwner', v: 1, controlId: CONTROL, posted: true },
    ]);
    // A button (the choice card's, via chooseAction): an invoke answer, shown to the clicker only.
    const viaButton = await showDetails(CONTROL, world.ctx());
    if (!('card' in viaButton)) throw new Error('expected a card');
    expect(formsOf(viaButton.card).map((d) => d.posted)).toEqual([undefined, undefined, undefined]);
    // The Details button cannot claim it either (card data is untrusted).
    const claimed = await controlActions.actionDetails({ ...actionData('actionDetails', { controlId: CONTROL }), posted: true }, world.ctx());
    if (!('card' in claimed)) throw new Error('expected a card');
    expect(formsOf(claimed.card).map((d) => d.posted)).toEqual([undefined, undefined, undefined]);
  });

  it('is read-only for someone NOTE_EDITORS does not list, and writable for someone it does', async () => {
    await world.stop();
    world = await startWorld({ env: { NOTE_EDITORS: ALEX.aadObjectId } });
    const asMegan = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx(MEGAN));
    const asAlex = await controlActions.actionDetails({ controlId: CONTROL }, world.ctx(ALEX));
    if (!('card' in asMegan) || !('card' in asAlex)) throw new Error('expected cards');
    expect(inputs(asMegan.card)).toEqual([]);
    expect(shownText(asMegan.card)).toContain('You can read this action');
    expect(inputs(asAlex.card).map((i) => i.id)).toContain('noteText');
    // Reading still shows the whole action.
    expect(shownText(asMegan.card)).toContain('Protects against: Data Exfiltration');
  });

  it('says an unknown action id is not there, and changes nothing', async () => {
    const result = await controlActions.actionDetails({ ...actionData('actionDetails', { controlId: 'NoSuchControl_2019', from: FROM }) }, world.ctx());
    if (!('card' in result)) throw new Error('expected a card');
    expect(shownText(result.card)).toContain("I can't find that improvement action");
    expect(shownText(result.card)).toContain('"NoSuchControl_2019"');
    expect(buttonData(result.card)).toEqual([{ verb: 'backToList', v: 1, from: FROM }]);
  });

  it('answers a button with a broken control id with "this card is out of date" and a fresh card', async () => {
    for (const bad of [{}, { controlId: 42 }, { controlId: '   ' }, { controlId: 'a/../../b' }]) {
      const result = await controlActions.actionDetails(bad, world.ctx());
      if (!('card' in result)) throw new Error('expected a card');
      expect(shownText(result.card)).toContain('This card is out of date');
      expect(buttonData(result.card)).toEqual([{ verb: 'topActions', v: 1, order: 'rank', count: 5 }]);
    }
  });

  it('ignores a list context it does not understand instead of echoing it', async () => {
    const result = await controlActions.actionDetails({ verb: 'actionDetails', v: 1, controlId: CONTROL, from: { view: 'evil', order: 'x' } }, world.ctx());
    if (!('card' in result)) throw new Error('expected a card');
    expect(buttonData(result.card).some((d) => d.verb === 'backToList')).toBe(false);
  });

  it('stays under the Teams size limit for every one of the 200 real profiles, with five long notes', async () => {
    const profiles: { id: string }[] = readFixture(PROFILES_FILE).value;
    const longNote = 'Rolled out to the pilot group; waiting on the helpdesk script. '.repeat(16).slice(0, 1000);
    let largest = { id: '', size: 0, notesShown: 0 };
    for (const p of profiles) {
      for (let i = 0; i < 5; i++) {
        await world.store.appendNote({
          tenantId: FIXTURE_TENANT, controlId: p.id, kind: 'note', text: `${i} ${longNote}`.slice(0, 1000), authorId: ALEX.aadObjectId, authorName: ALEX.userName, createdAt: NOW.toISOString(),
        }, { dedupeWindowMs: 0 });
      }
      const result = await controlActions.actionDetails({ ...actionData('actionDetails', { controlId: p.id, from: FROM }) }, world.ctx());
      if (!('card' in result)) throw new Error(`no card for ${p.id}`);
      expect(cardProblems(result.card)).toEqual([]);
      const size = cardSize(result.card);
      if (size > largest.size) largest = { id: p.id, size, notesShown: shownTexts(result.card).filter((t) => t.includes('helpdesk script')).length };
    }
    // Figures for the report: the largest details card on the real fixtures.
    console.log(`largest details card: ${largest.id}, ${largest.size} UTF-16 units with ${largest.notesShown} notes shown (limit ${MAX_CARD_SIZE})`);
    expect(largest.size).toBeLessThanOrEqual(MAX_CARD_SIZE);
    expect(largest.notesShown).toBe(5);
  });
});
