import { actionDetailsCard, buildActionDetailsCard } from '../../src/cards/actionDetailsCard';
import { renderCard, cardSize, MAX_CARD_SIZE } from '../../src/cards/render';
import { displayedText } from '../../src/cards/text';
import { cardProblems } from '../../src/cards/validate';
import { buttonData, buttons, elementsOfType, inputs, shownText, shownTexts } from './cardTools';
import { DETAIL, NASTY_TEXT, note, NOTES } from './samples';

const WRITER = { canWrite: true, from: { view: 'actions' as const, order: 'rank' as const, count: 5 } };

describe('action details card', () => {
  const card = actionDetailsCard(DETAIL, NOTES, { ...WRITER, banner: { text: 'Note saved', style: 'good' } });
  const texts = shownTexts(card);

  it('shows what the security center shows', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        DETAIL.title,
        'Identity · AzureAD · Core',
        DETAIL.description,
        'Points: 5 / 10 (+5 pts available)',
        'Protects against: Account Breach, Elevation Of Privilege, Password Cracking',
        'Implementation cost: Low',
        'User impact: Moderate',
        'Tier: Core',
        'Service: AzureAD',
        'Progress: Open',
        DETAIL.implementationStatus,
        DETAIL.remediation,
        DETAIL.remediationImpact,
        'None listed.',
        'Default',
        'Nobody assigned',
      ]),
    );
  });

  it('keeps remediation markdown (bold, lists) as markdown', () => {
    const steps = elementsOfType(card, 'TextBlock').find((t) => String(t.text).startsWith('1. Go'));
    expect(steps?.text).toBe(DETAIL.remediation);
  });

  it('links to the guidance and to the portal, and drops a non-https link', () => {
    const urls = buttons(card).filter((b) => b.type === 'Action.OpenUrl').map((b) => b.url);
    expect(urls).toEqual(['https://security.microsoft.com/securescore?viewid=actions', DETAIL.actionUrl]);
    const evil = actionDetailsCard({ ...DETAIL, actionUrl: 'javascript:alert(1)' }, [], WRITER);
    expect(buttons(evil).filter((b) => b.type === 'Action.OpenUrl').map((b) => b.url)).toEqual(['https://security.microsoft.com/securescore?viewid=actions']);
  });

  it('shows the banner in its style', () => {
    const banner = (card.body as Record<string, unknown>[])[0];
    expect(banner).toMatchObject({ type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'Note saved', color: 'Good' }] });
  });

  it('shows the latest notes newest first with author, time and kind', () => {
    const all = shownText(card);
    expect(all).toContain('Team notes (3 entries)');
    const order = ['Rolled out to the helpdesk admins', 'owner → megan@contoso.example', 'status → Third party'].map((s) => all.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(texts).toContain(' · 3 Dec 2026, 14:05 UTC');
    expect(texts).toContain('Covered by our third-party IdP for contractors');
  });

  it('has the note, status and owner forms with the agreed input ids and limits', () => {
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual(['noteText', 'owner', 'reason', 'state']);
    expect(byId.noteText).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000 });
    expect(byId.reason).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(byId.owner).toMatchObject({ type: 'Input.Text' });
    expect(byId.state).toMatchObject({ type: 'Input.ChoiceSet', value: 'Default' });
    expect(byId.state.choices).toEqual([
      { title: 'Default', value: 'Default' },
      { title: 'Ignored', value: 'Ignored' },
      { title: 'Third party', value: 'ThirdParty' },
      { title: 'Reviewed', value: 'Reviewed' },
    ]);
  });

  it('routes each form and Back by verb, carrying the control and the list it came from', () => {
    const from = { view: 'actions', order: 'rank', count: 5 };
    expect(buttonData(card)).toEqual([
      { verb: 'saveNote', v: 1, controlId: 'AdminMFAV2', from },
      { verb: 'setStatus', v: 1, controlId: 'AdminMFAV2', from },
      { verb: 'assignOwner', v: 1, controlId: 'AdminMFAV2', from },
      { verb: 'backToList', v: 1, from },
    ]);
  });

  it('marks the forms posted only when asked (a details card sent as a message of its own)', () => {
    const posted = actionDetailsCard(DETAIL, NOTES, { canWrite: true, posted: true });
    expect(buttonData(posted)).toEqual([
      { verb: 'saveNote', v: 1, controlId: 'AdminMFAV2', posted: true },
      { verb: 'setStatus', v: 1, controlId: 'AdminMFAV2', posted: true },
      { verb: 'assignOwner', v: 1, controlId: 'AdminMFAV2', posted: true },
    ]);
    // The Submit fallback carries the same data as the Execute button.
    const execs = buttons(posted).filter((b) => b.type === 'Action.Execute');
    expect(execs.map((b) => (b.fallback as any).data)).toEqual(execs.map((b) => b.data));
    expect(buttonData(actionDetailsCard(DETAIL, NOTES, { canWrite: true, posted: false })).map((d) => d.posted)).toEqual([undefined, undefined, undefined]);
  });

  it('keeps each form in its own ShowCard, so a required reason cannot block saving a note', () => {
    const showCards = buttons(card).filter((b) => b.type === 'Action.ShowCard');
    const idsPerForm = showCards.map((s) => inputs(s.card).map((i) => i.id));
    expect(idsPerForm).toEqual([['noteText'], ['state', 'reason'], ['owner']]);
  });

  it('shows no forms to a reader, and no Back without a list to go back to', () => {
    const ro = actionDetailsCard(DETAIL, NOTES, { canWrite: false });
    expect(inputs(ro)).toEqual([]);
    expect(buttonData(ro)).toEqual([]);
    expect(shownText(ro)).toContain('You can read this action');
  });

  it('shows state, who set it and its comment', () => {
    const c = actionDetailsCard(
      { ...DETAIL, state: 'ThirdParty', stateUpdatedBy: 'megan@contoso.example', stateUpdatedAt: '2026-12-01T08:30:00Z', stateComment: 'Okta does MFA', assignedTo: 'Megan' },
      [],
      WRITER,
    );
    expect(shownTexts(c)).toEqual(expect.arrayContaining(['Third party — set by megan@contoso.example on 1 Dec 2026, 08:30 UTC', 'Okta does MFA', 'Megan']));
  });

  it('lists compliance controls when there are some', () => {
    const vm = buildActionDetailsCard({ ...DETAIL, compliance: [{ standard: 'CIS', controls: ['1.1.1', '1.1.2'] }] }, [], WRITER);
    expect(displayedText(vm.complianceText, true)).toBe('CIS: 1.1.1, 1.1.2');
  });
});

describe('user text is shown literally and never evaluated', () => {
  const nasty = note({ id: 9, text: NASTY_TEXT, authorName: 'Dr. *Evil* ${secret}' });
  const vm = buildActionDetailsCard({ ...DETAIL, stateComment: NASTY_TEXT, assignedTo: '<b>boss</b>' }, [nasty], {
    canWrite: true,
    banner: { text: `Could not save: ${NASTY_TEXT}`, style: 'attention' },
  });
  // An extra field named like the one in the text: if anything evaluated "${secret}", this would appear.
  const card = renderCard('actionDetails', { ...vm, secret: 'LEAKED' });
  const json = JSON.stringify(card);

  it('produces a valid card whose JSON round-trips', () => {
    expect(JSON.parse(json)).toEqual(card);
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows the note text exactly as typed (quotes, backslash, newline, ${…}, HTML, markdown, emoji, Arabic)', () => {
    const runs = elementsOfType(card, 'TextRun').map((r) => displayedText(String(r.text), false));
    expect(runs).toContain(NASTY_TEXT);
    expect(runs).toContain('Dr. *Evil* ${secret}');
    expect(runs).toContain('<b>boss</b>');
    expect(runs.filter((r) => r === NASTY_TEXT)).toHaveLength(2); // the note and the portal comment
  });

  it('shows the banner (a markdown TextBlock) literally after markdown escapes are undone', () => {
    const banner = (card.body as { items: { text: string }[] }[])[0].items[0].text;
    expect(displayedText(banner, true)).toBe(`Could not save: ${NASTY_TEXT}`);
    expect(banner).toContain('\\*md\\*');
  });

  it('substitutes no value for ${secret} anywhere', () => {
    expect(json).not.toContain('LEAKED');
    expect(json).not.toContain('${');
    expect(json).toContain('مرحبا');
    expect(json).toContain('😀');
  });
});

describe('action details size guard', () => {
  it('cuts a huge remediation with "…", says so, and stays under 28 KB with the portal link', () => {
    const huge = { ...DETAIL, remediation: 'Step. '.repeat(20_000), description: 'D'.repeat(50_000) };
    const card = actionDetailsCard(huge, NOTES, WRITER);
    expect(cardSize(card)).toBeLessThan(MAX_CARD_SIZE);
    expect(cardProblems(card)).toEqual([]);
    const steps = elementsOfType(card, 'TextBlock').find((t) => String(t.text).startsWith('Step.'));
    expect(String(steps?.text).endsWith('…')).toBe(true);
    expect(String(steps?.text).length).toBeLessThanOrEqual(4000);
    expect(shownText(card)).toContain('The steps are shortened here: the full text is in the portal.');
    expect(buttons(card).some((b) => b.url === 'https://security.microsoft.com/securescore?viewid=actions')).toBe(true);
  });

  it('keeps the newest notes that fit when long notes would overflow the card', () => {
    const emojiNote = (id: number) => note({ id, text: `${id}:` + '😀'.repeat(499), createdAt: `2026-12-0${Math.min(id, 9)}T10:00:00Z` });
    // Each note is ~1000 UTF-16 units once encoded; 20 asked, with long steps, cannot all fit with everything else.
    const many = Array.from({ length: 20 }, (_, i) => emojiNote(20 - i));
    const long = { ...DETAIL, remediation: 'x'.repeat(4000), implementationStatus: 'y'.repeat(1500), remediationImpact: 'z'.repeat(1500), description: 'w'.repeat(1500) };
    const card = actionDetailsCard(long, many, { ...WRITER, maxNotes: 20 });
    expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_SIZE);
    const shownIds = elementsOfType(card, 'TextRun')
      .map((r) => String(r.text))
      .filter((t) => /^\d+:/.test(t))
      .map((t) => Number(t.split(':')[0]));
    expect(shownIds.length).toBeGreaterThan(3);
    expect(shownIds.length).toBeLessThan(20);
    // The newest ones, in order: 20, 19, 18, …
    expect(shownIds).toEqual(Array.from({ length: shownIds.length }, (_, i) => 20 - i));
    expect(shownText(card)).toContain(`Showing the newest ${shownIds.length} of 20.`);
  });
});
