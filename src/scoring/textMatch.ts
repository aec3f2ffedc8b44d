/**
 * Text matching primitives for action search: tokenising with synonyms and light stemming, and a
 * typo-tolerant token similarity. Kept apart from search.ts so the rules can be read (and tested) alone.
 */

/**
 * Phrases rewritten before tokenising, so that every way of saying a thing becomes one token:
 * "multi-factor authentication", "multifactor", "2FA" and "MFA" are all `mfa`.
 */
const PHRASES: [RegExp, string][] = [
  [/\bmulti[\s-]*factor(?:\s+auth\w*)?/g, ' mfa '],
  [/\btwo[\s-]*factor(?:\s+auth\w*)?|\b2fa\b|\b2[\s-]*step(?:\s+verification)?/g, ' mfa '],
  [/\bsingle\s+sign?[\s-]*on\b|\bsingle\s+sing\s+on\b/g, ' sso '],
  [/\bdata\s+loss\s+prevention\b/g, ' dlp '],
  [/\badd[\s-]+ins?\b/g, ' addin '],
  [/\bsign[\s-]+(?:in|on)s?\b/g, ' signin '],
  [/\be[\s-]mails?\b/g, ' email '],
  [/\bhoney[\s-]+tokens?\b/g, ' honeytoken '],
  [/\bmail[\s-]+box(?:es)?\b/g, ' mailbox '],
  [/\block[\s-]+box\b/g, ' lockbox '],
  [/\bmail[\s-]+tips?\b/g, ' mailtip '],
  [/\bpass[\s-]+words?\b/g, ' password '],
  [/\blog[\s-]+in\b/g, ' login '],
];

/** Whole-token synonyms, applied after stemming: the canonical token on the right. */
const SYNONYMS: Record<string, string> = {
  mfa: 'mfa',
  multifactor: 'mfa',
  admin: 'admin',
  admins: 'admin',
  administrator: 'admin',
  administrators: 'admin',
  administrative: 'admin',
  administration: 'admin',
  auth: 'auth',
  authentication: 'auth',
  authenticate: 'auth',
  authenticated: 'auth',
  pwd: 'password',
  passwd: 'password',
  passwords: 'password',
  apps: 'app',
  application: 'app',
  applications: 'app',
  mail: 'email',
  mails: 'email',
  emails: 'email',
  forwarding: 'forward',
  forwarded: 'forward',
  forwards: 'forward',
  spoofing: 'spoof',
  phishing: 'phish',
  attachments: 'attachment',
  policies: 'policy',
  devices: 'device',
  users: 'user',
  logon: 'login',
  signon: 'signin',
  timeout: 'timeout',
  audit: 'audit',
  auditing: 'audit',
  audits: 'audit',
  logging: 'log',
  logs: 'log',
  mailboxes: 'mailbox',
  addins: 'addin',
  outlook: 'outlook',
};

/**
 * Words that carry no meaning in a search for an action: nearly every title starts with "Ensure" or
 * "Enable", and "how do I…" wraps half the questions people type.
 */
const STOPWORDS = new Set(
  'a an and are as at be by can do does for from how i if in is it its me my of on or our set should that the their them then this to turn we what when which with you your ensure enable enabled make sure please show tell about action control is are'.split(
    ' ',
  ),
);

/** Light suffix stripping so "blocked", "blocking" and "blocks" meet at "block". */
export function stem(token: string): string {
  const syn = SYNONYMS[token];
  if (syn) return syn;
  let t = token;
  if (t.length > 5 && t.endsWith('ing')) t = t.slice(0, -3);
  else if (t.length > 4 && t.endsWith('ies')) t = `${t.slice(0, -3)}y`;
  else if (t.length > 4 && t.endsWith('ed')) t = t.slice(0, -2);
  else if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) t = t.slice(0, -1);
  else if (t.length > 4 && t.endsWith('e')) t = t.slice(0, -1); // "disable" meets "disabled" at "disabl"
  return SYNONYMS[t] ?? t;
}

/** Lower-cased, phrase-rewritten, split on anything not a letter or digit, stop words dropped, stemmed. */
export function tokenize(text: string): string[] {
  let s = ` ${text.toLowerCase()} `;
  for (const [re, replacement] of PHRASES) s = s.replace(re, replacement);
  return s
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && !STOPWORDS.has(t))
    .map(stem);
}

/** Splits an id like "exo_mailboxaudit" or "AATP_PrintSpooler" into words, with adjacent pairs joined. */
export function idTokens(id: string): string[] {
  let parts = id
    .replace(/^\d+\./, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // The same phrase rules as for titles: "Two Factor Auth" in an id is mfa too.
  let phrased = ` ${parts.join(' ')} `;
  for (const [re, replacement] of PHRASES) phrased = phrased.replace(re, replacement);
  parts = phrased.split(/[^a-z0-9]+/).filter(Boolean);
  const joined = parts.slice(1).map((p, i) => parts[i] + p);
  return [...new Set([...parts, ...joined].filter((t) => !STOPWORDS.has(t)).map(stem))];
}

/** Optimal-string-alignment (restricted Damerau-Levenshtein) distance: a swap of two letters is one edit. */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => {
    const row = new Array<number>(m + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

/**
 * How well a query token matches a document token, 0..1:
 *  1    identical;
 *  0.85 the query is a prefix of the word ("freq" → "frequency"), at least 3 letters;
 *  0.8  the query sits inside a long run-together id word ("storage" in "storageproviderrestricted");
 *  1 − edits/length for typos, allowing 1 edit up to 5 letters, 2 up to 8, 3 beyond (none under 4
 *       letters: "dlp" vs "dls" is a different word, not a typo).
 */
export function tokenSimilarity(q: string, t: string): number {
  if (q === t) return 1;
  if (q.length >= 3 && t.startsWith(q)) return 0.85;
  if (q.length >= 4 && t.length >= q.length + 4 && t.includes(q)) return 0.8;
  const len = Math.max(q.length, t.length);
  if (Math.min(q.length, t.length) < 4) return 0;
  const allowed = len <= 5 ? 1 : len <= 8 ? 2 : 3;
  if (Math.abs(q.length - t.length) > allowed) return 0;
  const d = damerauLevenshtein(q, t);
  return d <= allowed ? 1 - d / len : 0;
}
