import { findActions, resolveAction } from '../../src/scoring/search';
import { damerauLevenshtein, idTokens, stem, tokenize, tokenSimilarity } from '../../src/scoring/textMatch';
import { buildTenantData } from '../../src/scoring/normalize';
import type { TenantData } from '../../src/scoring/model';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { control, day, H_PROFILES, H_SCORES, H_TENANT, profile, TENANT } from './synthetic';

describe('text matching primitives', () => {
  test('Damerau-Levenshtein counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('audit', 'audti')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });

  test('synonyms and phrases meet at one token', () => {
    expect(tokenize('Multi-factor authentication for Administrators')).toEqual(['mfa', 'admin']);
    expect(tokenize('multifactor auth, 2FA, two-factor')).toEqual(['mfa', 'mfa', 'mfa']);
    expect(tokenize('Ensure the legacy authentication is blocked')).toEqual(['legacy', 'auth', 'block']);
    expect(tokenize('Outlook add-ins, data loss prevention')).toEqual(['outlook', 'addin', 'dlp']);
    expect(stem('forwarding')).toBe('forward');
    expect(stem('policies')).toBe('policy');
    expect(stem('disabled')).toBe(stem('disable'));
  });

  test('id tokens: snake case, camel case, numeric prefixes, adjacent pairs', () => {
    expect(idTokens('AATP_PrintSpooler')).toEqual(['aatp', 'print', 'spooler', 'aatpprint', 'printspooler']);
    expect(idTokens('11770.MDA_Google_EnableTwoFactorAuth')).toEqual(['mda', stem('google'), 'mfa', 'mdagoogl', 'googleenabl', 'enablemfa']); // 'enable' is a stop word
  });

  test('token similarity: exact 1, prefix 0.85, inside a long id word 0.8, typo by length, short words strict', () => {
    expect(tokenSimilarity('audit', 'audit')).toBe(1);
    expect(tokenSimilarity('freq', 'frequency')).toBe(0.85);
    expect(tokenSimilarity('storag', 'storageproviderrestricted')).toBe(0.85);
    expect(tokenSimilarity('provider', 'storageproviderrestricted')).toBe(0.8);
    expect(tokenSimilarity('auditt', 'audit')).toBeCloseTo(1 - 1 / 6, 9);
    expect(tokenSimilarity('dlp', 'dls')).toBe(0);
    expect(tokenSimilarity('lockbx', 'lockbox')).toBeCloseTo(1 - 1 / 7, 9);
    expect(tokenSimilarity('zebra', 'audit')).toBe(0);
  });
});

describeWithFixtures('findActions / resolveAction over the real heimdall2 catalogue', () => {
  const data = buildTenantData(H_TENANT, readFixture(H_SCORES).value, readFixture(H_PROFILES).value);
  const top = (q: string) => findActions(data, q, 5)[0]?.controlId;

  test.each([
    ['MFA for admins', 'AdminMFAV2'],
    ['multi-factor authentication for administrators', 'AdminMFAV2'],
    ['block legacy auth', 'BlockLegacyAuthentication'],
    ['mailbox auditting', 'exo_mailboxaudit'],
    ['forwarding mail block', 'mdo_blockmailforward'],
    ['exo_storageproviderrestricted', 'exo_storageproviderrestricted'],
    ['EXO_STORAGEPROVIDERRESTRICTED', 'exo_storageproviderrestricted'],
    ['storage providers outlook web', 'exo_storageproviderrestricted'],
    ['customer lockbox', 'CustomerLockBoxEnabled'],
    ['custmer lockbx', 'CustomerLockBoxEnabled'],
    ['safe attachments block mode', 'mdo_safeattachments'],
    ['DLP', 'dlp_datalossprevention'],
    ['data loss prevention', 'dlp_datalossprevention'],
    ['outlook add-ins', 'exo_outlookaddins'],
    ['mailtips', 'exo_mailtipsenabled'],
    ['banned passwords', 'aad_custom_banned_passwords'],
    ['linkedin', 'aad_linkedin_connection_disables'],
    ['SPF records', 'exo_SPF_records_for_all_domains'],
    ['honey token', 'AATP_HoneyToken'],
    ['print spooler', 'AATP_PrintSpooler'],
    ['impersonated domain protection', 'mdo_enabledomainstoprotect'],
    ['phishing threshold', 'mdo_phishthresholdlevel'],
    ['quarantine retention', 'mdo_quarantineretentionperiod'],
    ['user consent apps', 'IntegratedApps'],
    ['admin consent workflow', 'aad_admin_consent_workflow'],
    ['sign in frequency admins', 'aad_sign_in_freq_session_timeout'],
    ['LAPS', 'AATP_PwdLAPS'],
  ])('%s → %s, resolved to exactly that action', (query, expected) => {
    expect(top(query)).toBe(expected);
    expect(resolveAction(data, query)).toEqual({ kind: 'one', controlId: expected });
  });

  test('"legacy authentication": both legacy-auth controls in the score, offered as a choice', () => {
    const r = resolveAction(data, 'legacy authentication');
    expect(r.kind).toBe('many');
    if (r.kind !== 'many') return;
    expect(r.matches.map((m) => m.controlId)).toEqual(['BlockLegacyAuthentication', 'spo_legacy_auth']);
    expect(r.matches.every((m) => m.inScore)).toBe(true);
  });

  test('"MFA for admins": the in-score admin control beats the catalogue-only phishing-resistant one', () => {
    const [first, second] = findActions(data, 'MFA for admins');
    expect([first.controlId, first.inScore, second.controlId, second.inScore]).toEqual(['AdminMFAV2', true, 'aad_phishing_MFA_strength', false]);
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.score).toBeLessThanOrEqual(1);
  });

  test('an ambiguous query gives a choice; nonsense gives none; empty gives nothing', () => {
    const mfa = resolveAction(data, 'MFA');
    expect(mfa.kind).toBe('many');
    if (mfa.kind === 'many') expect(mfa.matches.length).toBeGreaterThanOrEqual(2);
    expect(resolveAction(data, 'defender for identity sensor').kind).toBe('many');
    expect(resolveAction(data, 'zzqx')).toEqual({ kind: 'none' });
    expect(findActions(data, '   ')).toEqual([]);
    expect(findActions(data, 'the for a')).toEqual([]);
  });

  test('limit is respected and scores are ordered 0..1', () => {
    const list = findActions(data, 'password', 3);
    expect(list).toHaveLength(3);
    expect(list[0].score).toBeGreaterThanOrEqual(list[1].score);
    expect(list[2].score).toBeGreaterThan(0);
    expect(findActions(data, 'password', 0)).toEqual([]);
  });
});

describe('search order on synthetic data: the tenant’s score first, then the catalogue', () => {
  const data: TenantData = {
    tenantId: TENANT,
    days: [day('2026-01-01', [control('InScoreMfa', 0)])],
    profiles: [profile('CatalogueMfa', { title: 'Require MFA' }), profile('InScoreMfa', { title: 'Require MFA' })],
  };

  test('two equal titles: the one in the score ranks first and gets the bonus', () => {
    const [a, b] = findActions(data, 'require mfa');
    expect([a.controlId, b.controlId]).toEqual(['InScoreMfa', 'CatalogueMfa']);
    expect(a.score).toBe(1);
    expect(b.score).toBe(0.95);
  });
});

describeWithFixtures('search over the graph2otel capture (5 profiles, 5 scored controls without profiles)', () => {
  const data = buildTenantData('00000000-0000-0000-0000-000000000002', readFixture('securescores_graph2otel_e5_top1_5controls.json').value, readFixture('securescorecontrolprofiles_graph2otel_page1_5profiles.json').value);

  test('"google 2fa" finds the prefixed MDA Google id; a scored control without profile is found by its id words', () => {
    expect(resolveAction(data, 'google 2fa')).toEqual({ kind: 'one', controlId: '11770.MDA_Google_EnableTwoFactorAuth' });
    expect(resolveAction(data, 'self service password reset')).toEqual({ kind: 'one', controlId: 'SelfServicePasswordReset' });
    expect(findActions(data, 'self service password reset')[0]).toMatchObject({ title: 'Self Service Password Reset', inScore: true });
  });
});
