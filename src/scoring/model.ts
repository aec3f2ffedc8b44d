/**
 * The normalised Secure Score model every part of the bot works on.
 *
 * Graph sends numbers as strings, enums in mixed casing and HTML in texts (see ../shared/GUIDE.md §1).
 * `normalize.ts` turns raw payloads into these types once; everything after that can trust them.
 */

export const CATEGORIES = ['Identity', 'Data', 'Device', 'Apps', 'Infrastructure'] as const;
export type Category = (typeof CATEGORIES)[number];

/** implementationCost / userImpact after normalisation ("medium", "Medium" and "Moderate" are one level). */
export type Level = 'None' | 'Low' | 'Moderate' | 'High' | 'Unknown';

/** The four states the API accepts on PATCH /security/secureScoreControlProfiles/{id}. */
export const CONTROL_STATES = ['Default', 'Ignored', 'ThirdParty', 'Reviewed'] as const;
export type ControlState = (typeof CONTROL_STATES)[number];

/** One improvement action from the catalogue (secureScoreControlProfiles). */
export interface ControlProfile {
  id: string;
  title: string;
  category: Category;
  actionType: string;
  actionUrl: string | null;
  maxScore: number;
  /** Microsoft's rank of the action's security value: lower is more important. */
  rank: number;
  tier: string;
  service: string;
  implementationCost: Level;
  userImpact: Level;
  /** Normalised to title case and de-duplicated ("Account breach" and "Account Breach" are one). */
  threats: string[];
  deprecated: boolean;
  /** Plain text with card markdown lists/line breaks, converted from Graph's HTML. */
  remediation: string;
  remediationImpact: string;
  compliance: { standard: string; controls: string[] }[];
  /** The newest entry of controlStateUpdates. */
  state: ControlState;
  assignedTo: string | null;
  stateComment: string | null;
  stateUpdatedBy: string | null;
  stateUpdatedAt: string | null;
}

/** One control's score on one day (secureScore.controlScores[]). */
export interface ControlScore {
  /** controlName in Graph: joins to ControlProfile.id */
  controlId: string;
  category: Category;
  score: number;
  /** 0–100, undocumented but present on recent days; null when absent. */
  scoreInPercentage: number | null;
  /** Plain text converted from HTML; '' when Graph sent null. */
  description: string;
  implementationStatus: string;
  lastSynced: string | null;
  on: boolean | null;
  count: number | null;
  total: number | null;
}

export type ComparisonBasis = 'AllTenants' | 'TotalSeats' | 'IndustryTypes';

export interface Comparison {
  basis: ComparisonBasis;
  /** Average as a percentage of max (0–100); null when Graph sent nothing usable (e.g. -1). */
  averagePercent: number | null;
  /** The raw averageScore as Graph sent it (a percentage today, points on older data). */
  averageScoreRaw: number | null;
  /** How averageScoreRaw was read (see normalize.ts, averagePercentFrom); null when it was unusable. */
  averageUnit?: 'percent' | 'points' | null;
  /** TotalSeats only: the seat-size range of the peer group. */
  seatRange: { lower: number; upper: number } | null;
  /** Per-category average points and max, where Graph sent them. */
  categories: Partial<Record<Category, { score: number; max: number }>>;
}

/** One day of secureScores, normalised. */
export interface ScoreDay {
  tenantId: string;
  /** yyyy-MM-dd (UTC) */
  date: string;
  createdDateTime: string;
  currentScore: number;
  maxScore: number;
  activeUserCount: number;
  licensedUserCount: number;
  enabledServices: string[];
  comparisons: Comparison[];
  controls: ControlScore[];
}

/** Everything the scoring functions need about one tenant: history newest first, plus the catalogue. */
export interface TenantData {
  tenantId: string;
  /** Newest first, at most one entry per date. */
  days: ScoreDay[];
  profiles: ControlProfile[];
}
