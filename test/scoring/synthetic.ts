/**
 * Small hand-made inputs for scoring tests, plus a multi-day series derived from the real heimdall2 day
 * by editing an in-memory copy (the fixture file itself is never changed or copied).
 */
import type { ControlProfile, ControlScore, ScoreDay } from '../../src/scoring/model';
import { readFixture } from '../helpers/fixtures';

export const TENANT = 'tenant-a';

export function control(controlId: string, score: number, extra: Partial<ControlScore> = {}): ControlScore {
  return {
    controlId,
    category: 'Identity',
    score,
    scoreInPercentage: null,
    description: '',
    implementationStatus: '',
    lastSynced: null,
    on: null,
    count: null,
    total: null,
    ...extra,
  };
}

/** A day whose currentScore is the sum of its controls unless given. */
export function day(date: string, controls: ControlScore[], extra: Partial<ScoreDay> = {}): ScoreDay {
  return {
    tenantId: TENANT,
    date,
    createdDateTime: `${date}T00:00:00.000Z`,
    currentScore: controls.reduce((s, c) => s + c.score, 0),
    maxScore: 100,
    activeUserCount: 1,
    licensedUserCount: 0,
    enabledServices: [],
    comparisons: [],
    controls,
    ...extra,
  };
}

export function profile(id: string, extra: Partial<ControlProfile> = {}): ControlProfile {
  return {
    id,
    title: `Title of ${id}`,
    category: 'Identity',
    actionType: 'Config',
    actionUrl: null,
    maxScore: 10,
    rank: 50,
    tier: 'Core',
    service: 'AzureAD',
    implementationCost: 'Low',
    userImpact: 'Low',
    threats: [],
    deprecated: false,
    remediation: '',
    remediationImpact: '',
    compliance: [],
    state: 'Default',
    assignedTo: null,
    stateComment: null,
    stateUpdatedBy: null,
    stateUpdatedAt: null,
    ...extra,
  };
}

export const H_TENANT = '00000000-0000-0000-0000-000000000001';
export const H_SCORES = 'securescores_heimdall2_1day_68controls.json';
export const H_PROFILES = 'securescorecontrolprofiles_heimdall2_page1_200.json';
export const G_TENANT = '00000000-0000-0000-0000-000000000002';
export const G_SCORES = 'securescores_graph2otel_e5_top1_5controls.json';
export const G_PROFILES = 'securescorecontrolprofiles_graph2otel_page1_5profiles.json';
export const DOCS = 'docs_v1_examples_securescore.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** The real heimdall2 day (2024-01-01, 128 of 274) as a raw Graph item, freshly parsed each call. */
export function heimdallRawDay(): Raw {
  return readFixture(H_SCORES).value[0];
}

/**
 * A copy of the real day moved to `date`, with some control scores replaced. currentScore is
 * recomputed as the sum of the controls, as it is in real data.
 */
export function heimdallDayAt(date: string, scores: Record<string, number>): Raw {
  const raw = heimdallRawDay();
  raw.id = `${H_TENANT}_${date}`;
  raw.createdDateTime = `${date}T00:00:00Z`;
  for (const c of raw.controlScores) {
    if (c.controlName in scores) {
      c.score = scores[c.controlName];
      c.scoreInPercentage = c.score > 0 ? 100 : 0;
    }
  }
  raw.currentScore = raw.controlScores.reduce((s: number, c: Raw) => s + Number(c.score), 0);
  return raw;
}

/**
 * Five days derived from the real one (newest last here; Graph sends newest first):
 *   2023-12-24  110  AdminMFAV2 0, BlockLegacyAuthentication 0
 *   2023-12-25  118  AdminMFAV2 0
 *   2023-12-28  121  AdminMFAV2 0, exo_mailtipsenabled 3 (full)
 *   2023-12-31  131  exo_mailtipsenabled 3
 *   2024-01-01  128  the real day: exo_mailtipsenabled back to 0
 */
export function heimdallSeries(): Raw[] {
  return [
    heimdallDayAt('2023-12-24', { AdminMFAV2: 0, BlockLegacyAuthentication: 0 }),
    heimdallDayAt('2023-12-25', { AdminMFAV2: 0 }),
    heimdallDayAt('2023-12-28', { AdminMFAV2: 0, exo_mailtipsenabled: 3 }),
    heimdallDayAt('2023-12-31', { exo_mailtipsenabled: 3 }),
    heimdallRawDay(),
  ].reverse();
}
