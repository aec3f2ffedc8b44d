/**
 * Finding an action from what someone typed in chat ("MFA for admins", "mailbox auditting",
 * "forwarding mail block"): ids, titles and keywords, tolerant of typos, synonyms and word order.
 *
 * Scoring of one candidate (0..1):
 *  - query coverage: for each query token the best similarity to any of the candidate's words
 *    (title, id parts, service keywords; textMatch.ts), averaged with each query token weighted by how
 *    rare it is in the catalogue (idf), so "print spooler" is decided by "spooler", not by "print";
 *  - candidate coverage: the share of the candidate's title or id words the query matched, so between
 *    two titles that both contain "mfa" and "admin" the one that is about little else wins;
 *  score = 0.95 × (0.8 × query coverage + 0.2 × candidate coverage) + 0.05 for actions in this
 *  tenant's score (they are what people ask about; the catalogue is searched too, but second).
 * An exact id match (any case) scores 1.
 */
import type { TenantData } from './model';
import type { ActionMatch } from './results';
import { newestDay } from './actions';
import { prettifyControlId } from './controlMax';
import { idTokens, tokenize, tokenSimilarity } from './textMatch';
import { round2 } from './numbers';

/** Extra words people use for a service ("exchange" finds EXO actions). */
const SERVICE_KEYWORDS: Record<string, string> = {
  exo: 'exchange outlook email',
  mdo: 'defender office email',
  azuread: 'entra azure ad identity',
  'azure atp': 'defender identity domain controller',
  intune: 'intune device mobile',
  mip: 'purview information protection label',
  mcas: 'defender cloud apps',
  appg: 'app governance',
  admincenter: 'admin center',
  forms: 'forms',
};

interface Candidate {
  controlId: string;
  title: string;
  inScore: boolean;
  titleWords: string[];
  idWords: string[];
  keywords: string[];
  all: Set<string>;
}

/**
 * The candidate index depends only on the profiles array and the newest day, so it is cached per
 * TenantData (a WeakMap: it goes when the data does) and rebuilt if either was swapped since.
 */
const indexCache = new WeakMap<TenantData, { profiles: unknown; day: unknown; list: Candidate[] }>();

function candidates(data: TenantData): Candidate[] {
  const day = newestDay(data);
  const cached = indexCache.get(data);
  if (cached && cached.profiles === data.profiles && cached.day === day && cached.list.length >= data.profiles.length) return cached.list;
  const inScore = new Set(day?.controls.map((c) => c.controlId) ?? []);
  const list: Candidate[] = [];
  const make = (controlId: string, title: string, service: string): Candidate => {
    const titleWords = [...new Set(tokenize(title))];
    const idWords = idTokens(controlId);
    const keywords = tokenize(`${service} ${SERVICE_KEYWORDS[service.toLowerCase()] ?? ''}`);
    return { controlId, title, inScore: inScore.has(controlId), titleWords, idWords, keywords, all: new Set([...titleWords, ...idWords, ...keywords]) };
  };
  const seen = new Set<string>();
  for (const p of data.profiles) {
    seen.add(p.id);
    list.push(make(p.id, p.title, p.service));
  }
  // Controls scored today without a profile can still be asked about by their id.
  for (const id of inScore) if (!seen.has(id)) list.push(make(id, prettifyControlId(id), ''));
  indexCache.set(data, { profiles: data.profiles, day, list });
  return list;
}

/**
 * Similarity of each query token to every distinct word of the catalogue, computed once per query
 * (a few hundred words), so scoring the candidates is only look-ups.
 */
function similarityTable(tokens: string[], pool: Candidate[]): Map<string, Map<string, number>> {
  const vocabulary = new Set<string>();
  for (const c of pool) for (const w of c.all) vocabulary.add(w);
  const table = new Map<string, Map<string, number>>();
  for (const q of tokens) {
    const row = new Map<string, number>();
    for (const w of vocabulary) {
      const s = tokenSimilarity(q, w);
      if (s > 0) row.set(w, s);
    }
    table.set(q, row);
  }
  return table;
}

/** Ranked matches, best first; ties go to actions in the score, then the title. Empty for an empty query. */
export function findActions(data: TenantData, query: string, limit = 5): ActionMatch[] {
  if (typeof query !== 'string') return [];
  const trimmed = query.trim();
  if (trimmed === '') return [];
  const pool = candidates(data);
  const tokens = [...new Set(tokenize(trimmed))];
  const lowerQuery = trimmed.toLowerCase();
  const table = similarityTable(tokens, pool);
  const best = (q: string, words: Iterable<string>): number => {
    const row = table.get(q)!;
    let b = 0;
    for (const w of words) b = Math.max(b, row.get(w) ?? 0);
    return b;
  };
  /** Share of `words` matched (similarity ≥ 0.7) by some query token. */
  const coverage = (words: string[]): number =>
    words.length === 0 ? 0 : words.filter((w) => tokens.some((q) => (table.get(q)!.get(w) ?? 0) >= 0.7)).length / words.length;

  // idf over the catalogue, using the best similar word so a typo weighs like the word it means.
  const n = pool.length;
  const weights = tokens.map((q) => {
    const df = pool.filter((c) => best(q, c.all) >= 0.8).length;
    return Math.log(1 + n / (1 + df));
  });
  const weightSum = weights.reduce((s, w) => s + w, 0);

  const scored = pool.map((c) => {
    let score: number;
    if (c.controlId.toLowerCase() === lowerQuery) {
      score = 1;
    } else if (tokens.length === 0 || weightSum === 0) {
      score = 0;
    } else {
      let covered = 0;
      tokens.forEach((q, i) => {
        covered += weights[i] * Math.max(best(q, c.titleWords), best(q, c.idWords), 0.9 * best(q, c.keywords));
      });
      const queryCoverage = covered / weightSum;
      const candidateCoverage = Math.max(coverage(c.titleWords), coverage(c.idWords));
      const base = Math.min(1, 0.8 * queryCoverage + 0.2 * candidateCoverage);
      score = queryCoverage === 0 ? 0 : 0.95 * base + (c.inScore ? 0.05 : 0);
    }
    return { controlId: c.controlId, title: c.title, score: round2(score), inScore: c.inScore };
  });

  return scored
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || Number(b.inScore) - Number(a.inScore) || a.title.localeCompare(b.title, 'en'))
    .slice(0, Math.max(0, Math.floor(limit)));
}

/** Below this a match is a guess, not an answer. */
export const MATCH_THRESHOLD = 0.5;
/** A best match this far ahead of the runner-up is taken as the one meant. */
export const CLEAR_GAP = 0.08;

export type ResolveResult = { kind: 'one'; controlId: string } | { kind: 'many'; matches: ActionMatch[] } | { kind: 'none' };

/**
 * One action when the query names it clearly: an exact id, or a best match ≥ MATCH_THRESHOLD that is
 * alone above the threshold or ahead of the runner-up by ≥ CLEAR_GAP. Several close matches are
 * returned for the user to pick from (the bot shows them as buttons); nothing above the threshold is none.
 */
export function resolveAction(data: TenantData, query: string): ResolveResult {
  const matches = findActions(data, query, 5).filter((m) => m.score >= MATCH_THRESHOLD);
  if (matches.length === 0) return { kind: 'none' };
  const [top, second] = matches;
  const exactId = typeof query === 'string' && top.controlId.toLowerCase() === query.trim().toLowerCase();
  if (exactId || !second || top.score - second.score >= CLEAR_GAP) return { kind: 'one', controlId: top.controlId };
  return { kind: 'many', matches: matches.filter((m) => top.score - m.score < 0.2) };
}
