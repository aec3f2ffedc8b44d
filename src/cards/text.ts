/**
 * User-written text (notes, reasons, owner names, portal comments) must reach the reader exactly as
 * typed, and must never be taken for card syntax. Three things on the way could interpret it:
 *
 * 1. Templating. adaptivecards-templating 2.3.1 does NOT re-evaluate `${…}` inside data values (a test
 *    pins that), but the expanded card must still never contain a live `${`: another templating pass
 *    (a host, a later refactor) would evaluate it, and our own "nothing left unbound" check looks for it.
 * 2. Text functions. Every Adaptive Card renderer rewrites `{{DATE(…)}}` / `{{TIME(…)}}` in TextBlock and
 *    TextRun text.
 * 3. Markdown. TextBlock text and FactSet values are markdown (Teams renders a subset); TextRun is not.
 *
 * (1) and (2) are broken with an invisible U+200B between the two characters: the reader still sees
 * `${secret}` and `{{DATE(` but nothing parses them. (3) is handled by backslash escapes, which
 * CommonMark-style renderers remove when they display the text.
 */

/** The invisible separator used to break `${` and `{{`. */
export const ZWSP = '\u200B';

/** Safe for plain-text slots: TextRun text, button titles, choice titles, placeholders. */
export function plainText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/\$\{/g, `$${ZWSP}{`)
    .replace(/\{\{/g, `{${ZWSP}{`);
}

/**
 * Inline syntax the card markdown subset (and CommonMark, which the web renderer follows) reacts to:
 * emphasis, code, strikethrough, links/images, autolinks and raw HTML, and the backslash itself.
 * Other punctuation is left alone so a renderer without escape support shows fewer stray backslashes.
 */
const INLINE_SPECIAL = /[\\`*_~[\]<]/g;
/** Block syntax only counts at the start of a line: lists, headings, quotes, ordered lists. */
const LINE_START_SPECIAL = /^([ \t]*)([-+#>]|\d+[.)])/gm;

/** Safe for markdown slots (TextBlock text, Fact title/value): shows literally, nothing is formatted. */
export function markdownText(value: string | null | undefined): string {
  const inline = plainText(value).replace(INLINE_SPECIAL, (c) => `\\${c}`);
  const blocks = inline.replace(LINE_START_SPECIAL, (_m, indent: string, marker: string) =>
    `${indent}${marker.replace(/[-+#>.)]/, (c) => `\\${c}`)}`,
  );
  // Markdown joins single newlines into one paragraph: a hard break (two spaces) keeps the user's lines.
  return blocks.replace(/\n/g, '  \n');
}

/**
 * For markdown that is already meant as markdown (remediation steps converted from Graph HTML): keep
 * the formatting, but still break templating and text-function syntax.
 */
export function trustedMarkdown(value: string | null | undefined): string {
  return plainText(value);
}

/**
 * What a reader sees for a string produced by plainText/markdownText: used by tests (and by anyone who
 * needs the original back, e.g. to copy a note). Mirrors CommonMark's backslash-escape rule.
 */
export function displayedText(value: string, markdown: boolean): string {
  let s = value;
  if (markdown) s = s.replace(/ {2}\n/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return s.split(ZWSP).join('');
}

/** Cuts a string to at most `max` characters (not splitting a surrogate pair) and marks the cut with "…". */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = Math.max(0, max - 1);
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${value.slice(0, cut).trimEnd()}…`;
}
