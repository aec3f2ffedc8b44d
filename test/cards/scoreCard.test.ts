import { buildScoreCard, scoreCard } from '../../src/cards/scoreCard';
import { buttonData, shownText, shownTexts } from './cardTools';
import { ACTIONS, EMPTY_SUMMARY, SUMMARY } from './samples';

describe('score card', () => {
  const card = scoreCard(SUMMARY);
  const texts = shownTexts(card);

  it('shows score, max, percentage, as-of date and the 7-day change', () => {
    expect(texts).toContain('128');
    expect(texts).toContain('of 274 points');
    expect(texts).toContain('46.7%');
    expect(texts).toContain('Data as of 3 Dec 2026');
    expect(texts).toContain('+5 pts in 7 days');
  });

  it('shows each category with points of max and percent', () => {
    const vm = buildScoreCard(SUMMARY);
    expect(vm.categories).toEqual([
      { name: 'Identity', pointsText: '40 / 70', percentText: '57.1%' },
      { name: 'Data', pointsText: '8.5 / 20', percentText: '42.5%' },
      { name: 'Apps', pointsText: '79.5 / 184', percentText: '43.2%' },
    ]);
    expect(texts).toEqual(expect.arrayContaining(['Identity', '40 / 70', '57.1%', 'Apps', '79.5 / 184']));
  });

  it('shows a known lower bound when a category max is only partly known', () => {
    const vm = buildScoreCard({ ...SUMMARY, categories: [{ category: 'Apps', score: 79.5, max: null, percent: null, unknownMaxControls: 2, knownMax: 180 }] });
    expect(vm.categories).toEqual([{ name: 'Apps', pointsText: '79.5 / \u2265 180', percentText: '—' }]);
  });

  it('compares with all tenants and with the similar seat count, naming the seat range', () => {
    expect(texts).toContain('All tenants: 41.2% average · we are 5.5 pp ahead');
    expect(texts).toContain('Similar size (1–100 seats): 48.1% average · we are 1.4 pp behind');
  });

  it('lists the top 3 actions in order with points, cost and impact and a Details button each', () => {
    const all = shownText(card);
    const positions = ACTIONS.slice(0, 3).map((a) => all.indexOf(`${a.title}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(texts).toContain('+5 pts · Cost: Low · User impact: Moderate');
    expect(texts).toContain('+9 pts · Cost: Moderate · User impact: High');
    const details = buttonData(card).filter((d) => d.verb === 'actionDetails');
    expect(details).toEqual(ACTIONS.slice(0, 3).map((a) => ({ verb: 'actionDetails', v: 1, controlId: a.controlId, from: { view: 'score' } })));
  });

  it('offers "Top actions" and "Trend"', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({ title: 'Top actions', verb: 'topActions', data: { verb: 'topActions', v: 1, order: 'rank', count: 5 } }),
      expect.objectContaining({ title: 'Trend', verb: 'trend', data: { verb: 'trend', v: 1, days: 30 } }),
    ]);
  });

  it('says plainly when Graph returned no comparison and when numbers are unknown', () => {
    const empty = shownTexts(scoreCard(EMPTY_SUMMARY));
    expect(empty).toContain('Graph returned no comparison data.');
    expect(empty).toContain('of — points');
    expect(empty).toContain('—');
    expect(empty).toContain('No 7-day history yet');
    expect(empty).toContain('No open actions found.');
    expect(empty).not.toContain('By category');
  });

  it('leaves out comparisons whose average is unknown (-1 from Graph)', () => {
    const vm = buildScoreCard({ ...SUMMARY, comparisons: [{ ...SUMMARY.comparisons[0], averagePercent: null, differencePercent: null }] });
    expect(vm.hasComparisons).toBe(false);
  });
});
