import { buildChangesCard, changesCard } from '../../src/cards/changesCard';
import { buildTargetCard, targetCard } from '../../src/cards/targetCard';
import { buildDropAlertCard, dropAlertCard } from '../../src/cards/dropAlertCard';
import { buttonData, shownText, shownTexts } from './cardTools';
import { ACTIONS, change, CHANGES, DROP, NO_CHANGES, PLAN, SUMMARY, UNREACHABLE_PLAN } from './samples';

describe('what-changed card', () => {
  it('shows period, before/after points and percent, and the net delta', () => {
    const texts = shownTexts(changesCard(CHANGES));
    expect(texts.slice(0, 8)).toEqual(['What changed', '26 Nov – 3 Dec 2026', 'Before', '120 pts (44.4%)', 'After', '128 pts (46.7%)', 'Net', '+8 pts']);
  });

  it('lists gained and lost largest first whatever the input order, with before → after', () => {
    const shuffled = { ...CHANGES, gained: [...CHANGES.gained].reverse(), lost: [...CHANGES.lost].reverse() };
    const vm = buildChangesCard(shuffled);
    expect(vm.gained.map((g) => g.deltaText)).toEqual(['+8 pts', '+1 pt']);
    expect(vm.lost.map((g) => [g.deltaText, g.detailText])).toEqual([
      ['\u221210 pts', '10 → 0 pts · Identity'],
      ['\u22122.5 pts', '10 → 7.5 pts · Data'],
    ]);
  });

  it('calls regressions out in an attention container and explains a max-score change', () => {
    const card = changesCard(CHANGES);
    const box = (card.body as Record<string, unknown>[]).find((b) => b.style === 'attention');
    expect(shownTexts(box)).toEqual(['Regression: a control slipped back (it was complete, or fell to zero)', `${CHANGES.regressions[0].title} (\u221210 pts)`]);
    expect(shownText(card)).toContain('The maximum score rose by 4 pts (new or retired controls, licences), which moves the percentage on its own.');
  });

  it('caps long lists with "…and N more"', () => {
    const gained = Array.from({ length: 14 }, (_, i) => change({ controlId: `c${i}`, title: `C${i}`, delta: 14 - i }));
    const vm = buildChangesCard({ ...CHANGES, gained }, { maxRows: 10 });
    expect(vm.gained).toHaveLength(10);
    expect(vm.gainedMoreText).toBe('…and 4 more controls.');
  });

  it('says so when nothing changed, with unknown percentages as a dash', () => {
    const texts = shownTexts(changesCard(NO_CHANGES));
    expect(texts).toContain('No control gained or lost points in this period.');
    expect(texts).toContain('0 pts (—)');
    expect(texts).not.toContain('Gained points (0 controls)');
  });
});

describe('target card', () => {
  it('shows target, current and gap, and the chosen actions with points, cost and impact and the total', () => {
    const card = targetCard(PLAN);
    const texts = shownTexts(card);
    expect(texts.slice(0, 5)).toEqual(['Reaching 60%', 'Target: 164.4 pts (60%)', 'Now: 128 pts (46.7%)', 'Gap: 36.4 pts', 'Reachable with 5 actions below.']);
    expect(texts).toContain('+8 pts · Cost: Low · User impact: Moderate');
    expect(texts).toContain('Total: +27.5 pts from 5 actions → 155.5 pts (56.8%)');
    expect(buttonData(card).filter((d) => d.verb === 'actionDetails').map((d) => d.controlId)).toEqual(PLAN.actions.map((a) => a.controlId));
  });

  it('says plainly when the target is out of reach and what the most reachable is', () => {
    const vm = buildTargetCard(UNREACHABLE_PLAN);
    expect(vm.statusText).toBe('Out of reach: all open actions together add at most 146 pts, which gets to 274 pts (100%). The actions below get as close as possible.');
    expect(vm.statusStyle).toBe('attention');
  });

  it('says when the target is already met', () => {
    const vm = buildTargetCard({ ...PLAN, alreadyMet: true, gap: 0, actions: [], pointsGained: 0, target: { points: 100, percent: 36.5 } });
    expect(vm.statusText).toBe('Already there: the score is at or above 36.5%.');
    expect(vm.gapText).toBe('None');
    expect(vm.hasActions).toBe(false);
  });

  it('explains a target scoring could not use', () => {
    const vm = buildTargetCard({ ...UNREACHABLE_PLAN, invalidReason: 'aboveMax', actions: [] });
    expect(vm.statusText).toBe('The target is above the maximum score (274 pts).');
    expect(vm.gapText).toBe('—');
  });

  it('lists at most 15 actions and says how many more', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...ACTIONS[0], controlId: `a${i}` }));
    const vm = buildTargetCard({ ...UNREACHABLE_PLAN, actions: many });
    expect(vm.actions).toHaveLength(15);
    expect(vm.moreText).toBe('…and 25 more actions.');
  });
});

describe('drop alert card', () => {
  it('says by how much the score fell, from what to what and when', () => {
    const vm = buildDropAlertCard(DROP, SUMMARY.total);
    expect(vm.title).toBe('Secure Score fell by 12 pts');
    expect(vm.summaryText).toBe('From 140 on 2 Dec 2026 to 128 on 3 Dec 2026 (now 46.7%).');
  });

  it('lists the controls that lost full points, largest first, each with Details', () => {
    const card = dropAlertCard({ ...DROP, lostFullControls: [...DROP.lostFullControls].reverse() }, SUMMARY.total);
    expect(shownTexts(card)).toContain('2 controls that had full points lost some:');
    expect(shownTexts(card)).toContain('\u221210 pts · 10 → 0 pts · Identity');
    expect(buttonData(card).filter((d) => d.verb === 'actionDetails')).toEqual([
      { verb: 'actionDetails', v: 1, controlId: 'AdminMFAV2', from: { view: 'dropAlert' } },
      { verb: 'actionDetails', v: 1, controlId: 'OneAdmin', from: { view: 'dropAlert' } },
    ]);
  });
});
