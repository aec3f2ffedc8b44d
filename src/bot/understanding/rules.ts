/**
 * The rules table: what each kind of request looks like, in priority order. The first rule whose
 * `when` matches and whose `build` returns an intent wins. Patterns run on normalised,
 * spelling-corrected text (lower case, single spaces, no punctuation but % . :).
 * Order matters where phrasings overlap, e.g. "why did our score drop" must be read as a change
 * question before the score rule sees "score", and "top identity actions" as actions before categories.
 */
import { invalid, LIMITS, type ActionOrder, type Intent } from './intent';
import { CATEGORY_PATTERN, findCategory, findCeilings } from './filters';
import { NUM, parseNumber } from './numbers';
import { findDays } from './periods';
import { findSchedule } from './schedule';

export interface Context {
  /** Normalised and spelling-corrected. */
  text: string;
  /** The message with case and "/" kept (time-zone names). */
  clean: string;
}

export interface Rule {
  name: string;
  when: RegExp;
  /** null: not this rule after all, keep looking. */
  build: (ctx: Context) => Intent | null;
}

const UNSUBSCRIBE = /\b(unsubscribe|unsubscribed|unsub|opt out|stop sending|stop posting|(?:dont|do not) (?:send|post)|no more (?:digests|digest|updates|messages|reports)|(?:stop|cancel|disable|end|pause|remove|mute|delete|turn off|switch off)(?: the| my| our| this| weekly| sending| posting)* (?:digest|digests|subscription|report|reports|updates|summary))\b/;
const SUBSCRIBE_CONTEXT = /\b(subscribe|subscription|sign me up|sign us up|opt in|enroll|digest|digests|weekly report|weekly summary|weekly update|weekly updates|send|post|deliver|schedule|reschedule|every week|each week|weekly)\b/;
const DIGEST_SETTINGS = /\b(?:digest|subscription|schedule) (?:settings|schedule|status|details|info|time|day|config|configuration)\b|\b(?:when|what time|what day) (?:is|does|do|will) (?:the |our |my |we get the |i get the |the next )?(?:weekly )?digest\b|\b(?:next|current|my|our) (?:digest|subscription)\b|\b(?:am i|are we|is this chat|is this channel|is this team|is this) subscribed\b|^(?:the |weekly |the weekly )?(?:digest|digests|subscription|schedule)$|^(?:the )?weekly (?:report|summary|update|updates|email)$/;
const SUBSCRIBE = /\b(subscribe|subscribed|sign me up|sign us up|sign up|opt in|enroll|(?:send|post|deliver) (?:the |a |our |my |us |me )?(?:weekly )?(?:digest|report|summary)|(?:turn on|enable|start|set up|activate|resume) (?:the |a |our |my )?(?:weekly )?(?:digest|digests|subscription)|digest here)\b/;

const UNIT = '(%|percent|pct|points|point|pts)';
const TARGET_VERB = '(?:reach|reaching|get (?:[a-z]+ ){0,3}to|getting (?:[a-z]+ )?to|hit|hitting|achieve|achieving|target|goal|aim for|aiming for|climb to|go to|(?:raise|increase|bring|push|move) (?:[a-z]+ ){0,3}to|how far (?:are we |is it )?(?:from|to)|away from|make it to)';
const TARGET_WITH_NUMBER = new RegExp(`\\b${TARGET_VERB} (?:is |of |at |to |a |an |the )*(?:score of |about |around |at least )?${NUM} ?${UNIT}?(?![a-z0-9])`);
const NUMBER_THEN_TARGET = new RegExp(`\\b${NUM} ?${UNIT}? (?:target|goal)\\b`);
const BARE_TARGET = new RegExp(`^(?:to )?${NUM} ?${UNIT}$`);
const TARGET_WORD = /\b(target|targets|goal|goals)\b/;

const DROP = /\b(drop|dropped|dropping|drops|fell|fallen|fall|falling|decrease|decreased|decreasing|declined|decline|declining|(?<!break |drill )down|worse|lost|lose|losing|dip|dipped|tanked|plummeted|plunged|reduced|regressed)\b|\bwhy\b.*\b(low|lower|bad)\b/;
const CHANGES = /\b(what changed|what has changed|whats changed|changes|changed|whats new|what is new|anything new|whats different|what is different|what happened|difference|differences|delta|deltas|movement|moved|went up|gone up|go up|increased|improved|since|week over week|(?:compared to|vs|versus) last)\b/;
const TREND = /\b(trend|trends|trending|history|historical|over time|chart|graph|progress|progression|trajectory|timeline|evolution|over the last|over the past|sparkline|plot|time series|are we improving|getting better|getting worse)\b/;
const COMPARISON = /\b(compare|compared|comparison|comparing|benchmark|benchmarks|benchmarking|peers|peer|industry|average|averages|avg|similar|others|other companies|other organizations|other orgs|other tenants|other customers|stack up|versus|vs|competitors|competition|percentile|how do we rank)\b/;
const ACTIONS = /\b(actions|action|recommendations|recommendation|recommend|recommended|suggestions|suggestion|suggest|improvements|improvement|improve|improving|todo|todos|to do|to dos|next steps|next step|what should we do|what should i do|should we do|we should do|should i do|what can we do|what do we do|what to do|what next|whats next|do next|quick wins|quick win|quickwins|easy wins|quick fixes|low hanging|easiest|simplest|top|priorities|prioritize|fix|fixes|fix first|gains|biggest|most points|tasks|most important|thing to do|things to do|number one priority)\b/;
const QUICK_WINS = /\b(easiest|simplest|quick wins|quick win|quickwins|easy wins|easy win|quick fixes|quick fix|low hanging fruit|low hanging|quick and easy|fast wins)\b/;
const MOST_POINTS = /\b(?:biggest|largest|most|highest|max|maximum|greatest) (?:point |score )?(?:gains|gain|points|impact|value|increase|boost)\b|\bby points\b|\bmost valuable\b|\bpoint gains\b|\bworth the most\b/;
const COUNT = new RegExp(`\\b(?:top|first|next|best|show me|give me|list) ${NUM}(?![a-z0-9%])|\\b${NUM}(?: [a-z]+){0,3} (?:actions|action|recommendations|things|items|steps|fixes|improvements|wins|controls|tasks|suggestions|ideas|gains|ones)\\b`);
const JUST_ONE = /\b(single|one thing|the most important thing|the best thing|number one)\b/;
const CATEGORIES = /\b(categories|category|breakdown|break down|by area|areas|per area|per category|by category|each category|each area|by service|per service|services|pillars|weakest|strongest|worst area|best area)\b/;
const SCORE = /\b(score|scores|secure score|security score|security posture|rating|posture|status|standing|overview|summary|how are we doing|how r we doing|how secure|how safe|how are we|how we doing|hows it going|how is it going|how do we look|where do we stand|where are we|numbers|current|dashboard|report|how many points|percentage|max score|maximum score|out of)\b/;
const HELP = /\b(help|commands|command|what can you do|what do you do|how does this work|how do i use|what can i ask|what can i say|examples|instructions|usage|menu|options|guide)\b/;

/** Days for a trend or change question, checked against the range the history can cover. */
function daysIntent(text: string, fallback: number, make: (days: number) => Intent): Intent {
  const days = findDays(text) ?? fallback;
  if (days >= 1 && days <= LIMITS.maxDays) return make(days);
  return invalid('days', `I can look back between 1 and ${LIMITS.maxDays} days, e.g. "trend over the last 90 days".`);
}

function targetIntent(value: number, unit: string | undefined): Intent {
  // Without a unit, a number up to 100 reads as a percentage (scores run to several hundred points).
  const percent = unit ? /^(%|percent|pct)$/.test(unit) : value <= 100;
  if (percent) {
    return value > 0 && value <= 100
      ? { kind: 'target', percent: value }
      : invalid('target', `A target percentage must be above 0 and at most 100, e.g. "how do we get to 70%".`);
  }
  return value > 0 && value <= 10000
    ? { kind: 'target', points: value }
    : invalid('target', `A target in points must be above 0, e.g. "what would it take to reach 600 points".`);
}

function buildTarget({ text }: Context): Intent | null {
  const m = TARGET_WITH_NUMBER.exec(text) ?? NUMBER_THEN_TARGET.exec(text) ?? BARE_TARGET.exec(text);
  if (m) return targetIntent(parseNumber(m[1]), m[2]);
  return TARGET_WORD.test(text) ? { kind: 'target' } : null;
}

function buildActions({ text }: Context): Intent {
  const { rest, ...ceilings } = findCeilings(text);
  const m = COUNT.exec(text);
  const count = m ? parseNumber(m[1] ?? m[2]) : JUST_ONE.test(text) ? 1 : LIMITS.defaultActionCount;
  if (!Number.isInteger(count) || count < 1 || count > LIMITS.maxActionCount) {
    return invalid('count', `I can list 1 to ${LIMITS.maxActionCount} actions at a time, e.g. "top 10 actions".`);
  }
  const order: ActionOrder = QUICK_WINS.test(text) ? 'quickWins' : MOST_POINTS.test(text) ? 'points' : 'rank';
  const category = findCategory(rest);
  return { kind: 'actions', order, count, ...(category && { category }), ...ceilings };
}

function buildCategories({ text }: Context): Intent | null {
  const category = findCategory(findCeilings(text).rest);
  if (!category && !CATEGORIES.test(text)) return null;
  return category ? { kind: 'categories', category } : { kind: 'categories' };
}

function buildSubscribe(requireSchedule: boolean) {
  return ({ text, clean }: Context): Intent | null => {
    const found = findSchedule(text, clean);
    if ('error' in found) return found.error;
    if (!found.schedule) return requireSchedule ? null : { kind: 'subscribe' };
    return { kind: 'subscribe', schedule: found.schedule };
  };
}

export const RULES: readonly Rule[] = [
  { name: 'unsubscribe', when: UNSUBSCRIBE, build: () => ({ kind: 'unsubscribe' }) },
  // A digest request that names a day, time or zone is a (re)subscription, even "change the digest to Friday".
  { name: 'subscribe with a schedule', when: SUBSCRIBE_CONTEXT, build: buildSubscribe(true) },
  { name: 'digest settings', when: DIGEST_SETTINGS, build: () => ({ kind: 'digestSettings' }) },
  { name: 'subscribe', when: SUBSCRIBE, build: buildSubscribe(false) },
  // Any other sentence about the digest is best answered with its current settings.
  { name: 'digest mentioned', when: /\b(digest|digests)\b/, build: () => ({ kind: 'digestSettings' }) },
  { name: 'target', when: new RegExp(`${TARGET_WORD.source}|${TARGET_VERB}|${BARE_TARGET.source}`), build: buildTarget },
  // "How has our score changed over the last 30 days" asks for the curve, not the per-control deltas (issue 3).
  {
    name: 'trend question',
    when: /\bhow (?:has|have|did) (?:our |the )?(?:secure )?score (?:changed|moved|developed|evolved|trended|gone)\b/,
    build: ({ text }) => daysIntent(text, LIMITS.defaultTrendDays, (days) => ({ kind: 'trend', days })),
  },
  {
    name: 'changes',
    when: new RegExp(`${CHANGES.source}|${DROP.source}`),
    build: ({ text }) => daysIntent(text, LIMITS.defaultChangesDays, (days) => ({ kind: 'changes', days, focus: DROP.test(text) ? 'drop' : 'changes' })),
  },
  { name: 'trend', when: TREND, build: ({ text }) => daysIntent(text, LIMITS.defaultTrendDays, (days) => ({ kind: 'trend', days })) },
  { name: 'comparison', when: COMPARISON, build: () => ({ kind: 'comparison' }) },
  { name: 'actions', when: ACTIONS, build: buildActions },
  { name: 'categories', when: new RegExp(`${CATEGORIES.source}|${CATEGORY_PATTERN.source}`), build: buildCategories },
  // A bare period ("last 90 days", "past quarter") asks how the score moved over it.
  {
    name: 'trend by period',
    when: /\S/,
    build: ({ text }) => (findDays(text) === undefined ? null : daysIntent(text, LIMITS.defaultTrendDays, (days) => ({ kind: 'trend', days }))),
  },
  { name: 'score', when: SCORE, build: () => ({ kind: 'score' }) },
  { name: 'help', when: HELP, build: () => ({ kind: 'help' }) },
];

/** The first intent the table yields, or null when no rule applies. */
export function applyRules(ctx: Context): Intent | null {
  for (const rule of RULES) {
    if (!rule.when.test(ctx.text)) continue;
    const intent = rule.build(ctx);
    if (intent) return intent;
  }
  return null;
}

/** Every pattern in this file, so the vocabulary can list their words. */
export const RULE_PATTERNS: readonly RegExp[] = [
  UNSUBSCRIBE, SUBSCRIBE_CONTEXT, DIGEST_SETTINGS, SUBSCRIBE, TARGET_WITH_NUMBER, NUMBER_THEN_TARGET, TARGET_WORD,
  DROP, CHANGES, TREND, COMPARISON, ACTIONS, QUICK_WINS, MOST_POINTS, COUNT, JUST_ONE, CATEGORIES, SCORE, HELP,
];
