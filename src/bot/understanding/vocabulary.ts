/**
 * The words the recognizer knows. KNOWN_WORDS is derived from the patterns themselves, so adding a
 * phrasing to a rule teaches the vocabulary too. SPELLING_TARGETS is the shorter, hand-picked list
 * a typo may be corrected to: only distinctive command words, so ordinary English stays as typed.
 */
import { FILTER_PATTERNS } from './filters';
import { NUMBER_WORDS, ORDINAL_WORDS } from './numbers';
import { PERIOD_PATTERNS } from './periods';
import { RULE_PATTERNS } from './rules';
import { SCHEDULE_PATTERNS } from './schedule';
import { DETAIL_PATTERNS } from './detail';

/** Glue words that appear around commands ("show me our score right now"). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'our', 'my', 'we', 'us', 'me', 'i', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'of',
  'on', 'in', 'to', 'for', 'with', 'by', 'at', 'as', 'this', 'that', 'these', 'those', 'what', 'whats', 'which', 'how',
  'hows', 'do', 'does', 'did', 'show', 'give', 'list', 'get', 'can', 'could', 'would', 'should', 'will', 'and', 'or',
  'so', 'now', 'right', 'currently', 'you', 'your', 'here', 'there', 'all', 'any', 'some', 'much', 'many', 'about',
  'from', 'up', 'just', 'see', 'view', 'display', 'tell', 'know', 'let', 'lets', 'like', 'look', 'looking', 'whole',
  'team', 'tenant', 'org', 'organization', 'company', 'microsoft', 'm365', '365', 'doing', 'going', 'overall', 'total',
  'again', 'please', 'one', 'ones', 'new', 'latest', 'most', 'recent', 'very', 'really', 'far',
]);

/** Words a typo may turn into: distinctive ones only (see the file comment). */
export const SPELLING_TARGETS: readonly string[] = [
  'score', 'scores', 'secure', 'security', 'rating', 'posture', 'status', 'overview', 'summary',
  'trend', 'trends', 'trending', 'history', 'historical', 'chart', 'graph', 'progress', 'trajectory', 'timeline',
  'days', 'weeks', 'week', 'months', 'month', 'quarter', 'year', 'years', 'today', 'yesterday', 'since',
  'categories', 'category', 'breakdown', 'identity', 'users', 'accounts', 'account', 'entra', 'azure',
  'information', 'protection', 'device', 'devices', 'endpoint', 'endpoints', 'laptops', 'intune',
  'applications', 'application', 'email', 'exchange', 'office', 'infrastructure',
  'compare', 'compared', 'comparison', 'benchmark', 'benchmarks', 'peers', 'industry', 'average', 'similar', 'others',
  'companies', 'organizations', 'competitors',
  'actions', 'action', 'recommendations', 'recommendation', 'recommend', 'recommended', 'suggestions', 'suggest',
  'improvements', 'improvement', 'improve', 'quick', 'fruit', 'biggest', 'points', 'gains', 'priorities', 'impact',
  'effort', 'cheap', 'implementation',
  'changes', 'changed', 'happened', 'difference', 'dropped', 'drop', 'decreased', 'decrease', 'declined', 'worse',
  'target', 'goal', 'reach', 'achieve', 'percent',
  'help', 'commands', 'subscribe', 'subscription', 'unsubscribe', 'digest', 'schedule', 'weekly', 'settings',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'midnight',
  'explain', 'describe', 'details',
];

/** Ordinary words one edit from a target ("store"→score, "chat"→chart, "zone"→…): left as typed. */
export const KEEP_AS_TYPED: ReadonlySet<string> = new Set([
  'store', 'stores', 'scope', 'scopes', 'scare', 'snore', 'shore', 'spore', 'scorn', 'scone', 'core', 'sore',
  'dating', 'eating', 'hating', 'mating', 'tend', 'tends', 'tread', 'treads', 'chat', 'chats', 'charm', 'chant', 'cart',
  'chars', 'hart', 'grape', 'ways', 'says', 'rays', 'bays', 'dads', 'seeks', 'weeds', 'geeks', 'weak', 'seek', 'peek',
  'mouth', 'mouths', 'yeah', 'near', 'dear', 'bear', 'fear', 'gear', 'hear', 'tear', 'wear', 'pear', 'rear', 'tears',
  'bears', 'fears', 'hears', 'uses', 'entry', 'extra', 'devise', 'devises', 'intone', 'officer', 'pears', 'beers',
  'piers', 'bothers', 'mothers', 'otters', 'factions', 'auctions', 'faction', 'auction', 'joints', 'pints', 'paints',
  'pains', 'rains', 'grains', 'impart', 'cheat', 'chances', 'charges', 'charged', 'chance', 'charge', 'drip', 'crop',
  'prop', 'cropped', 'propped', 'dripped', 'horse', 'worst', 'nurse', 'purse', 'goat', 'coal', 'teach', 'beach',
  'peach', 'held', 'hell', 'heap', 'helm', 'weakly', 'sittings', 'settling', 'zone', 'zones', 'note', 'notes',
  'mince', 'wince', 'singe', 'statue', 'sundae', 'changer', 'dropper',
]);

function wordsOf(pattern: RegExp): string[] {
  const source = pattern.source.replace(/\\[a-zA-Z]/g, ' ').replace(/\(\?<?[=!:]/g, ' ');
  return source.match(/[a-z][a-z0-9]*/g) ?? [];
}

/** Every word some rule, filter, period, schedule or detail pattern uses, plus glue words and numbers. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...[...RULE_PATTERNS, ...FILTER_PATTERNS, ...PERIOD_PATTERNS, ...SCHEDULE_PATTERNS, ...DETAIL_PATTERNS].flatMap(wordsOf),
  ...STOPWORDS,
  ...NUMBER_WORDS,
  ...ORDINAL_WORDS,
]);

/** True when the token is a word the recognizer knows or a number ("90", "70%", "9:30"). */
export function isKnownToken(token: string): boolean {
  return KNOWN_WORDS.has(token) || /^\d+(?:[.:]\d+)?%?$/.test(token) || /^\d+(st|nd|rd|th|am|pm|d|h|w|y)$/.test(token);
}
