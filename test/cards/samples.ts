/**
 * Hand-made scoring results shaped like what src/scoring returns for the heimdall2 tenant (128 of 274
 * points on 2024-01-01, 68 controls) plus edge cases. Cards are built from results only, so these are
 * the whole input a card ever sees.
 */
import type {
  ActionDetail,
  ActionItem,
  ActionMatch,
  ChangeReport,
  ControlChange,
  DropAlert,
  ScoreSummary,
  TargetPlan,
  Trend,
  TrendPoint,
} from '../../src/scoring/results';
import type { Note } from '../../src/storage/store';
import type { Category } from '../../src/scoring/model';

export function action(over: Partial<ActionItem> & { controlId: string; title: string }): ActionItem {
  return {
    category: 'Identity',
    rank: 1,
    score: 0,
    maxScore: 10,
    pointsAvailable: 10,
    implementationCost: 'Low',
    userImpact: 'Moderate',
    tier: 'Core',
    service: 'AzureAD',
    state: 'Default',
    assignedTo: null,
    inScore: true,
    completed: false,
    ...over,
  };
}

export const ACTIONS: ActionItem[] = [
  action({ controlId: 'AdminMFAV2', title: 'Ensure multifactor authentication is enabled for all users in administrative roles', rank: 1, maxScore: 10, pointsAvailable: 5, score: 5 }),
  action({ controlId: 'MFARegistrationV2', title: 'Ensure all users can complete multifactor authentication', rank: 2, maxScore: 9, pointsAvailable: 9, userImpact: 'High', implementationCost: 'Moderate' }),
  action({ controlId: 'BlockLegacyAuthentication', title: 'Enable Conditional Access policies to block legacy authentication', rank: 3, maxScore: 8, pointsAvailable: 8 }),
  action({ controlId: 'mcas_thirdparty_app', title: 'Create an app discovery policy to detect risky apps', category: 'Apps', rank: 12, maxScore: 3, pointsAvailable: 3, service: 'MCAS' }),
  action({ controlId: 'DLPEnabled', title: 'Create Data Loss Prevention (DLP) policies', category: 'Data', rank: 20, maxScore: 10, pointsAvailable: 2.5, score: 7.5, service: 'MIP', userImpact: 'Low' }),
];

export const SUMMARY: ScoreSummary = {
  tenantId: '00000000-0000-0000-0000-000000000001',
  asOf: '2026-12-03',
  total: { score: 128, max: 274, percent: 46.7 },
  categories: [
    { category: 'Identity', score: 40, max: 70, percent: 57.1, unknownMaxControls: 0 },
    { category: 'Data', score: 8.5, max: 20, percent: 42.5, unknownMaxControls: 0 },
    { category: 'Apps', score: 79.5, max: 184, percent: 43.2, unknownMaxControls: 1 },
  ],
  comparisons: [
    { basis: 'AllTenants', label: 'All tenants', averagePercent: 41.2, differencePercent: 5.5, seatRange: null },
    { basis: 'TotalSeats', label: 'Similar size (1–100 seats)', averagePercent: 48.1, differencePercent: -1.4, seatRange: { lower: 1, upper: 100 } },
  ],
  change7d: 5,
  openActionCount: 42,
  completedActionCount: 26,
  topActions: ACTIONS.slice(0, 3),
};

/** A new tenant: nothing known, nothing to compare. */
export const EMPTY_SUMMARY: ScoreSummary = {
  tenantId: '00000000-0000-0000-0000-000000000009',
  asOf: '',
  total: { score: 0, max: null, percent: null },
  categories: [],
  comparisons: [],
  change7d: null,
  openActionCount: 0,
  completedActionCount: 0,
  topActions: [],
};

function day(i: number): string {
  const d = new Date(Date.UTC(2026, 10, 4 + i));
  return d.toISOString().slice(0, 10);
}

export function trendOf(scores: number[], max = 274): Trend {
  const points: TrendPoint[] = scores.map((score, i) => ({ date: day(i), score, max, percent: Math.round((score / max) * 1000) / 10 }));
  const byScore = [...points].sort((a, b) => a.score - b.score);
  return {
    days: scores.length,
    points,
    start: points[0] ?? null,
    end: points[points.length - 1] ?? null,
    min: byScore[0] ?? null,
    max: byScore[byScore.length - 1] ?? null,
    change: points.length ? points[points.length - 1].score - points[0].score : null,
  };
}

export const TREND: Trend = trendOf([120, 120, 121, 121, 118, 118, 122, 123, 123, 123, 125, 125, 125, 126, 126, 126, 126, 127, 127, 128]);
export const EMPTY_TREND: Trend = { days: 30, points: [], start: null, end: null, min: null, max: null, change: null };

export function change(over: Partial<ControlChange> & { controlId: string; delta: number }): ControlChange {
  return {
    title: over.controlId,
    category: 'Identity' as Category,
    before: over.delta < 0 ? -over.delta : 0,
    after: over.delta < 0 ? 0 : over.delta,
    regression: false,
    ...over,
  };
}

const lostAdmin = change({ controlId: 'AdminMFAV2', title: 'Ensure multifactor authentication is enabled for all users in administrative roles', delta: -10, before: 10, after: 0, regression: true });

export const CHANGES: ChangeReport = {
  fromDate: '2026-11-26',
  toDate: '2026-12-03',
  before: { score: 120, max: 270, percent: 44.4 },
  after: { score: 128, max: 274, percent: 46.7 },
  delta: 8,
  gained: [
    change({ controlId: 'BlockLegacyAuthentication', title: 'Enable Conditional Access policies to block legacy authentication', delta: 8 }),
    change({ controlId: 'SelfServicePasswordReset', title: 'Enable self-service password reset', delta: 1 }),
  ],
  lost: [lostAdmin, change({ controlId: 'DLPEnabled', title: 'Create Data Loss Prevention (DLP) policies', category: 'Data', delta: -2.5, before: 10, after: 7.5 })],
  regressions: [lostAdmin],
  maxDelta: 4,
};

export const NO_CHANGES: ChangeReport = {
  fromDate: '2026-11-26',
  toDate: '2026-12-03',
  before: { score: 0, max: null, percent: null },
  after: { score: 0, max: null, percent: null },
  delta: 0,
  gained: [],
  lost: [],
  regressions: [],
  maxDelta: 0,
};

export const PLAN: TargetPlan = {
  target: { points: 164.4, percent: 60 },
  current: { score: 128, max: 274, percent: 46.7 },
  reachable: true,
  alreadyMet: false,
  gap: 36.4,
  actions: [ACTIONS[2], ACTIONS[0], ACTIONS[1], ACTIONS[4], ACTIONS[3]],
  pointsGained: 27.5,
  maxReachable: 146,
};

export const UNREACHABLE_PLAN: TargetPlan = {
  target: { points: 260.3, percent: 95 },
  current: { score: 128, max: 274, percent: 46.7 },
  reachable: false,
  alreadyMet: false,
  gap: 132.3,
  actions: ACTIONS,
  pointsGained: 27.5,
  maxReachable: 146,
};

export const DETAIL: ActionDetail = {
  ...ACTIONS[0],
  description: 'Requiring multifactor authentication (MFA) for all administrative roles makes it harder for attackers to access accounts.',
  implementationStatus: 'You have 2 of 4 users with admin roles that do not have MFA.',
  remediation: '1. Go to the Microsoft Entra admin center.\n2. Select **Protection** > **Conditional Access**.\n3. Create a new policy that requires MFA for admin roles.',
  remediationImpact: 'Admins will be prompted for a second factor when they sign in.',
  threats: ['Account Breach', 'Elevation Of Privilege', 'Password Cracking'],
  compliance: [],
  actionUrl: 'https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-admin-mfa',
  actionType: 'Config',
  deprecated: false,
  stateComment: null,
  stateUpdatedBy: null,
  stateUpdatedAt: null,
  lastSynced: '2026-12-03T06:00:00Z',
};

export function note(over: Partial<Note> & { id: number; text: string }): Note {
  return {
    tenantId: SUMMARY.tenantId,
    controlId: 'AdminMFAV2',
    kind: 'note',
    authorId: '29:user-1',
    authorName: 'Alex Wilber',
    createdAt: '2026-12-03T14:05:00Z',
    writeback: 'none',
    writebackAttempts: 0,
    writebackRetryAt: null,
    ...over,
  };
}

export const NOTES: Note[] = [
  note({ id: 3, text: 'Rolled out to the helpdesk admins, two break-glass accounts left.', createdAt: '2026-12-03T14:05:00Z' }),
  note({ id: 2, kind: 'owner', text: '', assignedTo: 'megan@contoso.example', authorName: 'Megan Bowen', createdAt: '2026-12-02T09:00:00Z' }),
  note({ id: 1, kind: 'status', text: 'Covered by our third-party IdP for contractors', state: 'ThirdParty', createdAt: '2026-12-01T08:30:00Z' }),
];

export const MATCHES: ActionMatch[] = [
  { controlId: 'AdminMFAV2', title: 'Ensure multifactor authentication is enabled for all users in administrative roles', score: 0.81 },
  { controlId: 'MFARegistrationV2', title: 'Ensure all users can complete multifactor authentication', score: 0.77 },
  { controlId: 'PWAgePolicyNew', title: 'Do not expire passwords', score: 0.4 },
];

export const DROP: DropAlert = {
  fromDate: '2026-12-02',
  toDate: '2026-12-03',
  delta: -12,
  lostFullControls: [lostAdmin, change({ controlId: 'OneAdmin', title: 'Designate more than one global admin', delta: -2, before: 2, after: 0, regression: true })],
  dropId: '00000000-0000-0000-0000-000000000001:2026-12-03:-12',
};

/** The text a user could type into a note: every character class that could break or inject. */
export const NASTY_TEXT = 'He said "ship it" \\ then\nnew line ${secret} <b>bold</b> *md* _it_ [link](https://evil.example) - item\n# heading `code` {{DATE(2017-02-14T06:08:39Z, SHORT)}} 😀 مرحبا';
