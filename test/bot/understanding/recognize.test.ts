import { recognize, type Intent } from '../../../src/bot/understanding/recognize';
import { EXAMPLES } from '../../../src/bot/understanding/examples';

const actions = (over: Partial<Extract<Intent, { kind: 'actions' }>> = {}): Intent => ({ kind: 'actions', order: 'rank', count: 5, ...over });
const detail = (query: string): Intent => ({ kind: 'actionDetail', query });
const changes = (days: number, focus: 'changes' | 'drop' = 'changes'): Intent => ({ kind: 'changes', days, focus });
const sub = (schedule?: Record<string, number | string>): Intent => (schedule ? { kind: 'subscribe', schedule } : { kind: 'subscribe' });
const inv = (reason: string, message: string): Intent => ({ kind: 'invalid', reason, message } as Intent);
const BAD_COUNT = inv('count', 'I can list 1 to 25 actions at a time, e.g. "top 10 actions".');
const BAD_PERCENT = inv('target', 'A target percentage must be above 0 and at most 100, e.g. "how do we get to 70%".');
const BAD_DAYS = inv('days', 'I can look back between 1 and 365 days, e.g. "trend over the last 90 days".');
const BAD_CHOICE = inv('choice', 'Pick one of the numbers shown, e.g. "1" or "2".');
const badZone = (name: string) => inv('timeZone', `I don't know the time zone "${name}". Use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
const badTime = (what: string) => inv('time', `"${what}" is not a time of day. Use something like 9:00, 16:30 or 8am.`);
const NOT_WEEKLY = inv('schedule', 'The digest goes out once a week: pick one day and time, e.g. "digest on Mondays at 9:00 Europe/Berlin".');

const SCORE: Intent = { kind: 'score' };
const HELP: Intent = { kind: 'help' };
const COMPARISON: Intent = { kind: 'comparison' };

/** Plain phrasings, one per way people ask. */
const PHRASINGS: Array<[string, Intent]> = [
  // score
  ["what's our score", SCORE],
  ['whats our score', SCORE],
  ['score', SCORE],
  ['secure score?', SCORE],
  ['how are we doing', SCORE],
  ['how secure are we', SCORE],
  ['current score', SCORE],
  ['our rating', SCORE],
  ['show me our score', SCORE],
  ['what is our secure score right now', SCORE],
  ['where do we stand', SCORE],
  ['send me the score', SCORE],
  // trend
  ['trend', { kind: 'trend', days: 30 }],
  ['show the trend for the last 90 days', { kind: 'trend', days: 90 }],
  ['score history past 2 weeks', { kind: 'trend', days: 14 }],
  ['score over the last quarter', { kind: 'trend', days: 90 }],
  ['trend last 3 months', { kind: 'trend', days: 90 }],
  ['progress this year', { kind: 'trend', days: 365 }],
  ['chart of the last week', { kind: 'trend', days: 7 }],
  ['score last 90 days', { kind: 'trend', days: 90 }],
  ['last 60 days', { kind: 'trend', days: 60 }],
  ['trend 45d', { kind: 'trend', days: 45 }],
  ['explain the trend', { kind: 'trend', days: 30 }],
  // categories
  ['breakdown by category', { kind: 'categories' }],
  ['show me the categories', { kind: 'categories' }],
  ['how are we on devices', { kind: 'categories', category: 'Device' }],
  ["how's our identity score", { kind: 'categories', category: 'Identity' }],
  ['how are we doing on email', { kind: 'categories', category: 'Apps' }],
  ['azure ad score', { kind: 'categories', category: 'Identity' }],
  ['information protection', { kind: 'categories', category: 'Data' }],
  ['data', { kind: 'categories', category: 'Data' }],
  ['endpoints', { kind: 'categories', category: 'Device' }],
  ['infra', { kind: 'categories', category: 'Infrastructure' }],
  ['azure', { kind: 'categories', category: 'Infrastructure' }],
  ['entra id', { kind: 'categories', category: 'Identity' }],
  // comparison
  ['compare us to similar companies', COMPARISON],
  ['how do we compare to our peers', COMPARISON],
  ['industry average', COMPARISON],
  ['how do we stack up', COMPARISON],
  ['benchmark', COMPARISON],
  // actions
  ['what should we do next', actions()],
  ['recommendations', actions()],
  ['top 5 actions', actions()],
  ['improvement actions', actions()],
  ['top 10 identity actions', actions({ count: 10, category: 'Identity' })],
  ['top identity actions', actions({ category: 'Identity' })],
  ['show me 3 quick wins for devices', actions({ order: 'quickWins', count: 3, category: 'Device' })],
  ['quick wins', actions({ order: 'quickWins' })],
  ['low hanging fruit', actions({ order: 'quickWins' })],
  ['biggest point gains', actions({ order: 'points' })],
  ['most points', actions({ order: 'points' })],
  ['highest impact actions', actions({ order: 'points' })],
  ['low user impact actions', actions({ maxUserImpact: 'Low' })],
  ['no user impact actions', actions({ maxUserImpact: 'None' })],
  ["actions that don't affect users", actions({ maxUserImpact: 'None' })],
  ['actions with low cost', actions({ maxImplementationCost: 'Low' })],
  ['cheap fixes', actions({ maxImplementationCost: 'Low' })],
  ['top 3 actions for data with low user impact and low cost', actions({ count: 3, category: 'Data', maxUserImpact: 'Low', maxImplementationCost: 'Low' })],
  ['top five actions', actions()],
  ['top twenty five actions', actions({ count: 25 })],
  ['give me a couple of recommendations', actions({ count: 2 })],
  ["what's the single most important thing to do", actions({ count: 1 })],
  ['what to fix first', actions()],
  ['top 3', actions({ count: 3 })],
  ['tell me about quick wins', actions({ order: 'quickWins' })],
  ['what are the top actions', actions()],
  // detail
  ['tell me about MFA for admins', detail('mfa for admins')],
  ['details on legacy authentication', detail('legacy authentication')],
  ['what is exo_mailboxaudit', detail('exo_mailboxaudit')],
  ['explain legacy authentication', detail('legacy authentication')],
  ['more about block legacy auth', detail('block legacy auth')],
  ['show action AdminMFAV2', detail('adminmfav2')],
  ['info on self service password reset', detail('self service password reset')],
  ['how do i fix mfa registration', detail('mfa registration')],
  ['what does exo_mailboxaudit mean', detail('exo_mailboxaudit')],
  ['what is the mailbox audit action', detail('mailbox audit')],
  ['tell me about mailbox auditing', detail('mailbox auditing')],
  ['tell me about data loss prevention', detail('data loss prevention')],
  ['tell me about block legacy authentication for users', detail('block legacy authentication for users')],
  ['describe the control "Turn on sign-in risk policy"', detail('turn on sign in risk policy')],
  // changes
  ['why did our score drop', changes(7, 'drop')],
  ['what changed this week', changes(7)],
  ['since last week', changes(7)],
  ['what changed in the last 30 days', changes(30)],
  ['how has our score changed over the last month', { kind: 'trend', days: 30 }],
  ['how has our score changed over the last 30 days', { kind: 'trend', days: 30 }],
  ['how has our score changed over the last quarter', { kind: 'trend', days: 90 }],
  ['why is our score so low', changes(7, 'drop')],
  ['why did our score go up', changes(7)],
  ["what's new", changes(7)],
  ['what happened yesterday', changes(1)],
  ['score went down since last month', changes(30, 'drop')],
  // target
  ['how do we get to 70%', { kind: 'target', percent: 70 }],
  ['what would it take to reach 600 points', { kind: 'target', points: 600 }],
  ['get us to 80 percent', { kind: 'target', percent: 80 }],
  ['target 650', { kind: 'target', points: 650 }],
  ['target 70', { kind: 'target', percent: 70 }],
  ['how do we reach 75.5%', { kind: 'target', percent: 75.5 }],
  ["what's our target", { kind: 'target' }],
  ['our goal is 70%', { kind: 'target', percent: 70 }],
  ['70% target', { kind: 'target', percent: 70 }],
  ['get to seventy percent', { kind: 'target', percent: 70 }],
  ['70%', { kind: 'target', percent: 70 }],
  ['how far are we from 600 points', { kind: 'target', points: 600 }],
  ['what should we do to reach 65%', { kind: 'target', percent: 65 }],
  // subscribe / digest
  ['subscribe', sub()],
  ['sign me up for the weekly digest', sub()],
  ['turn on the digest', sub()],
  ['send the digest here every Monday at 9', sub({ dayOfWeek: 1, hour: 9, minute: 0 })],
  ['digest on Fridays 16:00 Europe/Berlin', sub({ dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin' })],
  ['weekly digest at 8am on tuesday', sub({ dayOfWeek: 2, hour: 8, minute: 0 })],
  ['digest at 9:30 pm', sub({ hour: 21, minute: 30 })],
  ['send the weekly report every friday at 5pm', sub({ dayOfWeek: 5, hour: 17, minute: 0 })],
  ['digest every Monday 08:30 America/New_York', sub({ dayOfWeek: 1, hour: 8, minute: 30, timeZone: 'America/New_York' })],
  ['digest mondays 9am europe/paris', sub({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Paris' })],
  ['digest monday at 9 UTC+2', sub({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Etc/GMT-2' })],
  ['digest monday 9am pst', sub({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'America/Los_Angeles' })],
  ['digest on sunday 7:15 UTC', sub({ dayOfWeek: 0, hour: 7, minute: 15, timeZone: 'UTC' })],
  ['move the digest to thursday', sub({ dayOfWeek: 4 })],
  ['change the digest to 10:00', sub({ hour: 10, minute: 0 })],
  ['digest at noon on wednesday', sub({ dayOfWeek: 3, hour: 12, minute: 0 })],
  ['post the digest here on sat at 7 am', sub({ dayOfWeek: 6, hour: 7, minute: 0 })],
  ['digest at 12am on monday', sub({ dayOfWeek: 1, hour: 0, minute: 0 })],
  ['unsubscribe', { kind: 'unsubscribe' }],
  ['stop the digest', { kind: 'unsubscribe' }],
  ['stop sending the digest', { kind: 'unsubscribe' }],
  ['cancel subscription', { kind: 'unsubscribe' }],
  ['no more digests', { kind: 'unsubscribe' }],
  ["don't send the digest anymore", { kind: 'unsubscribe' }],
  ['turn off weekly updates', { kind: 'unsubscribe' }],
  ['digest settings', { kind: 'digestSettings' }],
  ['weekly digest', { kind: 'digestSettings' }],
  ['when is the digest', { kind: 'digestSettings' }],
  ['am i subscribed', { kind: 'digestSettings' }],
  ['is this channel subscribed', { kind: 'digestSettings' }],
  ['show my subscription', { kind: 'digestSettings' }],
  // help and greetings
  ['help', HELP],
  ['what can you do', HELP],
  ['commands', HELP],
  ['?', HELP],
  ['hi', HELP],
  ['hello', HELP],
  ['hi bot', HELP],
  ['how does this work', HELP],
  ['I need help with the bot', HELP],
  // choices
  ['2', { kind: 'choice', index: 2 }],
  ['the second one', { kind: 'choice', index: 2 }],
  ['#3', { kind: 'choice', index: 3 }],
  ['3.', { kind: 'choice', index: 3 }],
  ['option 4', { kind: 'choice', index: 4 }],
  ['2️⃣', { kind: 'choice', index: 2 }],
  // more everyday phrasings
  ["what's our score compared to last week", changes(7)],
  ['score vs industry', COMPARISON],
  ["what's our identity score vs peers", COMPARISON],
  ['are we improving', { kind: 'trend', days: 30 }],
  ['how did we do this month', { kind: 'trend', days: 30 }],
  ['what are the easiest things to fix', actions({ order: 'quickWins' })],
  ['which actions give the most points', actions({ order: 'points' })],
  ['show me recommendations for exchange', actions({ category: 'Apps' })],
  ['how do we improve our device score', actions({ category: 'Device' })],
  ['how many points do we have', SCORE],
  ['where are we weakest', { kind: 'categories' }],
  ['what time is the digest sent', { kind: 'digestSettings' }],
  ['digest', { kind: 'digestSettings' }],
  ['subscribe me to the weekly digest on mondays at 10:30 CET', sub({ dayOfWeek: 1, hour: 10, minute: 30, timeZone: 'Europe/Paris' })],
  ['set digest time to 8:00 tuesday', sub({ dayOfWeek: 2, hour: 8, minute: 0 })],
  ['digest friday 5pm Australia/Sydney', sub({ dayOfWeek: 5, hour: 17, minute: 0, timeZone: 'Australia/Sydney' })],
  ['digest monday 9am Asia/Kolkata', sub({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Asia/Kolkata' })],
  ['digest monday 9am europe/kyiv', sub({ dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'Europe/Kyiv' })],
  ['digest friday 5pm America/Argentina/Buenos_Aires', sub({ dayOfWeek: 5, hour: 17, minute: 0, timeZone: 'America/Argentina/Buenos_Aires' })],
  ['reach 700', { kind: 'target', points: 700 }],
  ['what do we need to do to hit 70 percent', { kind: 'target', percent: 70 }],
  ['what is this', HELP],
  ['what is 11770.MDA_Google_EnableTwoFactorAuth', detail('11770.mda_google_enabletwofactorauth')],
  // nothing we know
  ['lorem ipsum dolor', { kind: 'unknown', text: 'lorem ipsum dolor' }],
  ['store', { kind: 'unknown', text: 'store' }],
  ['chat', { kind: 'unknown', text: 'chat' }],
];

/** Typos people really make, each still read right. */
const MISSPELLINGS: Array<[string, Intent]> = [
  ['scroe', SCORE],
  ['secuer score', SCORE],
  ['scoer', SCORE],
  ['scor', SCORE],
  ['raiting', SCORE],
  ['trnd', { kind: 'trend', days: 30 }],
  ['show the histroy', { kind: 'trend', days: 30 }],
  ['whats the trned', { kind: 'trend', days: 30 }],
  ['idenity', { kind: 'categories', category: 'Identity' }],
  ['devcies', { kind: 'categories', category: 'Device' }],
  ['categroies', { kind: 'categories' }],
  ['infrastucture', { kind: 'categories', category: 'Infrastructure' }],
  ['comapre', COMPARISON],
  ['comparision', COMPARISON],
  ['benchmrak', COMPARISON],
  ['subscirbe', sub()],
  ['unsubscirbe', { kind: 'unsubscribe' }],
  ['digest settigns', { kind: 'digestSettings' }],
  ['recomendations', actions()],
  ['actoins', actions()],
  ['improvment actions', actions()],
  ['quik wins', actions({ order: 'quickWins' })],
  ['chagnes this week', changes(7)],
  ['what chagned', changes(7)],
  ['why did our score dorp', changes(7, 'drop')],
  ['trget 70%', { kind: 'target', percent: 70 }],
  ['hlep', HELP],
  ['subscirbe every mondya at 9', sub({ dayOfWeek: 1, hour: 9, minute: 0 })],
  ['wekly digest on tusday', sub({ dayOfWeek: 2 })],
  ['explian legacy auth', detail('legacy auth')],
  ['detials on mfa', detail('mfa')],
];

/** Formatting noise around a known command. */
const NOISE: Array<[string, Intent]> = [
  ["what's our score 🤔", SCORE],
  ['what’s our “score”', SCORE],
  ['WHAT IS OUR SCORE', SCORE],
  ['WhAtS oUr ScOrE', SCORE],
  ['   what\'s    our     score   ', SCORE],
  ['what\'s\nour\r\nscore', SCORE],
  ['pls show trend', { kind: 'trend', days: 30 }],
  ['hey bot, can you show me the top 5 actions please? thanks!', actions()],
  ['Hi! What’s our Secure Score?!', SCORE],
  ['top\u00a05\u200bactions', actions()],
  ['quick-wins for identity — please 🙏', actions({ order: 'quickWins', category: 'Identity' })],
  ['could you tell me about exo_mailboxaudit?', detail('exo_mailboxaudit')],
];

/** Bad input: a clear answer, never an exception. */
const BAD: Array<[string | null | undefined, Intent]> = [
  [undefined, { kind: 'empty' }],
  [null, { kind: 'empty' }],
  ['', { kind: 'empty' }],
  ['   \n\t ', { kind: 'empty' }],
  ['...', { kind: 'empty' }],
  ['!!! ,,, ;;', { kind: 'empty' }],
  ['👍', { kind: 'empty' }],
  ['top 0 actions', BAD_COUNT],
  ['top 500 actions', BAD_COUNT],
  ['top 1000 actions', BAD_COUNT],
  ['top 1,000 actions', BAD_COUNT],
  ['top 26', BAD_COUNT],
  ['top 2.5 actions', BAD_COUNT],
  ['reach 150%', BAD_PERCENT],
  ['reach 0%', BAD_PERCENT],
  ['trend over 0 days', BAD_DAYS],
  ['trend over the last 1000 days', BAD_DAYS],
  ['0', BAD_CHOICE],
  ['99', BAD_CHOICE],
  ['digest on monday at 9 Europe/Berlim', badZone('Europe/Berlim')],
  ['digest monday 9am Mars/Olympus', badZone('Mars/Olympus')],
  ['digest monday 9am time zone Berlin', badZone('Berlin')],
  ['digest at 25:00', badTime('25:00')],
  ['digest at 13pm', badTime('13pm')],
  ['reach 20000 points', inv('target', 'A target in points must be above 0, e.g. "what would it take to reach 600 points".')],
  ['digest monday 9am UTC+5:30', inv('timeZone', `I can't schedule for "UTC+5:30". Use an IANA name such as Asia/Kolkata or Europe/Berlin.`)],
  ['digest on friday at 9:75', badTime('9:75')],
  ['daily digest', NOT_WEEKLY],
  ['send it every day at 9', NOT_WEEKLY],
];

describe('recognize: the examples the help text quotes', () => {
  test.each(EXAMPLES.map((e) => [e.text, e.intent] as const))('%j', (text, intent) => {
    expect(recognize(text)).toEqual(intent);
  });
});

describe('recognize: phrasing table', () => {
  test.each(PHRASINGS)('%j', (text, intent) => {
    expect(recognize(text)).toEqual(intent);
  });
});

describe('recognize: misspellings', () => {
  test.each(MISSPELLINGS)('%j', (text, intent) => {
    expect(recognize(text)).toEqual(intent);
  });
});

describe('recognize: formatting noise', () => {
  test.each(NOISE)('%j', (text, intent) => {
    expect(recognize(text)).toEqual(intent);
  });
});

describe('recognize: bad input', () => {
  test.each(BAD)('%j', (text, intent) => {
    expect(recognize(text)).toEqual(intent);
  });

  test('invalid intents explain the allowed range', () => {
    expect(recognize('top 0 actions')).toEqual({ kind: 'invalid', reason: 'count', message: 'I can list 1 to 25 actions at a time, e.g. "top 10 actions".' });
    expect(recognize('trend over 0 days')).toEqual({
      kind: 'invalid',
      reason: 'days',
      message: 'I can look back between 1 and 365 days, e.g. "trend over the last 90 days".',
    });
    expect(recognize('digest monday 9am Europe/Berlim')).toEqual({
      kind: 'invalid',
      reason: 'timeZone',
      message: 'I don\'t know the time zone "Europe/Berlim". Use an IANA name such as Europe/Berlin, America/New_York or UTC.',
    });
  });

  test('10,000 characters of prose are read as unknown, cut to the first 500', () => {
    const prose = 'lorem ipsum dolor sit amet consectetur '.repeat(260);
    expect(prose.length).toBeGreaterThanOrEqual(10_000);
    const intent = recognize(prose);
    expect(intent.kind).toBe('unknown');
    expect(intent.kind === 'unknown' && intent.text).toBe(prose.slice(0, 500).trim());
  });

  test('a command followed by 10,000 characters of pasted text is still understood', () => {
    expect(recognize('top 3 quick wins ' + 'x'.repeat(10_000))).toEqual(actions({ order: 'quickWins', count: 3 }));
  });

  test('a command past the first 500 characters is not looked at', () => {
    expect(recognize('lorem '.repeat(100) + 'score')).toEqual({ kind: 'unknown', text: 'lorem '.repeat(100).slice(0, 500).trim() });
  });

  test('the same text always gives the same intent', () => {
    const texts = [...PHRASINGS, ...MISSPELLINGS].map(([t]) => t);
    const first = texts.map((t) => recognize(t));
    expect(texts.map((t) => recognize(t))).toEqual(first);
  });
});

test('the table holds at least 100 phrasings and 15 misspellings', () => {
  expect(PHRASINGS.length + MISSPELLINGS.length + NOISE.length + BAD.length).toBeGreaterThanOrEqual(100);
  expect(MISSPELLINGS.length).toBeGreaterThanOrEqual(15);
});
