/**
 * Cards built from the real Graph payloads (heimdall2: 128 of 274 points, 200 control profiles with
 * HTML remediation), through the scoring module's public functions. This is where real catalogue texts
 * (entities, lists, long remediation) meet the card rules and the size limit.
 */
import { actionDetailsCard } from '../../src/cards/actionDetailsCard';
import { actionsCard } from '../../src/cards/actionsCard';
import { scoreCard } from '../../src/cards/scoreCard';
import { cardSize, MAX_CARD_SIZE } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { buildTenantData, getActionDetail, listActions, summarize } from '../../src/scoring';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { shownTexts } from './cardTools';

const TENANT = '00000000-0000-0000-0000-000000000001';

describeWithFixtures('cards from real Graph payloads', () => {
  const scores = readFixture<{ value: unknown[] }>('securescores_heimdall2_1day_68controls.json').value;
  const profiles = readFixture<{ value: { id: string }[] }>('securescorecontrolprofiles_heimdall2_page1_200.json').value;
  const data = buildTenantData(TENANT, scores, profiles);

  it('score card shows the tenant’s 128 of 274 and passes every card rule', () => {
    const summary = summarize(data);
    expect(summary).not.toBeNull();
    const card = scoreCard(summary!);
    expect(cardProblems(card)).toEqual([]);
    const texts = shownTexts(card);
    expect(texts).toContain('128');
    expect(texts).toContain('of 274 points');
    expect(texts).toContain('46.7%');
  });

  it('actions card for the real top 10 passes every card rule', () => {
    const card = actionsCard(listActions(data, { order: 'rank', count: 10 }), { order: 'rank', count: 10 });
    expect(cardProblems(card)).toEqual([]);
  });

  it('every one of the 200 real profiles renders a details card that passes every rule and fits', () => {
    const sizes = profiles.map((p) => {
      const detail = getActionDetail(data, p.id);
      expect(detail).not.toBeNull();
      const card = actionDetailsCard(detail!, [], { canWrite: true, from: { view: 'actions', order: 'rank', count: 5 } });
      const problems = cardProblems(card);
      if (problems.length) throw new Error(`${p.id}: ${problems.join('; ')}`);
      return cardSize(card);
    });
    expect(sizes).toHaveLength(200);
    expect(Math.max(...sizes)).toBeLessThan(MAX_CARD_SIZE);
  });
});
