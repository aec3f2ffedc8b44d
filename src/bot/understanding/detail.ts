/**
 * "Tell me about MFA for admins", "what is exo_mailboxaudit": questions about one improvement action.
 * The action's name is taken as typed (never spelling-corrected), because action titles are full of
 * words that sit near command words ("mailbox auditing", "data loss prevention").
 */

// Phrases that can only introduce a thing to look up.
const STRONG = /^(?:tell (?:me|us) (?:more )?about|(?:more )?(?:details|detail|info|information) (?:on|about|for|of)|more (?:about|on)|explain|describe|show (?:me )?(?:the )?(?:action|control|details for)|open (?:the )?(?:action|control)|how (?:do|can|should) (?:i|we) (?:fix|implement|enable|configure|remediate|turn on|set up|complete|resolve)|how to (?:fix|implement|enable|configure|remediate|turn on|set up|complete|resolve)|look up|lookup|find (?:the )?(?:action|control)|what about)(?= |$)/;
// Phrases that also start ordinary questions ("what is our score").
const WEAK = /^(?:what is|what are|whats|what does)(?= |$)/;

const LEADING_FILLER = new Set(['the', 'a', 'an', 'this', 'that', 'action', 'control', 'called', 'named', 'improvement']);
const TRAILING_FILLER = new Set(['action', 'control', 'mean', 'means', 'do', 'does', 'about']);
// After a weak prefix these start a question about us, not an action name.
const ABOUT_US = new Set(['our', 'my', 'we', 'us', 'current', 'todays', 'new', 'next', 'happening']);

export const DETAIL_PATTERNS: readonly RegExp[] = [STRONG, WEAK];

export interface DetailRequest {
  /** The thing to look up, as typed (lower case), without "the", "action", "control". */
  query: string;
  /** The same words after spelling correction, to check whether they are really a command. */
  corrected: string[];
  /** Prefix was "what is"-like: the rest may well be an ordinary question. */
  weak: boolean;
  /** The words right after the prefix look like a question about us ("what is our …"). */
  aboutUs: boolean;
}

/**
 * Split a detail prefix off. `typed` and `corrected` are the same tokens before and after spelling
 * correction (one-to-one). Returns null when there is no prefix or nothing follows it.
 */
export function splitDetail(typed: string[], corrected: string[]): DetailRequest | null {
  const text = corrected.join(' ');
  const strong = STRONG.exec(text);
  const prefix = strong ?? WEAK.exec(text);
  if (!prefix) return null;
  let start = prefix[0].split(' ').length;
  let end = typed.length;
  const aboutUs = ABOUT_US.has(corrected[start]);
  while (start < end && LEADING_FILLER.has(typed[start])) start++;
  while (end > start && TRAILING_FILLER.has(typed[end - 1])) end--;
  if (start >= end) return null;
  return {
    query: typed.slice(start, end).join(' '),
    corrected: corrected.slice(start, end),
    weak: !strong,
    aboutUs,
  };
}
