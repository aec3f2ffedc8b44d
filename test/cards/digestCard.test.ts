import { buildDigestCard, digestCard, DIGEST_LEVELS, type DigestInput } from '../../src/cards/digestCard';
import { cardSize, MAX_CARD_SIZE, renderCard } from '../../src/cards/render';
import { cardProblems } from '../../src/cards/validate';
import { buttonData, elementsOfType, shownText, shownTexts } from './cardTools';
import { ACTIONS, change, CHANGES, SUMMARY, TREND } from './samples';

const INPUT: DigestInput = { summary: SUMMARY, changes: CHANGES, trend: TREND, topActions: ACTIONS, notesThisWeek: 3, periodLabel: 'Week 49 · 30 Nov – 6 Dec 2026' };

describe('digest card', () => {
  const card = digestCard(INPUT);
  const texts = shownTexts(card);

  it('leads with the score, percentage and change since the last digest', () => {
    expect(texts.slice(0, 6)).toEqual(['Weekly Secure Score digest', 'Week 49 · 30 Nov – 6 Dec 2026', '128', 'of 274 points', '46.7%', '+8 pts since 26 Nov']);
  });

  it('calls out regressions, then gained and lost controls largest first, and the max-score change', () => {
    const all = shownText(card);
    expect(all).toContain('Regression: a control slipped back (it was complete, or fell to zero)');
    expect(all.indexOf('Regression')).toBeLessThan(all.indexOf('Gained points (2 controls)'));
    expect(all.indexOf('Enable Conditional Access policies to block legacy authentication\n+8 pts')).toBeGreaterThan(0);
    expect(all.indexOf('Gained points')).toBeLessThan(all.indexOf('Enable self-service password reset'));
    expect(all.indexOf(`${CHANGES.lost[0].title}\n\u221210 pts`)).toBeLessThan(all.indexOf('Create Data Loss Prevention (DLP) policies\n\u22122.5 pts'));
    expect(all).toContain('The maximum score rose by 4 pts');
    const regressionBox = (card.body as Record<string, unknown>[]).find((b) => b.style === 'attention');
    expect(JSON.stringify(regressionBox)).toContain('Ensure multifactor authentication is enabled for all users in administrative roles (\u221210 pts)');
  });

  it('draws the trend as a Chart.Line with one {x, y} per day and a text fallback', () => {
    const [chart] = elementsOfType(card, 'Chart.Line');
    const values = (chart.data as { values: { x: string; y: number }[] }[])[0].values;
    expect(values).toHaveLength(TREND.points.length);
    expect(values[0]).toEqual({ x: '4 Nov', y: 120 });
    expect(values[values.length - 1]).toEqual({ x: '23 Nov', y: 128 });
    expect(JSON.stringify(chart.fallback)).toContain('120 → 128 pts (+8 pts)');
  });

  it('compares with similar organisations, lists top 5 actions with Details, counts notes and dates the data', () => {
    expect(texts).toContain('Similar size (1–100 seats): 48.1% average · we are 1.4 pp behind');
    expect(texts).toContain('Top 5 actions by points available');
    expect(buttonData(card).filter((d) => d.verb === 'actionDetails').map((d) => d.controlId)).toEqual(ACTIONS.map((a) => a.controlId));
    expect(texts).toContain('3 notes recorded this week · data as of 3 Dec 2026');
  });

  it('ends with Digest settings and Unsubscribe', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({ title: 'Digest settings', verb: 'digestSettings', data: { verb: 'digestSettings', v: 1 } }),
      expect.objectContaining({ title: 'Unsubscribe', verb: 'unsubscribe', data: { verb: 'unsubscribe', v: 1 } }),
    ]);
  });

  it('falls back to the 7-day change when there is no change report', () => {
    const vm = buildDigestCard({ ...INPUT, changes: null });
    expect(vm.changeText).toBe('+5 pts in 7 days');
    expect(vm.hasGained || vm.hasLost || vm.hasRegressions || vm.hasNoChanges).toBe(false);
  });
});

describe('digest size guard', () => {
  const longTitle = (i: number) => `Control ${i}: ` + 'Ensure that a very long improvement action title with many words is handled '.repeat(6);
  const gained = Array.from({ length: 100 }, (_, i) => change({ controlId: `g${i}`, title: longTitle(i), delta: 1 + (i % 7) }));
  const lost = Array.from({ length: 100 }, (_, i) => change({ controlId: `l${i}`, title: longTitle(i), delta: -(1 + (i % 5)), regression: i % 2 === 0 }));
  const huge: DigestInput = {
    ...INPUT,
    changes: { ...CHANGES, gained, lost, regressions: lost.filter((c) => c.regression), delta: 150 },
    topActions: Array.from({ length: 50 }, (_, i) => ({ ...ACTIONS[0], controlId: `a${i}`, title: longTitle(i) })),
    trend: { ...TREND, days: 90 },
  };

  it('with 200 changed controls and long titles stays under 28,000 UTF-16 units and keeps the header facts', () => {
    const card = digestCard(huge);
    expect(cardSize(card)).toBeLessThan(28_000);
    expect(cardProblems(card)).toEqual([]);
    const texts = shownTexts(card);
    expect(texts.slice(0, 6)).toEqual(['Weekly Secure Score digest', 'Week 49 · 30 Nov – 6 Dec 2026', '128', 'of 274 points', '46.7%', '+150 pts since 26 Nov']);
    expect(texts).toContain('Gained points (100 controls)');
    expect(texts).toContain('Lost points (100 controls)');
    expect(shownText(card)).toMatch(/Regressions: 50 controls slipped back \(were complete, or fell to zero\)/);
    expect(card.actions).toHaveLength(2);
  });

  it('shrinks a digest whose fullest form is too large (titles full of markdown characters, which escaping doubles)', () => {
    const marky = (i: number) => `${i} ` + '[_*`<'.repeat(40);
    const worst: DigestInput = {
      ...huge,
      changes: {
        ...huge.changes!,
        gained: gained.map((c, i) => ({ ...c, title: marky(i) })),
        lost: lost.map((c, i) => ({ ...c, title: marky(i) })),
        regressions: lost.filter((c) => c.regression).map((c, i) => ({ ...c, title: marky(i) })),
      },
      topActions: huge.topActions.map((a, i) => ({ ...a, title: marky(i) })),
    };
    expect(cardSize(fullestDigest(worst))).toBeGreaterThan(MAX_CARD_SIZE);
    const card = digestCard(worst);
    expect(cardSize(card)).toBeLessThan(28_000);
    expect(cardProblems(card)).toEqual([]);
    expect(shownTexts(card).slice(2, 6)).toEqual(['128', 'of 274 points', '46.7%', '+150 pts since 26 Nov']);
    // Shrunk, not emptied: some gained rows, the regressions callout and at least one action remain.
    expect(shownText(card)).toContain('…and ');
    expect(shownText(card)).toMatch(/Regressions: 50 controls slipped back \(were complete, or fell to zero\)/);
    expect(buttonData(card).filter((d) => d.verb === 'actionDetails').length).toBeGreaterThanOrEqual(1);
  });

  it('sorts gained and lost largest first even when the input is not', () => {
    const vm = buildDigestCard(huge, DIGEST_LEVELS[0]);
    expect(vm.gained.map((g) => g.deltaText).slice(0, 3)).toEqual(['+7 pts', '+7 pts', '+7 pts']);
    expect(vm.lost[0].deltaText).toBe('\u22125 pts');
    expect(vm.gainedMoreText).toBe('…and 90 more controls.');
  });
});

/** The fullest level rendered on its own, to show the guard had work to do. */
function fullestDigest(input: DigestInput): unknown {
  return renderCard('digest', buildDigestCard(input, DIGEST_LEVELS[0]));
}
