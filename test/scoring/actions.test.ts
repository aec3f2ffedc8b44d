import { getActionDetail, listActions, quickWinValue } from '../../src/scoring/actions';
import { buildTenantData } from '../../src/scoring/normalize';
import type { TenantData } from '../../src/scoring/model';
import { UNRANKED } from '../../src/scoring/controlMax';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, H_PROFILES, H_SCORES, H_TENANT, profile, TENANT } from './synthetic';

describeWithFixtures('open actions on the real heimdall2 day + profiles page', () => {
  const data = buildTenantData(H_TENANT, readFixture(H_SCORES).value, readFixture(H_PROFILES).value);

  test('rank order: exo_storageproviderrestricted (rank 10, 5 points) first, mdo_blockmailforward second', () => {
    const list = listActions(data);
    expect(list).toHaveLength(24);
    expect(list[0]).toMatchObject({
      controlId: 'exo_storageproviderrestricted',
      rank: 10,
      score: 0,
      maxScore: 5,
      pointsAvailable: 5,
      category: 'Apps',
      service: 'EXO',
      inScore: true,
      completed: false,
      state: 'Default',
    });
    expect(list[1]).toMatchObject({ controlId: 'mdo_blockmailforward', rank: 10, pointsAvailable: 5 });
    // Ranks never go down the list, and within a rank points never go up.
    for (let i = 1; i < list.length; i++) {
      expect(list[i].rank).toBeGreaterThanOrEqual(list[i - 1].rank);
      if (list[i].rank === list[i - 1].rank) expect(list[i].pointsAvailable).toBeLessThanOrEqual(list[i - 1].pointsAvailable);
    }
    expect(list.map((a) => a.controlId)).not.toContain('AdminMFAV2'); // rank 1 but complete (10 of 10)
    expect(list.reduce((s, a) => s + a.pointsAvailable, 0)).toBe(101);
  });

  test('the most points still available on one action is 8, and four actions offer it', () => {
    const byPoints = listActions(data, { order: 'points' });
    expect(byPoints[0].pointsAvailable).toBe(8);
    expect(byPoints.filter((a) => a.pointsAvailable === 8).map((a) => a.controlId)).toEqual([
      'mdo_enabledomainstoprotect',
      'mdo_mailboxintelligenceprotection',
      'mdo_mailboxintelligenceprotectionaction',
      'mdo_phishthresholdlevel',
    ]);
    // Next come the 5-point actions, lowest rank first.
    expect(byPoints[4]).toMatchObject({ controlId: 'exo_storageproviderrestricted', pointsAvailable: 5 });
    expect(byPoints[6]).toMatchObject({ controlId: 'AATP_DefenderForIdentityIsNotInstalled', rank: 59, pointsAvailable: 5 });
  });

  test('quick wins: points / (cost weight + impact weight)', () => {
    const quick = listActions(data, { order: 'quickWins', count: 8 });
    expect(quick.map((a) => [a.controlId, quickWinValue(a)])).toEqual([
      ['mdo_enabledomainstoprotect', 2], // 8 / (Moderate 2 + Unknown 2)
      ['mdo_mailboxintelligenceprotection', 2],
      ['mdo_mailboxintelligenceprotectionaction', 2],
      ['mdo_phishthresholdlevel', 2],
      ['IntegratedApps', 4 / 3], // 4 / (Low 1 + Moderate 2), rank 35
      ['McasOAuthAppNotification', 4 / 3], // same value, rank 57
      ['exo_storageproviderrestricted', 1.25], // 5 / (Unknown 2 + Unknown 2)
      ['mdo_blockmailforward', 1.25],
    ]);
  });

  test('filters: category, max user impact, max implementation cost, count', () => {
    expect(listActions(data, { category: 'Identity' }).map((a) => a.controlId)).toEqual(['IntegratedApps', 'AATP_DefenderForIdentityIsNotInstalled']);
    expect(listActions(data, { category: 'Data' })).toEqual([]);
    // Low impact only: Unknown counts as Moderate, so only the honestly Low ones remain.
    expect(listActions(data, { maxUserImpact: 'Low' }).map((a) => a.controlId)).toEqual(['AATP_DefenderForIdentityIsNotInstalled', 'McasFirewallLogUpload']);
    expect(listActions(data, { maxImplementationCost: 'Low' }).map((a) => a.controlId)).toEqual([
      'IntegratedApps',
      'McasOAuthAppNotification',
      'McasCloudAppNotification',
      'McasCutomActivityPolicy',
    ]);
    expect(listActions(data, { maxImplementationCost: 'Low', maxUserImpact: 'Low' })).toEqual([]);
    expect(listActions(data, { count: 3 })).toHaveLength(3);
    expect(listActions(data, { count: 0 })).toEqual([]);
    expect(listActions(data, { count: -2 })).toEqual([]);
  });

  test('unknown-max controls only on request, after every known one, with null max and no rank', () => {
    const all = listActions(data, { includeUnknownMax: true });
    expect(all).toHaveLength(24 + 16);
    expect(all.slice(24).every((a) => a.maxScore === null && a.pointsAvailable === 0 && a.rank === UNRANKED)).toBe(true);
    expect(all[24]).toMatchObject({ controlId: 'mdo_safelinksforOfficeApps', title: 'Mdo safelinksfor Office Apps', category: 'Apps' });
  });

  test('getActionDetail: in-score action with HTML converted, case-insensitive id', () => {
    const d = getActionDetail(data, 'exo_mailboxaudit')!;
    expect(d).toMatchObject({
      controlId: 'exo_mailboxaudit',
      title: 'Ensure mailbox auditing for all users is Enabled',
      inScore: true,
      score: 0,
      maxScore: 3,
      pointsAvailable: 3,
      userImpact: 'Unknown',
      actionType: 'Config',
      deprecated: false,
      lastSynced: '2024-01-01T13:58:47Z',
      threats: ['Data Exfiltration', 'Account Breach'], // raw: 'Data Exfiltration', 'Account breach'
      stateComment: null,
    });
    expect(d.remediation).not.toMatch(/<\/?[a-z]/i);
    expect(d.remediation.length).toBeGreaterThan(50);
    expect(getActionDetail(data, 'EXO_MAILBOXAUDIT')!.controlId).toBe('exo_mailboxaudit');
  });

  test('getActionDetail: a catalogue profile not in the score, a control with no profile, an unknown id', () => {
    expect(getActionDetail(data, 'AATP_PrintSpooler')).toMatchObject({ inScore: false, score: 0, maxScore: 5, pointsAvailable: 0, completed: false, rank: 67, lastSynced: null });
    expect(getActionDetail(data, 'MFARegistrationV2')).toMatchObject({ inScore: true, score: 9, maxScore: 9, pointsAvailable: 0, completed: true, title: 'MFA Registration V2', remediation: '' });
    expect(getActionDetail(data, 'nope')).toBeNull();
    expect(getActionDetail(data, '  ')).toBeNull();
  });
});

describe('open-action rules on synthetic data', () => {
  const data: TenantData = {
    tenantId: TENANT,
    days: [
      day('2026-01-01', [
        control('rank2_small', 1),
        control('rank2_big', 0),
        control('rank1', 5),
        control('done', 10),
        control('deprecated', 0),
        control('ignored', 0),
        control('thirdparty', 0),
        control('noprofile_half', 3, { scoreInPercentage: 50 }),
        control('noprofile_unknown', 0, { scoreInPercentage: 0 }),
        control('zero_max', 0),
      ]),
    ],
    profiles: [
      profile('rank2_small', { rank: 2, maxScore: 3, title: 'B small' }),
      profile('rank2_big', { rank: 2, maxScore: 6, title: 'Z big' }),
      profile('rank1', { rank: 1, maxScore: 6, title: 'A' }),
      profile('done', { rank: 1, maxScore: 10 }),
      profile('deprecated', { rank: 1, deprecated: true }),
      profile('ignored', { rank: 1, state: 'Ignored' }),
      profile('thirdparty', { rank: 1, state: 'ThirdParty' }),
      profile('zero_max', { rank: 1, maxScore: 0 }),
      profile('not_in_score', { rank: 1, maxScore: 9 }),
    ],
  };

  test('rank, then points available, then title; no-profile-with-derived-max goes after ranked ones', () => {
    expect(listActions(data).map((a) => [a.controlId, a.pointsAvailable])).toEqual([
      ['rank1', 1],
      ['rank2_big', 6],
      ['rank2_small', 2],
      ['noprofile_half', 3],
    ]);
  });

  test('points order: biggest gain first, rank breaks ties', () => {
    expect(listActions(data, { order: 'points' }).map((a) => a.controlId)).toEqual(['rank2_big', 'noprofile_half', 'rank2_small', 'rank1']);
  });

  test('no days: no actions, no details of in-score controls', () => {
    const empty: TenantData = { tenantId: TENANT, days: [], profiles: data.profiles };
    expect(listActions(empty)).toEqual([]);
    expect(getActionDetail(empty, 'rank1')).toMatchObject({ inScore: false, pointsAvailable: 0 });
  });
});
