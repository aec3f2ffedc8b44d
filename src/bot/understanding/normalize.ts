/**
 * Turns what someone typed into a predictable lower-case word string the rules can match.
 * Everything here is linear in the input, and input is cut to MAX_INPUT_CHARS first, so a pasted
 * 10,000-character log costs the same as a short question.
 */

/** No command is longer than this; the rest of a long paste is never looked at. */
export const MAX_INPUT_CHARS = 500;

const SMART_SINGLE = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const SMART_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\ufe0e\ufe0f\u20e3]/g;
// Pictographs, skin tones and flag letters; keycaps ("2️⃣") keep their digit once \u20e3 is gone.
const EMOJI = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}]/gu;

/** Readable text with case kept: cut, emoji and smart punctuation unified, whitespace collapsed. */
export function cleanText(raw: string): string {
  return raw
    .slice(0, MAX_INPUT_CHARS)
    .normalize('NFKC')
    .replace(SMART_SINGLE, "'")
    .replace(SMART_DOUBLE, '"')
    .replace(DASHES, '-')
    .replace(INVISIBLE, '')
    .replace(EMOJI, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keep "72.5", "9:30" and dotted ids whole; every other mark becomes a space. */
function dropPunctuation(text: string): string {
  return text.replace(/[^\p{L}\p{N}_%\s]/gu, (ch: string, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + 1] ?? '';
    if ((ch === '.' || ch === ':') && /\d/.test(before) && /\d/.test(after)) return ch;
    // Control ids such as "11770.MDA_Google_EnableTwoFactorAuth" keep an inner dot.
    if (ch === '.' && /[\p{L}\p{N}_]/u.test(before) && /[\p{L}_]/u.test(after)) return ch;
    // "what's" → "whats": an apostrophe inside a word joins it.
    if (ch === "'" && /\p{L}/u.test(before) && /\p{L}/u.test(after)) return '';
    return ' ';
  });
}

/** Politeness and greetings that carry no meaning, as token sequences. */
const FILLER: readonly string[][] = [
  ['pretty', 'please'],
  ['please'], ['pls'], ['plz'], ['plse'], ['pleas'], ['kindly'],
  ['thank', 'you'], ['thanks'], ['thankyou'], ['thx'], ['cheers'],
  ['can', 'you'], ['could', 'you'], ['would', 'you'], ['will', 'you'], ['can', 'u'], ['could', 'u'],
  ['i', 'would', 'like', 'to'], ['id', 'like', 'to'], ['i', 'want', 'to'], ['i', 'wanna'], ['i', 'need', 'to'],
];
const GREETING: readonly string[][] = [
  ['good', 'morning'], ['good', 'afternoon'], ['good', 'evening'],
  ['hi'], ['hello'], ['hey'], ['hiya'], ['yo'], ['howdy'], ['greetings'],
];
const ADDRESSEE = new Set(['there', 'bot', 'team', 'all', 'everyone', 'folks']);

function startsWith(tokens: string[], at: number, seq: readonly string[]): boolean {
  return seq.every((word, i) => tokens[at + i] === word);
}

/** Drop filler anywhere and greetings (plus "there"/"bot") at the start. */
export function dropFiller(tokens: string[]): string[] {
  let start = 0;
  for (let again = true; again; ) {
    again = false;
    const greeting = GREETING.find((g) => startsWith(tokens, start, g));
    if (greeting) {
      start += greeting.length;
      while (ADDRESSEE.has(tokens[start])) start++;
      again = true;
    } else if (tokens[start] === 'bot') {
      start++;
      again = true;
    }
  }
  const out: string[] = [];
  for (let i = start; i < tokens.length; ) {
    const filler = FILLER.find((f) => startsWith(tokens, i, f));
    if (filler) i += filler.length;
    else out.push(tokens[i++]);
  }
  return out;
}

/** Lower-case tokens without punctuation or emoji; filler still in. */
export function tokenize(raw: string): string[] {
  const text = dropPunctuation(
    cleanText(raw)
      .toLowerCase()
      .replace(/(\d),(?=\d{3}\b)/g, '$1'), // 1,000 → 1000
  )
    .replace(/(\d)\s+%/g, '$1%')
    .trim();
  return text ? text.split(/\s+/).filter((t) => t !== '%') : [];
}

/** tokenize() minus filler, unless nothing else is left ("hi", "thanks"). */
export function normalizeTokens(raw: string): string[] {
  const tokens = tokenize(raw);
  const kept = dropFiller(tokens);
  return kept.length > 0 ? kept : tokens;
}

/** normalizeTokens joined by single spaces: the string the rules match against. */
export function normalize(raw: string): string {
  return normalizeTokens(raw).join(' ');
}
