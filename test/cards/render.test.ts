/**
 * renderCard and the templating engine's behaviour that the view models are designed around (GUIDE §3).
 * The engine facts are pinned here so an upgrade of adaptivecards-templating that changes them fails.
 */
import * as ACData from 'adaptivecards-templating';
import { cardSize, renderCard } from '../../src/cards/render';
import { buildMessageCard } from '../../src/cards/messageCard';

describe('adaptivecards-templating behaviour the cards rely on', () => {
  const template = new ACData.Template({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: '${note}' },
      { type: 'TextBlock', text: 'Note: ${note}' },
      { type: 'TextBlock', text: '${missing}' },
      { type: 'TextBlock', text: '${count}' },
      { $data: '${items}', type: 'TextBlock', text: '${t}' },
      { type: 'TextBlock', $when: '${flag}', text: 'shown when true' },
    ],
  });

  it('does not evaluate ${…} that arrives inside a data value, alone or inside a larger string', () => {
    const out = template.expand({ $root: { note: 'a ${secret} b', secret: 'LEAKED', count: '1', items: [{ t: '${secret}' }], flag: true } });
    const json = JSON.stringify(out);
    expect(json).not.toContain('LEAKED');
    expect(out.body[0].text).toBe('a ${secret} b');
    expect(out.body[1].text).toBe('Note: a ${secret} b');
    expect(out.body[4].text).toBe('${secret}');
  });

  it('renders a missing field as its own binding text (why view models never hold null)', () => {
    const out = template.expand({ $root: { note: '', count: '1', items: [], flag: true } });
    expect(out.body[2].text).toBe('${missing}');
  });

  it('keeps a number a number, which a TextBlock would show as nothing (why numbers are formatted first)', () => {
    const out = template.expand({ $root: { note: '', missing: '', count: 5, items: [], flag: true } });
    expect(out.body[3].text).toBe(5);
  });

  it('drops a $when element unless the value is the boolean true', () => {
    const shown = template.expand({ $root: { note: '', missing: '', count: '1', items: [], flag: true } });
    const hiddenByString = template.expand({ $root: { note: '', missing: '', count: '1', items: [], flag: 'true' } });
    expect(shown.body.map((b: { text: string }) => b.text)).toContain('shown when true');
    expect(hiddenByString.body.map((b: { text: string }) => b.text)).not.toContain('shown when true');
  });
});

describe('renderCard', () => {
  it('expands a template from adaptiveCards/ with the view model as $root', () => {
    const card = renderCard('message', buildMessageCard({ title: 'Hello', text: 'World' }));
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).toContain('"Hello"');
  });

  it('returns an independent copy each time: editing one card does not touch the view model or the next card', () => {
    const vm = buildMessageCard({ title: 'T', actions: [{ title: 'Go', data: { verb: 'score', v: 1 } }] });
    const first = renderCard('message', vm);
    ((first.actions as { data: { verb: string } }[])[0].data).verb = 'changed';
    const second = renderCard('message', vm);
    expect(vm.buttons[0].data.verb).toBe('score');
    expect((second.actions as { data: { verb: string } }[])[0].data.verb).toBe('score');
  });

  it('rejects template names that could leave the template folder', () => {
    expect(() => renderCard('../package', {})).toThrow('Invalid card template name: "../package"');
    expect(() => renderCard('noSuchCard', {})).toThrow(/ENOENT/);
  });
});

describe('cardSize', () => {
  it('counts UTF-16 code units of the JSON, as Teams does', () => {
    expect(cardSize({ t: 'a' })).toBe(9);
    // One emoji is two UTF-16 units; Arabic letters are one each.
    expect(cardSize({ t: '😀' })).toBe(10);
    expect(cardSize({ t: 'مرحبا' })).toBe(13);
  });
});
