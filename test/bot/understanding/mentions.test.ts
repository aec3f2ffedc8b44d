import { stripBotMentions } from '../../../src/bot/understanding/mentions';
import { recognize } from '../../../src/bot/understanding/recognize';

const BOT = '28:11111111-2222-3333-4444-555555555555';
const mention = (text: string | undefined, id: string, name?: string) => ({
  type: 'mention',
  ...(text !== undefined && { text }),
  mentioned: { id, ...(name !== undefined && { name }) },
});

describe('stripBotMentions', () => {
  test('a multi-word bot name split into two <at> tags with the same id is removed whole', () => {
    const text = '<at>Secure</at> <at>Score</at> what&#39;s our score';
    const entities = [mention('<at>Secure</at>', BOT, 'Secure Score'), mention('<at>Score</at>', BOT, 'Secure Score')];
    expect(stripBotMentions(text, entities, BOT)).toBe("what's our score");
  });

  test('the command after a split name is then recognised', () => {
    const text = '<at>Secure</at> <at>Score</at> top 3 quick wins';
    const entities = [mention('<at>Secure</at>', BOT), mention('<at>Score</at>', BOT)];
    expect(recognize(stripBotMentions(text, entities, BOT))).toEqual({ kind: 'actions', order: 'quickWins', count: 3 });
  });

  test('an entity without text is found through mentioned.name (whole name in one tag)', () => {
    const entities = [mention(undefined, BOT, 'Secure Score')];
    expect(stripBotMentions('<at>Secure Score</at>&nbsp;top 5 actions', entities, BOT)).toBe('top 5 actions');
  });

  test('an entity without text is found through the words of mentioned.name (split tags)', () => {
    const entities = [mention(undefined, BOT, 'Secure Score')];
    expect(stripBotMentions('<at>Secure</at> <at>Score</at> show the trend', entities, BOT)).toBe('show the trend');
  });

  test("other people's mentions stay as their plain names", () => {
    const text = '<at>Secure Score</at> assign legacy auth to <at>Jane Doe</at> and <at>Ola</at>';
    const entities = [
      mention('<at>Secure Score</at>', BOT, 'Secure Score'),
      mention('<at>Jane Doe</at>', '29:jane', 'Jane Doe'),
      mention('<at>Ola</at>', '29:ola', 'Ola'),
    ];
    expect(stripBotMentions(text, entities, BOT)).toBe('assign legacy auth to Jane Doe and Ola');
  });

  test('a person whose name shares a word with the bot keeps their mention when the bot entity has text', () => {
    const text = '<at>Secure Score</at> ask <at>Score</at>';
    const entities = [mention('<at>Secure Score</at>', BOT, 'Secure Score'), mention('<at>Score</at>', '29:p', 'Score')];
    expect(stripBotMentions(text, entities, BOT)).toBe('ask Score');
  });

  test('HTML wrappers and entities Teams sends are removed and decoded', () => {
    const text = '<p><at>Secure Score</at>&nbsp;score &amp; trend</p><div>&quot;quoted&quot; &lt;b&gt;</div>';
    expect(stripBotMentions(text, [mention('<at>Secure Score</at>', BOT)], BOT)).toBe('score & trend "quoted" <b>');
  });

  test('<br> separates words', () => {
    expect(stripBotMentions('score<br>trend<br/>now', [], BOT)).toBe('score trend now');
  });

  test('when the bot id is unknown, leading <at> tags are taken as the bot and later ones kept as names', () => {
    expect(stripBotMentions('<at>Secure</at> <at>Score</at> ask <at>Jane</at> about MFA', undefined, undefined)).toBe('ask Jane about MFA');
  });

  test('when no entities came with the message, leading <at> tags are taken as the bot', () => {
    expect(stripBotMentions('<at>Secure Score</at> score', undefined, BOT)).toBe('score');
  });

  test('bot ids match with or without the "28:" prefix', () => {
    expect(stripBotMentions('<at>Secure Score</at> hi', [mention('<at>Secure Score</at>', BOT.slice(3))], BOT)).toBe('hi');
  });

  test('a client that sends the bot name without tags has it removed from the start', () => {
    expect(stripBotMentions('Secure Score what is our score', [mention('<at>Secure Score</at>', BOT, 'Secure Score')], BOT)).toBe(
      'what is our score',
    );
  });

  test('a plain "<" is not taken for a tag', () => {
    expect(stripBotMentions('actions with score < 5', [], BOT)).toBe('actions with score < 5');
  });

  test('malformed entities are ignored, not thrown on', () => {
    const entities: unknown[] = [null, 'x', 42, { type: 'mention' }, { type: 'mention', mentioned: { id: 7 } }, mention('<at>Secure Score</at>', BOT)];
    expect(stripBotMentions('<at>Secure Score</at> trend', entities, BOT)).toBe('trend');
  });

  test('empty text gives an empty string', () => {
    expect(stripBotMentions('', [], BOT)).toBe('');
  });
});
