/** Numbers as people type them in chat: digits or words ("top five", "a couple", "twenty five"). */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const VAGUE: Record<string, number> = { 'a couple': 2, couple: 2, 'a few': 3, few: 3, 'a dozen': 12, dozen: 12, 'a hundred': 100, hundred: 100 };

const alt = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
const SMALL_WORDS = alt(Object.keys(UNITS).filter((w) => UNITS[w] < 10));

/** A regex fragment (one capture group) matching a number in digits or words. */
export const NUM = `(\\d+(?:\\.\\d+)?|(?:${alt(Object.keys(TENS))})(?: (?:${SMALL_WORDS}))?|${alt(Object.keys(UNITS))}|${alt(Object.keys(VAGUE))})`;

/** Every word NUM can match, so the vocabulary knows them. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(UNITS), ...Object.keys(TENS), 'couple', 'few', 'dozen', 'hundred'];

/** The value of a string NUM matched; NaN for anything else. */
export function parseNumber(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t in UNITS) return UNITS[t];
  if (t in VAGUE) return VAGUE[t];
  const [tens, unit] = t.split(' ');
  if (tens in TENS && (unit === undefined || (unit in UNITS && UNITS[unit] < 10))) return TENS[tens] + (unit ? UNITS[unit] : 0);
  return NaN;
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

/** "2", "2nd", "two", "second" → 2; NaN otherwise. */
export function parseOrdinal(text: string): number {
  const t = text.trim();
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(t);
  if (digits) return Number(digits[1]);
  if (t in ORDINALS) return ORDINALS[t];
  return parseNumber(t);
}

export const ORDINAL_WORDS: readonly string[] = Object.keys(ORDINALS);
