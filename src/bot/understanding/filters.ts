/** Which area or which kind of action a question narrows to: categories and impact/cost ceilings. */
import type { Category, Level } from '../../scoring/model';

/** What people call each Secure Score category. Longer names first so "azure ad" beats "azure". */
export const CATEGORY_ALIASES: ReadonlyArray<[string, Category]> = [
  ['azure active directory', 'Identity'], ['azure ad', 'Identity'], ['entra id', 'Identity'], ['microsoft entra', 'Identity'],
  ['identity', 'Identity'], ['identities', 'Identity'], ['users', 'Identity'], ['user', 'Identity'],
  ['accounts', 'Identity'], ['account', 'Identity'], ['entra', 'Identity'], ['aad', 'Identity'], ['sign ins', 'Identity'],
  ['information protection', 'Data'], ['sensitive data', 'Data'], ['data', 'Data'], ['dlp', 'Data'], ['purview', 'Data'],
  ['defender for endpoint', 'Device'], ['devices', 'Device'], ['device', 'Device'], ['endpoints', 'Device'], ['endpoint', 'Device'],
  ['laptops', 'Device'], ['laptop', 'Device'], ['intune', 'Device'], ['computers', 'Device'], ['workstations', 'Device'],
  ['pcs', 'Device'], ['phones', 'Device'], ['mobile', 'Device'],
  ['microsoft 365 apps', 'Apps'], ['m365 apps', 'Apps'], ['office 365', 'Apps'], ['applications', 'Apps'], ['application', 'Apps'],
  ['apps', 'Apps'], ['app', 'Apps'], ['email', 'Apps'], ['emails', 'Apps'], ['mail', 'Apps'], ['exchange', 'Apps'],
  ['office', 'Apps'], ['o365', 'Apps'], ['sharepoint', 'Apps'], ['onedrive', 'Apps'],
  ['infrastructure', 'Infrastructure'], ['infra', 'Infrastructure'], ['azure', 'Infrastructure'], ['servers', 'Infrastructure'],
  ['cloud', 'Infrastructure'],
];

export const CATEGORY_PATTERN = new RegExp(`\\b(${CATEGORY_ALIASES.map(([alias]) => alias).join('|')})\\b`);
const BY_ALIAS = new Map(CATEGORY_ALIASES);

/** The first category the text names, if any. */
export function findCategory(text: string): Category | undefined {
  const m = CATEGORY_PATTERN.exec(text);
  return m ? BY_ALIAS.get(m[1]) : undefined;
}

// Ceilings, most restrictive first. "user impact" must be read (and removed) before categories,
// or "low user impact" would be taken as the Identity category.
const USER_IMPACT: ReadonlyArray<[RegExp, Level]> = [
  [/\b(?:no|zero|without|none|not any|without any) (?:end )?user impact\b|\bwithout (?:affecting|disrupting|bothering|impacting|annoying) (?:the |our |any )?users\b|\bno (?:user )?disruption\b|\b(?:dont|do not|wont|will not|doesnt|does not) (?:affect|disrupt|bother|impact|annoy) (?:the |our |any )?users\b/, 'None'],
  [/\b(?:low|minimal|little|small|minor|limited|lower|least) (?:end )?(?:user )?impact\b|\bnot disruptive\b|\b(?:low|minimal|little) disruption\b/, 'Low'],
  [/\b(?:moderate|medium|some|mid) (?:end )?user impact\b/, 'Moderate'],
];
const COST: ReadonlyArray<[RegExp, Level]> = [
  [/\b(?:no|zero) (?:implementation )?(?:cost|effort)\b/, 'None'],
  [/\b(?:low|cheap|minimal|little|small|lower|least) (?:implementation )?(?:cost|effort)\b|\bcheap\b|\beasy (?:to do|to implement|actions|ones|things|fixes)\b/, 'Low'],
  [/\b(?:moderate|medium) (?:implementation )?(?:cost|effort)\b/, 'Moderate'],
];

export interface Ceilings {
  maxUserImpact?: Level;
  maxImplementationCost?: Level;
  /** The text with the ceiling phrases blanked out. */
  rest: string;
}

/** User-impact and cost ceilings the text asks for. */
export function findCeilings(text: string): Ceilings {
  let rest = text;
  const pick = (table: ReadonlyArray<[RegExp, Level]>): Level | undefined => {
    for (const [pattern, level] of table) {
      const m = pattern.exec(rest);
      if (m) {
        rest = rest.replace(m[0], ' ');
        return level;
      }
    }
    return undefined;
  };
  const maxUserImpact = pick(USER_IMPACT);
  const maxImplementationCost = pick(COST);
  return { ...(maxUserImpact && { maxUserImpact }), ...(maxImplementationCost && { maxImplementationCost }), rest };
}

/** Every pattern above, so the vocabulary can list their words. */
export const FILTER_PATTERNS: readonly RegExp[] = [CATEGORY_PATTERN, ...USER_IMPACT.map(([p]) => p), ...COST.map(([p]) => p)];
