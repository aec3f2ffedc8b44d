/**
 * A control's max points and display name when the catalogue may not say. Graph's controlScores carry
 * no per-control max (GUIDE §1): it comes from the profile, and when the profile is missing (a page
 * we did not get, a control newer than the catalogue) from scoreInPercentage.
 */
import type { ControlProfile, ControlScore } from './model';
import { round2 } from './numbers';

/**
 * Rank given to actions Microsoft did not rank (no profile, or rank missing). It sorts after every
 * real rank (Microsoft's go up to a few hundred); cards should not print it.
 */
export const UNRANKED = 9999;

/**
 * The max points of a control, or null when it cannot be known.
 *  - The profile's maxScore when there is a profile: it is Microsoft's definition.
 *  - Otherwise score / (scoreInPercentage / 100) when scoreInPercentage > 0 (e.g. 9 points at 100 % → 9).
 *  - Otherwise unknown: 0 points at 0 % says nothing about the max, and guessing would fake percentages.
 */
export function controlMax(control: Pick<ControlScore, 'score' | 'scoreInPercentage'> | undefined, profile: ControlProfile | undefined): number | null {
  if (profile) return profile.maxScore;
  if (!control) return null;
  const pct = control.scoreInPercentage;
  if (pct !== null && pct > 0 && control.score >= 0) return round2(control.score / (pct / 100));
  return null;
}

/** A readable stand-in title: "MFARegistrationV2" → "MFA Registration V2", "11770.MDA_Google_MFA" → "MDA Google MFA". */
export function prettifyControlId(id: string): string {
  const words = id
    .replace(/^\d+\./, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean);
  const text = words.join(' ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : id;
}
