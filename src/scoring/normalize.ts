/**
 * Turns raw Graph payload items (secureScores and secureScoreControlProfiles `value[]` entries) into the
 * normalised model. This is the only place that knows about Graph's quirks (GUIDE §1): numbers as
 * strings, enums in mixed casing, HTML texts, PascalCase keys, missing or -1 averages.
 *
 * Rule for bad input: never throw. An item without a usable id/date is skipped and the rest kept, so
 * one malformed day from Graph (or from an old stored snapshot) cannot take the whole tenant down.
 */
import {
  CATEGORIES,
  CONTROL_STATES,
  type Category,
  type Comparison,
  type ComparisonBasis,
  type ControlProfile,
  type ControlScore,
  type ControlState,
  type ScoreDay,
  type TenantData,
} from './model';
import { htmlToText, toPlainInline } from './html';
import { normalizeLevel } from './levels';
import { getCI, isRecord, parseBoolean, parseNumber, parseNumberOr0, parseString } from './numbers';
import { prettifyControlId, UNRANKED } from './controlMax';

export { normalizeLevel } from './levels';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-MM-dd (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Case-insensitive category; "Devices" is accepted for Device. Null when it is none of the five. */
export function normalizeCategory(value: unknown): Category | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  for (const c of CATEGORIES) if (c.toLowerCase() === v) return c;
  if (v === 'devices') return 'Device';
  return null;
}

/**
 * Case- and spacing-insensitive control state ("thirdParty", "Third party" → ThirdParty). Anything
 * unknown is Default: that is what the portal shows for a control nobody has touched.
 */
export function normalizeState(value: unknown): ControlState {
  if (typeof value !== 'string') return 'Default';
  const v = value.replace(/[\s_-]+/g, '').toLowerCase();
  for (const s of CONTROL_STATES) if (s.toLowerCase() === v) return s;
  return 'Default';
}

/** Small words that stay lowercase inside a title-cased threat name ("Elevation of Privilege"). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

/** Threats title-cased and de-duplicated case-insensitively ("Account breach" = "Account Breach"). */
export function normalizeThreats(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Map<string, string>();
  for (const t of value) {
    const s = parseString(t);
    if (!s) continue;
    const name = titleCase(s.replace(/\s+/g, ' '));
    const key = name.toLowerCase();
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

function stringArray(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseString).filter((s): s is string => s !== null);
}

/** The date part of an id like `{tenantId}_{yyyy-MM-dd}`, when it is a real date. */
function dateFromId(id: string | null): string | null {
  if (!id) return null;
  const m = /_(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m && isIsoDate(m[1]) ? m[1] : null;
}

/** UTC yyyy-MM-dd of an ISO timestamp, or null when it does not parse. */
function utcDate(timestamp: string | null): string | null {
  if (!timestamp) return null;
  const ms = Date.parse(timestamp);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

const BASES: ComparisonBasis[] = ['AllTenants', 'TotalSeats', 'IndustryTypes'];

function normalizeBasis(value: unknown): ComparisonBasis | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  return BASES.find((b) => b.toLowerCase() === v) ?? null;
}

/**
 * How to read averageScore, which Graph documents as points but which today is a percentage
 * (GUIDE §1). The real payloads settle it:
 *  - heimdall2 (2024): averageScore 54.65, its per-category averages sum to 75.26 of 158.45 points
 *    (47.5 %). 54.65 is far from 75.26 points and close to 47.5 %: a percentage.
 *  - graph2otel (2026, E5): 52.86 against category sums of 108.06 of 222.90 points (48.5 %): a percentage.
 *  - the 2019 docs example: 37 / 46 / 109 with maxScore 697 and no per-category fields. 109 cannot be
 *    a percentage, so that (older) format is points.
 * Rule, in order:
 *  1. missing, non-numeric or negative (Graph sends -1 for "no data") → unusable (null);
 *  2. above 100 → points (a percentage cannot exceed 100);
 *  3. the comparison carries per-category fields (*ScoreMax) → the current format → a percentage;
 *  4. otherwise (the older, bare format) → points, converted with the day's maxScore.
 */
export function averagePercentFrom(
  averageScore: number | null,
  hasCategoryBreakdown: boolean,
  dayMaxScore: number,
): { percent: number | null; unit: 'percent' | 'points' | null } {
  if (averageScore === null || averageScore < 0) return { percent: null, unit: null };
  const asPoints = () => ({ percent: dayMaxScore > 0 ? (averageScore / dayMaxScore) * 100 : null, unit: 'points' as const });
  if (averageScore > 100) return asPoints();
  if (hasCategoryBreakdown) return { percent: averageScore, unit: 'percent' };
  return asPoints();
}

const CATEGORY_KEYS: Record<Category, string> = {
  Identity: 'identity',
  Data: 'data',
  Device: 'device',
  Apps: 'apps',
  Infrastructure: 'infrastructure',
};

export function normalizeComparison(raw: unknown, dayMaxScore: number): Comparison | null {
  if (!isRecord(raw)) return null;
  const basis = normalizeBasis(getCI(raw, 'basis'));
  if (!basis) return null;

  const categories: Comparison['categories'] = {};
  let hasBreakdown = false;
  for (const c of CATEGORIES) {
    const score = parseNumber(getCI(raw, `${CATEGORY_KEYS[c]}Score`));
    const max = parseNumber(getCI(raw, `${CATEGORY_KEYS[c]}ScoreMax`));
    if (max !== null) hasBreakdown = true;
    // -1 is Graph's "no data" marker; a negative average is never real.
    if (score !== null && max !== null && score >= 0 && max >= 0) categories[c] = { score, max };
  }

  const averageScoreRaw = parseNumber(getCI(raw, 'averageScore'));
  const { percent, unit } = averagePercentFrom(averageScoreRaw, hasBreakdown, dayMaxScore);

  let seatRange: Comparison['seatRange'] = null;
  const lower = parseNumber(getCI(raw, 'SeatSizeRangeLowerValue'));
  const upper = parseNumber(getCI(raw, 'SeatSizeRangeUpperValue'));
  if (lower !== null && upper !== null && lower >= 0 && upper >= lower) seatRange = { lower, upper };

  return {
    basis,
    averagePercent: percent,
    averageScoreRaw: averageScoreRaw !== null && averageScoreRaw >= 0 ? averageScoreRaw : null,
    averageUnit: unit,
    seatRange,
    categories,
  };
}

export function normalizeControlScore(raw: unknown): ControlScore | null {
  if (!isRecord(raw)) return null;
  const controlId = parseString(raw.controlName) ?? parseString(raw.controlId);
  if (!controlId) return null;
  const pct = parseNumber(raw.scoreInPercentage);
  return {
    controlId,
    // An unknown category would otherwise lose the control's points from the category totals;
    // Apps is the category most controls belong to, and the profile's category wins when there is one
    // (see buildTenantData).
    category: normalizeCategory(raw.controlCategory) ?? 'Apps',
    score: parseNumberOr0(raw.score),
    scoreInPercentage: pct !== null && pct >= 0 && pct <= 100 ? pct : null,
    description: htmlToText(typeof raw.description === 'string' ? raw.description : null),
    implementationStatus: htmlToText(typeof raw.implementationStatus === 'string' ? raw.implementationStatus : null),
    lastSynced: parseString(raw.lastSynced),
    on: parseBoolean(raw.on),
    count: parseNumber(raw.count),
    total: parseNumber(raw.total),
  };
}

/** One secureScores item → ScoreDay, or null when it has no usable date or no numeric currentScore. */
export function normalizeScoreDay(raw: unknown): ScoreDay | null {
  if (!isRecord(raw)) return null;
  const id = parseString(raw.id);
  const created = parseString(raw.createdDateTime);
  // createdDateTime is the documented timestamp (midnight UTC of the day); the id suffix is the fallback.
  const date = utcDate(created) ?? dateFromId(id);
  if (!date) return null;
  // A day without a score is unusable: counting it as 0 would fake a drop alert.
  const currentScore = parseNumber(raw.currentScore);
  if (currentScore === null) return null;
  const maxScore = Math.max(0, parseNumberOr0(raw.maxScore));
  const tenantId = parseString(raw.azureTenantId) ?? (id && id.includes('_') ? id.slice(0, id.lastIndexOf('_')) : '');

  const controls: ControlScore[] = [];
  const seen = new Set<string>();
  for (const c of Array.isArray(raw.controlScores) ? raw.controlScores : []) {
    const control = normalizeControlScore(c);
    if (!control || seen.has(control.controlId)) continue;
    seen.add(control.controlId);
    controls.push(control);
  }

  const comparisons: Comparison[] = [];
  for (const c of Array.isArray(raw.averageComparativeScores) ? raw.averageComparativeScores : []) {
    const comparison = normalizeComparison(c, maxScore);
    if (comparison && !comparisons.some((x) => x.basis === comparison.basis)) comparisons.push(comparison);
  }

  const createdMs = created ? Date.parse(created) : NaN;
  return {
    tenantId,
    date,
    createdDateTime: Number.isFinite(createdMs) ? new Date(createdMs).toISOString() : `${date}T00:00:00.000Z`,
    currentScore,
    maxScore,
    activeUserCount: parseNumberOr0(raw.activeUserCount),
    licensedUserCount: parseNumberOr0(raw.licensedUserCount),
    enabledServices: stringArray(raw.enabledServices),
    comparisons,
    controls,
  };
}

/** Newest first, one day per date: when Graph (or stored history) repeats a date, the newest createdDateTime wins. */
export function normalizeScores(raw: unknown[]): ScoreDay[] {
  const byDate = new Map<string, ScoreDay>();
  for (const item of Array.isArray(raw) ? raw : []) {
    const day = normalizeScoreDay(item);
    if (!day) continue;
    const existing = byDate.get(day.date);
    if (!existing || day.createdDateTime >= existing.createdDateTime) byDate.set(day.date, day);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** The newest controlStateUpdates entry: latest updatedDateTime; undated entries count as oldest, later in the array wins ties. */
function newestStateUpdate(value: unknown): Record<string, unknown> | null {
  if (!Array.isArray(value)) return null;
  let best: Record<string, unknown> | null = null;
  let bestMs = -Infinity;
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const ms = Date.parse(String(entry.updatedDateTime ?? ''));
    const t = Number.isFinite(ms) ? ms : -Infinity;
    if (best === null || t >= bestMs) {
      best = entry;
      bestMs = t;
    }
  }
  return best;
}

function normalizeCompliance(value: unknown): ControlProfile['compliance'] {
  if (!Array.isArray(value)) return [];
  const out: ControlProfile['compliance'] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const standard = parseString(item.certificationName);
    if (!standard) continue;
    const controls = Array.isArray(item.certificationControls)
      ? item.certificationControls.map((c) => (isRecord(c) ? parseString(c.name) : null)).filter((c): c is string => c !== null)
      : [];
    out.push({ standard, controls });
  }
  return out;
}

export function normalizeProfile(raw: unknown): ControlProfile | null {
  if (!isRecord(raw)) return null;
  const id = parseString(raw.id);
  if (!id) return null;
  const state = newestStateUpdate(raw.controlStateUpdates);
  const rank = parseNumber(raw.rank);
  const maxScore = parseNumber(raw.maxScore);
  return {
    id,
    title: toPlainInline(typeof raw.title === 'string' ? raw.title : '') || prettifyControlId(id),
    category: normalizeCategory(raw.controlCategory) ?? 'Apps',
    actionType: parseString(raw.actionType) ?? '',
    actionUrl: parseString(raw.actionUrl),
    maxScore: maxScore !== null && maxScore >= 0 ? maxScore : 0,
    // Rank 0 or a missing rank would jump ahead of Microsoft's real rank 1; unranked goes last instead.
    rank: rank !== null && rank > 0 ? rank : UNRANKED,
    tier: parseString(raw.tier) ?? '',
    service: parseString(raw.service) ?? '',
    implementationCost: normalizeLevel(raw.implementationCost),
    userImpact: normalizeLevel(raw.userImpact),
    threats: normalizeThreats(raw.threats),
    deprecated: parseBoolean(raw.deprecated) === true,
    remediation: htmlToText(typeof raw.remediation === 'string' ? raw.remediation : null),
    remediationImpact: htmlToText(typeof raw.remediationImpact === 'string' ? raw.remediationImpact : null),
    compliance: normalizeCompliance(raw.complianceInformation),
    state: normalizeState(state?.state),
    assignedTo: parseString(state?.assignedTo),
    stateComment: parseString(state?.comment),
    stateUpdatedBy: parseString(state?.updatedBy),
    stateUpdatedAt: parseString(state?.updatedDateTime),
  };
}

/** One profile per id; when pages overlap the later page wins (it was read later, so it is newer). */
export function normalizeProfiles(raw: unknown[]): ControlProfile[] {
  const byId = new Map<string, ControlProfile>();
  for (const item of Array.isArray(raw) ? raw : []) {
    const profile = normalizeProfile(item);
    if (!profile) continue;
    byId.delete(profile.id); // re-insert so the order reflects the winning (later) item
    byId.set(profile.id, profile);
  }
  return [...byId.values()];
}

function rawTenantId(raw: unknown): string | null {
  return isRecord(raw) ? parseString(raw.azureTenantId) : null;
}

export interface BuildOptions {
  /**
   * Skip raw items whose azureTenantId names another tenant (default true). One tenant must never see
   * another's data; a source that deliberately serves sample data under another id (demo) can opt out.
   */
  strictTenant?: boolean;
}

/**
 * Everything scoring needs about one tenant. Days are stamped with `tenantId` (the caller asked for
 * this tenant), and a control's category follows its profile when the two disagree, because the
 * profile is the catalogue's definition of the action.
 */
export function buildTenantData(
  tenantId: string,
  rawScores: unknown[],
  rawProfiles: unknown[],
  options: BuildOptions = {},
): TenantData {
  const strict = options.strictTenant !== false;
  const sameTenant = (raw: unknown): boolean => {
    if (!strict) return true;
    const t = rawTenantId(raw);
    return t === null || t.toLowerCase() === tenantId.toLowerCase();
  };
  const profiles = normalizeProfiles((Array.isArray(rawProfiles) ? rawProfiles : []).filter(sameTenant));
  const categoryOf = new Map(profiles.map((p) => [p.id, p.category]));
  const days = normalizeScores((Array.isArray(rawScores) ? rawScores : []).filter(sameTenant)).map((day) => ({
    ...day,
    tenantId,
    controls: day.controls.map((c) => ({ ...c, category: categoryOf.get(c.controlId) ?? c.category })),
  }));
  return { tenantId, days, profiles };
}
