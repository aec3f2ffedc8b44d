/**
 * Teams delivers message text as light HTML: entities (&nbsp; &amp; …) and sometimes <p>/<div>/<br>
 * wrappers. The recognizer wants plain text.
 */

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

/** Decode the named entities Teams uses plus any numeric one (&#8217; &#x1F600;). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6}|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in NAMED) return NAMED[lower];
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      // An invalid code point would throw in fromCodePoint; leave such text as the user typed it.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return whole;
  });
}

// Block-level tags separate words; inline ones (<b>, <span>) do not.
const BLOCK_TAG = /<\/?(p|div|br|li|ul|ol|tr|td|h[1-6]|blockquote)\b[^>]*>/gi;
// A tag starts with a letter right after "<", so "score < 50" is left alone.
const ANY_TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi;

/** Remove HTML tags, turning block tags into spaces. Run before decodeEntities so "&lt;p&gt;" stays text. */
export function stripTags(text: string): string {
  return text.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
}
