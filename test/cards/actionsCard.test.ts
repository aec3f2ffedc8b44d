import { actionsCard, buildActionsCard } from '../../src/cards/actionsCard';
import { buttonData, shownTexts } from './cardTools';
import { ACTIONS, action } from './samples';

describe('actions card', () => {
  it('lists titles in the given order, each with rank, points available, cost, impact, category and Details', () => {
    const card = actionsCard(ACTIONS, { order: 'rank', count: 5 });
    const texts = shownTexts(card);
    expect(texts[0]).toBe('Top 5 actions — security center order');
    const titleIdx = ACTIONS.map((a) => texts.indexOf(a.title));
    expect(titleIdx.every((i) => i > 0)).toBe(true);
    expect([...titleIdx].sort((a, b) => a - b)).toEqual(titleIdx);
    expect(texts[titleIdx[0] - 1]).toBe('#1');
    expect(texts[titleIdx[0] + 1]).toBe('+5 pts · Identity');
    expect(texts[titleIdx[0] + 2]).toBe('Cost: Low · User impact: Moderate');
    expect(texts[titleIdx[4] + 1]).toBe('+2.5 pts · Data');
    const details = buttonData(card).filter((d) => d.verb === 'actionDetails').map((d) => d.controlId);
    expect(details).toEqual(ACTIONS.map((a) => a.controlId));
  });

  it('titles the list by order and filter', () => {
    expect(buildActionsCard(ACTIONS, { order: 'quickWins' }).title).toBe('Quick wins');
    expect(buildActionsCard(ACTIONS, { order: 'points' }).title).toBe('Biggest point gains');
    expect(buildActionsCard(ACTIONS.slice(0, 3), { order: 'rank' }).title).toBe('Top 3 actions — security center order');
    expect(buildActionsCard(ACTIONS, { category: 'Identity', maxUserImpact: 'Low' }).title).toBe('Identity actions (user impact ≤ Low)');
    expect(buildActionsCard(ACTIONS, { order: 'quickWins', maxImplementationCost: 'Moderate' }).title).toBe('Quick wins (cost ≤ Moderate)');
  });

  it('puts the list context into Details so Back can rebuild the same list', () => {
    const vm = buildActionsCard(ACTIONS, { order: 'quickWins', count: 5, category: 'Identity' });
    expect(vm.actions[1].details).toEqual({
      verb: 'actionDetails',
      v: 1,
      controlId: 'MFARegistrationV2',
      from: { view: 'actions', order: 'quickWins', count: 5, category: 'Identity' },
    });
    expect(vm.buttons.map((b) => b.data)).toEqual([
      { verb: 'topActions', v: 1, order: 'rank', count: 5, category: 'Identity' },
      { verb: 'topActions', v: 1, order: 'points', count: 5, category: 'Identity' },
    ]);
  });

  it('says "points unknown" instead of "+0 pts" when the max is unknown, and explains an empty list', () => {
    const vm = buildActionsCard([action({ controlId: 'x', title: 'X', maxScore: null, pointsAvailable: 0 })]);
    expect(vm.actions[0].pointsText).toBe('points unknown');
    expect(shownTexts(actionsCard([], { maxUserImpact: 'Low' }))).toContain('No open actions match.');
  });

  it('shows a title with markdown characters literally', () => {
    const vm = buildActionsCard([action({ controlId: 'x', title: 'Use *strong* [auth] for MDA_SF' })]);
    expect(vm.actions[0].title).toBe('Use \\*strong\\* \\[auth\\] for MDA\\_SF');
  });
});
