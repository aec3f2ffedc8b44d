/**
 * recognize(): what a security admin's message asks for, decided locally and deterministically.
 * Pipeline: clean → tokens → spelling correction → (greeting | choice | action detail | rules table).
 * Every phrasing it is meant to understand is listed in examples.ts and the tests.
 */
import { splitDetail } from './detail';
import { createSpeller } from './fuzzy';
import { LIMITS, invalid, type Intent } from './intent';
import { cleanText, dropFiller, tokenize } from './normalize';
import { parseOrdinal } from './numbers';
import { applyRules } from './rules';
import { isKnownToken, KEEP_AS_TYPED, KNOWN_WORDS, SPELLING_TARGETS, STOPWORDS } from './vocabulary';

export type { Intent } from './intent';

const speller = createSpeller(SPELLING_TARGETS, KNOWN_WORDS, KEEP_AS_TYPED);

const HELP_EXACT = /^(help|help me|commands|command list|list commands|what can you do|what do you do|what can i ask|what can i say|what is this|what are you|who are you|how does this work|how do i use (?:this|you|this bot|the bot)|usage|menu|options|examples|start|get started|getting started|hi|hello|hey|yo|hiya|howdy|greetings|whats up|sup|good (?:morning|afternoon|evening)|(?:hi|hello|hey) (?:there|bot|team|all|everyone))$/;
const CHOICE = /^(?:(?:number|no|nr|option|choice|pick|select|the) )?(\d{1,4}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|one|two|three|four|five|six|seven|eight|nine|ten)(?: one| option)?$/;

function choiceIntent(text: string): Intent | null {
  const m = CHOICE.exec(text);
  if (!m) return null;
  const index = parseOrdinal(m[1]);
  return index >= 1 && index <= LIMITS.maxChoice
    ? { kind: 'choice', index }
    : invalid('choice', `Pick one of the numbers shown, e.g. "1" or "2".`);
}

// How improvement-action titles start ("Ensure mailbox auditing…", "Turn on Safe Documents…").
const TITLE_VERB = /^(ensure|enable|disable|block|require|remove|create|configure|restrict|prevent|enforce|set|use|do not|dont|turn on|designate|reduce|apply|install|regulate|retain|manage|resolve|protect|deploy|allow|limit|edit|force)\b/;

/**
 * Mostly words no rule knows (a pasted action title, a sentence meant for someone else): a guess from
 * the one familiar word ("users" → Identity) would mislead. A title-like text becomes a detail
 * request; anything else is left unknown for the caller to search or explain.
 */
function strangerText(typed: string[], corrected: string[], clean: string): Intent | null {
  const content = corrected.filter((token) => !STOPWORDS.has(token));
  const strangers = content.filter((token) => !isKnownToken(token)).length;
  const text = typed.join(' ');
  if (TITLE_VERB.test(text) && strangers >= 1 && strangers * 3 >= content.length) return { kind: 'actionDetail', query: text };
  return strangers >= 3 && strangers * 2 > content.length ? { kind: 'unknown', text: clean } : null;
}

// Digest commands and range errors are specific enough to stand even among unknown words (zone names).
const ALWAYS_MEANT = new Set<Intent['kind']>(['subscribe', 'unsubscribe', 'digestSettings', 'invalid']);

/**
 * The intent of one message (bot mentions already stripped, see mentions.ts). Never throws; the same
 * text always gives the same intent. 'unknown' carries the cleaned text (at most 500 characters).
 */
export function recognize(text: string | undefined | null): Intent {
  if (typeof text !== 'string' || text.trim() === '') return { kind: 'empty' };
  const clean = cleanText(text);
  const all = tokenize(text);
  // Only punctuation or emoji: a lone "?" is a plea for help, anything else says nothing.
  if (all.length === 0) return clean.includes('?') ? { kind: 'help' } : { kind: 'empty' };
  // Checked with filler kept: "what can you do" is not "what do", and "hi" alone is a greeting.
  if (HELP_EXACT.test(all.join(' '))) return { kind: 'help' };
  const kept = dropFiller(all);
  const typed = kept.length > 0 ? kept : all;
  const corrected = typed.map((token) => speller.correct(token));
  const ctx = { text: corrected.join(' '), clean };

  if (HELP_EXACT.test(ctx.text)) return { kind: 'help' };
  const choice = choiceIntent(ctx.text);
  if (choice) return choice;

  const detail = splitDetail(typed, corrected);
  if (detail) {
    // "explain the trend" or "what is our score" are commands in detail clothing.
    if (detail.corrected.every(isKnownToken) || (detail.weak && detail.aboutUs)) {
      const intent = applyRules(ctx);
      if (intent) return intent;
    }
    return { kind: 'actionDetail', query: detail.query };
  }
  const intent = applyRules(ctx);
  if (intent && ALWAYS_MEANT.has(intent.kind)) return intent;
  return strangerText(typed, corrected, clean) ?? intent ?? { kind: 'unknown', text: clean };
}
