/**
 * Teams delivers message text as light HTML: entities (&nbsp; &amp; …) and sometimes <p>/<div>/<br>
 * wrappers. The recognizer wants plain text.
 */

// One entity decoder for the whole bot: Graph's HTML and Teams' message text use the same entities.
export { decodeEntities } from '../../scoring/html';

// Block-level tags separate words; inline ones (<b>, <span>) do not.
const BLOCK_TAG = /<\/?(p|div|br|li|ul|ol|tr|td|h[1-6]|blockquote)\b[^>]*>/gi;
// A tag starts with a letter right after "<", so "score < 50" is left alone.
const ANY_TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi;

/** Remove HTML tags, turning block tags into spaces. Run before decodeEntities so "&lt;p&gt;" stays text. */
export function stripTags(text: string): string {
  return text.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
}
