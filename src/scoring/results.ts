/**
 * What the scoring functions return. Cards, chat replies and the digest are built only from these,
 * so a number shown anywhere in the bot was computed once, here.
 */
import type { Category, ComparisonBasis, ControlState, Level } from './model';

/** Points with their max and the percentage (one decimal); percent is null when max is 0 or unknown. */
export interface Points {
  score: number;
  max: number | null;
  percent: number | null;
}

export interface CategorySummary extends Points {
  category: Category;
  /** Controls in this category whose max could not be derived (no profile, no scoreInPercentage). */
  unknownMaxControls: number;
  /**
   * Sum of the maxima we do know. Equals `max` when unknownMaxControls is 0; otherwise `max` and
   * `percent` are null (a partial max would overstate the percentage) and this is a lower bound.
   */
  knownMax?: number;
}

export interface ComparisonSummary {
  basis: ComparisonBasis;
  /** "All tenants", "Similar size (1–100 seats)", "Same industry" */
  label: string;
  averagePercent: number | null;
  /** Our percent minus theirs, one decimal; null when either is unknown. */
  differencePercent: number | null;
  seatRange: { lower: number; upper: number } | null;
}

/** An improvement action as lists show it. */
export interface ActionItem {
  controlId: string;
  title: string;
  category: Category;
  rank: number;
  score: number;
  /** null when neither a profile nor scoreInPercentage gives the max. */
  maxScore: number | null;
  /** maxScore − score (0 when unknown). */
  pointsAvailable: number;
  implementationCost: Level;
  userImpact: Level;
  tier: string;
  service: string;
  state: ControlState;
  assignedTo: string | null;
  /** True when the action is part of this tenant's score (it appears in controlScores). */
  inScore: boolean;
  completed: boolean;
}

export interface ScoreSummary {
  tenantId: string;
  /** yyyy-MM-dd of the newest day */
  asOf: string;
  total: Points;
  categories: CategorySummary[];
  comparisons: ComparisonSummary[];
  /** Points change over the last 7 days (null when history is too short). */
  change7d: number | null;
  openActionCount: number;
  completedActionCount: number;
  /** Controls in the score whose max is unknown and that are not complete: not counted as open. */
  unknownMaxActionCount?: number;
  /** Actions set to Ignored (risk accepted) or ThirdParty in the portal: neither open nor completed. */
  resolvedActionCount?: number;
  topActions: ActionItem[];
}

export type ActionOrder = 'rank' | 'quickWins' | 'points';

export interface ActionQuery {
  order?: ActionOrder;
  count?: number;
  category?: Category;
  /** Only actions whose user impact is at most this level. */
  maxUserImpact?: Level;
  maxImplementationCost?: Level;
  /** Append in-score controls whose max is unknown (after every known one). Default false. */
  includeUnknownMax?: boolean;
}

export interface TrendPoint {
  date: string;
  score: number;
  max: number;
  percent: number | null;
}

export interface Trend {
  days: number;
  /** Oldest first, one point per day that has data. */
  points: TrendPoint[];
  start: TrendPoint | null;
  end: TrendPoint | null;
  min: TrendPoint | null;
  max: TrendPoint | null;
  /** end.score − start.score */
  change: number | null;
}

export interface ControlChange {
  controlId: string;
  title: string;
  category: Category;
  before: number;
  after: number;
  delta: number;
  /** Lost points it previously had in full, or fell to zero: called out as a regression. */
  regression: boolean;
}

export interface ChangeReport {
  fromDate: string;
  toDate: string;
  before: Points;
  after: Points;
  delta: number;
  /** Largest first. */
  gained: ControlChange[];
  /** Largest loss first. */
  lost: ControlChange[];
  regressions: ControlChange[];
  /** Max score moved too (new controls, licences): explains a percent change with no action. */
  maxDelta: number;
}

export interface TargetPlan {
  target: { points: number; percent: number | null };
  current: Points;
  reachable: boolean;
  alreadyMet: boolean;
  /** Points still needed (0 when met). */
  gap: number;
  /** The chosen actions, cheapest first. */
  actions: ActionItem[];
  pointsGained: number;
  /** The most points all open actions together could add. */
  maxReachable: number;
  /** Set when the target itself is unusable (reachable is then false): the bot phrases it. */
  invalidReason?: 'noData' | 'missing' | 'notPositive' | 'aboveMax';
}

export interface ActionDetail extends ActionItem {
  description: string;
  implementationStatus: string;
  remediation: string;
  remediationImpact: string;
  threats: string[];
  compliance: { standard: string; controls: string[] }[];
  actionUrl: string | null;
  actionType: string;
  deprecated: boolean;
  stateComment: string | null;
  stateUpdatedBy: string | null;
  stateUpdatedAt: string | null;
  lastSynced: string | null;
}

export interface ActionMatch {
  controlId: string;
  title: string;
  /** 0..1, higher is better */
  score: number;
  /** True when the action is part of this tenant's score (searched first). */
  inScore?: boolean;
}

export interface DropAlert {
  fromDate: string;
  toDate: string;
  delta: number;
  /** Controls that had full points and lost them. */
  lostFullControls: ControlChange[];
  /** Stable id for the once-per-drop claim. */
  dropId: string;
}
