/**
 * Real improvement-action titles and ids (from the shared Graph fixtures) asked about with a detail
 * phrase must stay detail requests: the words in titles ("users", "devices", "change", "history")
 * must not be read as commands.
 */
import { describeWithFixtures, readFixture } from '../../helpers/fixtures';
import { recognize } from '../../../src/bot/understanding/recognize';

interface Profile {
  id: string;
  title: string;
}

const FILES = ['securescorecontrolprofiles_heimdall2_page1_200.json', 'securescorecontrolprofiles_graph2otel_page1_5profiles.json'];

describeWithFixtures('recognize: real action titles and ids', () => {
  const profiles = FILES.flatMap((name) => readFixture<{ value: Profile[] }>(name).value);

  test('the fixtures hold the profiles this suite expects', () => {
    expect(profiles).toHaveLength(205);
  });

  test('"what is <id>" gives the id as the query, for every id', () => {
    const wrong = profiles.filter((p) => {
      const intent = recognize(`what is ${p.id}`);
      return !(intent.kind === 'actionDetail' && intent.query === p.id.toLowerCase());
    });
    expect(wrong.map((p) => p.id)).toEqual([]);
  });

  test('"tell me about <title>" is a detail request whose query is made of the title\'s words, for every title', () => {
    const wrong = profiles.filter((p) => {
      const intent = recognize(`tell me about ${p.title}`);
      if (intent.kind !== 'actionDetail') return true;
      const titleWords = new Set(p.title.toLowerCase().replace(/'/g, '').split(/[^a-z0-9_.%]+/).map((w) => w.replace(/\.+$/, '')));
      return !intent.query.split(' ').every((w) => titleWords.has(w)) || intent.query.split(' ').length < 2;
    });
    expect(wrong.map((p) => p.title)).toEqual([]);
  });

  test('a title pasted alone that starts like a remediation is a detail request', () => {
    expect(recognize('Ensure mailbox auditing for all users is Enabled')).toEqual({
      kind: 'actionDetail',
      query: 'ensure mailbox auditing for all users is enabled',
    });
    expect(recognize('Enable session timeout for users')).toEqual({ kind: 'actionDetail', query: 'enable session timeout for users' });
  });
});
