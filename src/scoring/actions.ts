/**
 * Improvement actions: which are open, how they are ranked, and their details.
 *
 * "Open" follows what the security center shows as "To address": an action that is part of this
 * tenant's score today (it appears in controlScores; profiles also exist for products the tenant does
 * not have, and those cannot move its score), that still has points to gain, that is not deprecated,
 * and whose state is not Ignored ("risk accepted") or ThirdParty ("resolved through third party"):
 * the portal files those two under resolved, so nagging a team about them would be noise.
 */
import type { ControlProfile, ControlScore, ScoreDay, TenantData } from './model';
import type { ActionDetail, ActionItem, ActionQuery } from './results';
import { controlMax, prettifyControlId, UNRANKED } from './controlMax';
import { effortOf, levelAtMost } from './levels';
import { round2 } from './numbers';

export type ActionStatus =
  /** Points still to gain: listed, counted, planned. */
  | 'open'
  /** Score ≥ max. */
  | 'completed'
  /** Ignored or ThirdParty: the portal counts these as resolved. */
  | 'resolved'
  /** Deprecated by Microsoft: no longer worth doing. */
  | 'deprecated'
  /**
   * In the score but its max cannot be known (no profile, no scoreInPercentage). We cannot say how many
   * points it is worth, so it is neither counted as open nor ranked among known actions: putting it
   * first would promise points we cannot name, and last-among-open would still mislead the counts.
   * It is shown only on request (ActionQuery.includeUnknownMax) after every known action.
   */
  | 'unknownMax'
  /** A max of 0: nothing to gain, nothing to complete. */
  | 'noPoints';

export interface ActionEntry {
  item: ActionItem;
  status: ActionStatus;
  profile?: ControlProfile;
  control?: ControlScore;
}

export function newestDay(data: TenantData): ScoreDay | null {
  return data.days.length > 0 ? data.days[0] : null;
}

export function profileIndex(profiles: ControlProfile[]): Map<string, ControlProfile> {
  return new Map(profiles.map((p) => [p.id, p]));
}

function statusOf(max: number | null, score: number, profile: ControlProfile | undefined): ActionStatus {
  if (max !== null && max > 0 && score >= max) return 'completed';
  if (profile?.deprecated) return 'deprecated';
  if (profile && (profile.state === 'Ignored' || profile.state === 'ThirdParty')) return 'resolved';
  if (max === null) return 'unknownMax';
  if (max <= 0) return 'noPoints';
  return 'open';
}

/** One ActionItem built from whatever we know: the profile, today's control score, or both. */
export function toActionItem(profile: ControlProfile | undefined, control: ControlScore | undefined, controlId: string): ActionItem {
  const inScore = control !== undefined;
  const score = control?.score ?? 0;
  const max = controlMax(control, profile);
  const completed = inScore && max !== null && max > 0 && score >= max;
  return {
    controlId,
    title: profile?.title ?? prettifyControlId(controlId),
    category: profile?.category ?? control?.category ?? 'Apps',
    rank: profile?.rank ?? UNRANKED,
    score,
    maxScore: max,
    // Points that only count when the action is part of the score: a profile for a product the tenant
    // does not have offers nothing to gain today.
    pointsAvailable: inScore && max !== null ? Math.max(0, round2(max - score)) : 0,
    implementationCost: profile?.implementationCost ?? 'Unknown',
    userImpact: profile?.userImpact ?? 'Unknown',
    tier: profile?.tier ?? '',
    service: profile?.service ?? '',
    state: profile?.state ?? 'Default',
    assignedTo: profile?.assignedTo ?? null,
    inScore,
    completed,
  };
}

/** Every control in the newest day's score, with its status. Empty when there is no day. */
export function actionEntries(data: TenantData): ActionEntry[] {
  const day = newestDay(data);
  if (!day) return [];
  const profiles = profileIndex(data.profiles);
  return day.controls.map((control) => {
    const profile = profiles.get(control.controlId);
    const item = toActionItem(profile, control, control.controlId);
    return { item, status: statusOf(item.maxScore, item.score, profile), profile, control };
  });
}

function byTitle(a: ActionItem, b: ActionItem): number {
  return a.title.localeCompare(b.title, 'en') || (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0);
}

/**
 * The security center's order: Microsoft's rank first (it encodes security value: MFA for admins is
 * rank 1), then the points still to gain (between equally important actions the bigger gain first),
 * then the title so the order is stable from one day to the next.
 */
export function compareByRank(a: ActionItem, b: ActionItem): number {
  return a.rank - b.rank || b.pointsAvailable - a.pointsAvailable || byTitle(a, b);
}

/** Biggest gain first; rank breaks ties for the same reason it leads the default order. */
export function compareByPoints(a: ActionItem, b: ActionItem): number {
  return b.pointsAvailable - a.pointsAvailable || a.rank - b.rank || byTitle(a, b);
}

/**
 * Quick-win value = points available / (cost weight + impact weight), weights from levels.ts
 * (None 0.5, Low 1, Moderate 2, High 3, Unknown as Moderate). It is "points per unit of effort":
 * 5 points at Low/Low (2.5) beats 8 points at Moderate/High (1.6).
 */
export function quickWinValue(item: ActionItem): number {
  return item.pointsAvailable / effortOf(item.implementationCost, item.userImpact);
}

export function compareByQuickWin(a: ActionItem, b: ActionItem): number {
  return quickWinValue(b) - quickWinValue(a) || compareByRank(a, b);
}

function matchesQuery(item: ActionItem, query: ActionQuery): boolean {
  if (query.category && item.category !== query.category) return false;
  if (query.maxUserImpact && !levelAtMost(item.userImpact, query.maxUserImpact)) return false;
  if (query.maxImplementationCost && !levelAtMost(item.implementationCost, query.maxImplementationCost)) return false;
  return true;
}

/** Open actions in the asked order, filtered; unknown-max ones appended (by title) only when asked. */
export function listActions(data: TenantData, query: ActionQuery = {}): ActionItem[] {
  const entries = actionEntries(data);
  const compare = query.order === 'points' ? compareByPoints : query.order === 'quickWins' ? compareByQuickWin : compareByRank;
  const known = entries
    .filter((e) => e.status === 'open' && matchesQuery(e.item, query))
    .map((e) => e.item)
    .sort(compare);
  const unknown = query.includeUnknownMax
    ? entries
        .filter((e) => e.status === 'unknownMax' && matchesQuery(e.item, query))
        .map((e) => e.item)
        .sort(byTitle)
    : [];
  const all = known.concat(unknown);
  if (query.count === undefined || !Number.isFinite(query.count)) return all;
  return all.slice(0, Math.max(0, Math.floor(query.count)));
}

function findProfile(data: TenantData, controlId: string): ControlProfile | undefined {
  const exact = data.profiles.find((p) => p.id === controlId);
  if (exact) return exact;
  const lower = controlId.toLowerCase();
  return data.profiles.find((p) => p.id.toLowerCase() === lower);
}

/**
 * Everything about one action, whether or not it is part of the score (a card may open an action the
 * tenant is not licensed for). The id is matched exactly first, then case-insensitively, because ids
 * typed in chat lose their casing. Null when neither the catalogue nor today's score knows it.
 */
export function getActionDetail(data: TenantData, controlId: string): ActionDetail | null {
  if (typeof controlId !== 'string' || controlId.trim() === '') return null;
  const id = controlId.trim();
  const day = newestDay(data);
  const profile = findProfile(data, id);
  const lower = (profile?.id ?? id).toLowerCase();
  const control = day?.controls.find((c) => c.controlId === (profile?.id ?? id)) ?? day?.controls.find((c) => c.controlId.toLowerCase() === lower);
  if (!profile && !control) return null;
  const item = toActionItem(profile, control, profile?.id ?? control!.controlId);
  return {
    ...item,
    description: control?.description ?? '',
    implementationStatus: control?.implementationStatus ?? '',
    remediation: profile?.remediation ?? '',
    remediationImpact: profile?.remediationImpact ?? '',
    threats: profile?.threats ?? [],
    compliance: profile?.compliance ?? [],
    actionUrl: profile?.actionUrl ?? null,
    actionType: profile?.actionType ?? '',
    deprecated: profile?.deprecated ?? false,
    stateComment: profile?.stateComment ?? null,
    stateUpdatedBy: profile?.stateUpdatedBy ?? null,
    stateUpdatedAt: profile?.stateUpdatedAt ?? null,
    lastSynced: control?.lastSynced ?? null,
  };
}
