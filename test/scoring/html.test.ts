import { decodeEntities, htmlToText, toPlainInline } from '../../src/scoring/html';
import { describeWithFixtures, readFixture } from '../helpers/fixtures';
import { G_PROFILES, H_PROFILES, H_SCORES } from './synthetic';

describe('htmlToText on small inputs', () => {
  test('null, undefined and empty give an empty string', () => {
    expect(htmlToText(null)).toBe('');
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText('')).toBe('');
  });

  test('paragraphs become blank-line separated, <br> a line break, source indentation collapses', () => {
    expect(htmlToText('\n\t\t<p>First   para</p>\n\t<p>Second<br/>line two<br />line three</p>')).toBe(
      'First para\n\nSecond\nline two\nline three',
    );
  });

  test('two <br> in a row make a paragraph break', () => {
    expect(htmlToText('one<br/>\n    <br/>two')).toBe('one\n\ntwo');
  });

  test('ordered and unordered lists become "1. " and "- " lines', () => {
    expect(htmlToText('<p>Steps:</p><ol> <li>Open</li> <li>Save</li> </ol><ul><li>a</li><li>b</li></ul>')).toBe(
      'Steps:\n\n1. Open\n2. Save\n\n- a\n- b',
    );
  });

  test('links become [text](url); a link whose text is its URL stays plain', () => {
    expect(htmlToText('Follow the <a href="https://x.example/a?b=1&amp;c=2" target="_blank">guideline</a>.')).toBe(
      'Follow the [guideline](https://x.example/a?b=1&c=2).',
    );
    expect(htmlToText('Go to <a href="https://entra.microsoft.com/">https://entra.microsoft.com/</a> now')).toBe(
      'Go to https://entra.microsoft.com/ now',
    );
  });

  test('bold and italic become ** and _ with whitespace moved outside the markers', () => {
    expect(htmlToText('Click <strong>Save </strong>and <em> Close</em>, <b>x</b> <i>y</i>')).toBe('Click **Save** and _Close_, **x** _y_');
  });

  test('touching bold runs are merged so no "****" remains', () => {
    expect(htmlToText('<strong>click Settings</strong><abbr><strong>.</strong></abbr>')).toBe('**click Settings.**');
  });

  test('entities: &nbsp; &rsquo; &amp; &#39; &#x2019; &quot; &gt; &bull;', () => {
    expect(htmlToText('It&rsquo;s&nbsp;A &amp; B &#39;q&#39; &#x2019; &quot;x&quot; a &gt; b &bull; c')).toBe(
      'It\u2019s A & B \'q\' \u2019 "x" a > b \u2022 c',
    );
    expect(decodeEntities('&unknown; &#0;')).toBe('&unknown; &#0;');
  });

  test('a block inside a list item does not split the item from its number', () => {
    expect(htmlToText('<ol><li>a</li><li> <div x="y><label for="z"> "Min" length</label></div> </li></ol>')).toBe('1. a\n2. "Min" length');
  });

  test('a "<" in prose is kept, comments and unknown tags are dropped', () => {
    expect(htmlToText('if a < b <!-- note --> <span style="c">then</span> <u>c</u>')).toBe('if a < b then c');
  });

  test('toPlainInline gives one line without markdown', () => {
    expect(toPlainInline(' Ensure <b>x</b>&nbsp;y\n\t z &amp; &#39;q&#39; ')).toBe("Ensure x y z & 'q'");
    expect(toPlainInline(null)).toBe('');
  });
});

describeWithFixtures('htmlToText on the real remediation texts', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const profiles: any[] = readFixture(H_PROFILES).value;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const byId = (id: string) => profiles.find((p: any) => p.id === id);

  test('no tag, no &nbsp; and no entity survives in any of the 400 heimdall2 remediation texts', () => {
    let converted = 0;
    for (const p of profiles) {
      for (const field of ['remediation', 'remediationImpact'] as const) {
        const text = htmlToText(p[field]);
        expect(text).not.toMatch(/<\/?[a-zA-Z][^>]*>/);
        expect(text).not.toMatch(/&(nbsp|amp|gt|lt|quot|apos|rsquo|lsquo|bull|#\d+);/);
        expect(text).not.toContain('\u00a0');
        expect(text).not.toContain('****');
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\n{3,}/);
        converted++;
      }
    }
    expect(converted).toBe(400);
  });

  test('aad_admin_accounts_separate_unassigned_cloud_only: <br /> steps become lines', () => {
    expect(htmlToText(byId('aad_admin_accounts_separate_unassigned_cloud_only').remediation)).toBe(
      [
        '1. Navigate to Microsoft 365 admin center',
        '2. Click to expand Users select Active users.',
        '3. Sort by the Licenses column.',
        '4. For each user account in an administrative role verify the following:',
        'The account is Cloud only (not synced)',
        'The account is assigned a license that is not associated with applications i.e. (Microsoft Entra ID P1, Microsoft Entra ID P2)',
      ].join('\n'),
    );
  });

  test('aad_custom_banned_passwords: an <ol> of 6 steps and a <ul> of 5 examples become list lines', () => {
    const text = htmlToText(byId('aad_custom_banned_passwords').remediation);
    const lines = text.split('\n');
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([
      '- Brand names',
      '- Product names',
      '- Locations, such as company headquarters',
      '- Company-specific internal terms',
      '- Abbreviations that have specific company meaning',
    ]);
    expect(lines[0]).toBe('Create a custom banned password list:');
    expect(lines).toContain('2. Click to expand _Microsoft Entra ID_ > _Protect & Secure_ > _Authentication methods_');
    expect(text).toContain('**NOTE**: Below is a list of examples');
  });

  test('MDA_Okta_EnhancedPassword: &apos; &quot; &nbsp; decode and the broken <div> markup keeps item 5 whole', () => {
    const text = htmlToText(byId('MDA_Okta_EnhancedPassword').remediation);
    expect(text.split('\n')[0]).toBe("In Okta's dashboard -");
    expect(text).toContain('1. Go to **Security > Authentication** panel.');
    expect(text.endsWith('5. "**Minimum length**" should be equal or above 8 characters.')).toBe(true);
  });

  test('the graph2otel remediationImpact link becomes a markdown link with a decoded URL', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const p = readFixture(G_PROFILES).value.find((x: any) => x.id === '11770.MDA_Google_EnableTwoFactorAuth');
    expect(htmlToText(p.remediationImpact)).toBe('Follow the [guideline](https://support.google.com/a/answer/9176657?fl=1&sjid=9841521343371348963-NA).');
    const steps = htmlToText(p.remediation).split('\n');
    expect(steps).toContain('4. Check _On_ under _Enforcement_.');
    expect(steps).toContain('1. Navigate to _Google admin center_ - [http://admin.google.com/](https://admin.google.com)');
  });

  test('control descriptions with tabbed source indentation and <br/> convert cleanly', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const c = readFixture(H_SCORES).value[0].controlScores.find((x: any) => x.controlName === 'spo_idle_session_timeout');
    expect(htmlToText(c.description)).toBe(
      'Idle session sign-out lets you specify a time at which users are warned and are later signed out of Microsoft 365 after a period of browser inactivity in SharePoint and OneDrive.\n' +
        "This policy is one of several you can use with SharePoint and OneDrive to balance security and user productivity and help keep your data safe, regardless of where users access the data from, what device they're working on, and how secure their network connection is.",
    );
  });
});
