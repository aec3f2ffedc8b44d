import { cleanText, MAX_INPUT_CHARS, normalize } from '../../../src/bot/understanding/normalize';
import { decodeEntities } from '../../../src/bot/understanding/html';
import { allowedEdits, createSpeller, editDistance } from '../../../src/bot/understanding/fuzzy';
import { KEEP_AS_TYPED, KNOWN_WORDS, SPELLING_TARGETS } from '../../../src/bot/understanding/vocabulary';

describe('normalize', () => {
  test.each([
    ['What’s our “Secure Score”?', 'whats our secure score'],
    ['Score 🤔🔥👍🏽', 'score'],
    ['top\n\n5\r\n actions', 'top 5 actions'],
    ['pls show the trend, thanks!', 'show the trend'],
    ['Hey bot, can you show the trend please', 'show the trend'],
    ['reach 72.5 %', 'reach 72.5%'],
    ['top 1,000 actions', 'top 1000 actions'],
    ['digest at 9:30 pm', 'digest at 9:30 pm'],
    ['quick-wins — now', 'quick wins now'],
    ['what is exo_mailboxaudit?', 'what is exo_mailboxaudit'],
    ['ｓｃｏｒｅ', 'score'],
    ['hi', 'hi'],
    ['thanks', 'thanks'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('input is cut to MAX_INPUT_CHARS before any work', () => {
    expect(cleanText('x'.repeat(10_000))).toHaveLength(MAX_INPUT_CHARS);
  });
});

describe('decodeEntities', () => {
  test('named and numeric entities', () => {
    expect(decodeEntities('a&nbsp;&amp;&lt;&gt;&quot;&#39;&#8217;&#x1F600;&bogus;')).toBe('a &<>"\'\u2019\u{1F600}&bogus;');
  });
});

describe('spelling', () => {
  test('edit distance counts a transposition as one edit', () => {
    expect(editDistance('scroe', 'score')).toBe(1);
    expect(editDistance('trnd', 'trend')).toBe(1);
    expect(editDistance('recomendations', 'recommendations')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('allowed edits grow with token length', () => {
    expect([3, 4, 7, 8, 14].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  test('a speller corrects typos and leaves known, protected, short and id-like tokens', () => {
    const speller = createSpeller(['score', 'weeks', 'weekly'], new Set(['week']), new Set(['store']));
    expect(speller.correct('scroe')).toBe('score');
    expect(speller.correct('store')).toBe('store');
    expect(speller.correct('week')).toBe('week');
    expect(speller.correct('sco')).toBe('sco');
    expect(speller.correct('exo_mailboxaudit')).toBe('exo_mailboxaudit');
    expect(speller.correct('wekly')).toBe('weekly');
  });

  test('on equal distance the keyword with the same first letter wins', () => {
    const speller = createSpeller(['cost', 'most'], new Set(), new Set());
    expect(speller.correct('mst')).toBe('mst'); // too short to correct
    expect(speller.correct('mosts')).toBe('most');
    expect(speller.correct('xost')).toBe('cost'); // tie on distance and letter: list order
  });

  test('every spelling target is a word the rules use, and no protected word is a target', () => {
    expect(SPELLING_TARGETS.filter((w) => !KNOWN_WORDS.has(w))).toEqual([]);
    expect(SPELLING_TARGETS.filter((w) => KEEP_AS_TYPED.has(w))).toEqual([]);
  });
});
