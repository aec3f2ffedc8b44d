/**
 * A separate process working on a real store, driven by the storage tests:
 *   node storeChild.js <sqlite-file | postgres-url> <mode> [args…]
 * Modes:
 *   migrate                print "ready", wait for "go" on stdin, migrate, print "migrated"
 *   notes <tenant>         append notes forever, printing "ack <id> <activityId>" after each commit
 *   race <tenant> <name>   print "ready", wait for "go": then 20 shared-activity notes, 20 own notes and
 *                          20 claims of shared deliveries; prints one JSON summary line
 * The ready/go handshake lets the parent release all children at the same moment, once each has paid
 * its start-up cost, so their work really overlaps.
 * stdout to a pipe is synchronous on Linux, so a printed ack really follows the committed write.
 */
require('./tsRequire');
const path = require('path');
const { SqliteStore } = require(path.join(__dirname, '../../../src/storage/sqliteStore.ts'));
const { PostgresStore } = require(path.join(__dirname, '../../../src/storage/postgresStore.ts'));

const [target, mode, ...args] = process.argv.slice(2);
const open = () => (/^postgres(ql)?:\/\//.test(target) ? new PostgresStore({ connectionString: target, max: 4 }) : new SqliteStore({ file: target }));
function readyThenGo() {
  process.stdout.write('ready\n');
  return new Promise((resolve) => {
    let input = '';
    process.stdin.on('data', (d) => {
      input += d;
      if (input.includes('go\n')) {
        process.stdin.pause();
        resolve();
      }
    });
  });
}

async function main() {
  if (mode === 'migrate') {
    const store = open();
    await readyThenGo();
    await store.migrate();
    process.stdout.write('migrated\n');
    await store.close();
    return;
  }
  const store = open();
  await store.migrate();
  if (mode === 'notes') {
    const tenantId = args[0];
    for (let i = 0; ; i++) {
      const activityId = `${process.pid}-${i}`;
      const { note } = await store.appendNote({
        tenantId, controlId: 'CrashControl', kind: 'note', text: `note ${i}`, authorId: 'child', authorName: 'Child', activityId,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      });
      process.stdout.write(`ack ${note.id} ${activityId}\n`);
    }
  }
  if (mode === 'race') {
    const [tenantId, name] = args;
    await readyThenGo();
    const summary = { name, sharedNew: 0, sharedDup: 0, ownNew: 0, claimsWon: [] };
    for (let i = 0; i < 20; i++) {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 12) + i * 1000).toISOString();
      const shared = await store.appendNote({ tenantId, controlId: `C${i % 3}`, kind: 'note', text: `shared ${i}`, authorId: name, authorName: name, activityId: `shared-${i}`, createdAt });
      summary[shared.duplicate ? 'sharedDup' : 'sharedNew']++;
      const own = await store.appendNote({ tenantId, controlId: `C${i % 3}`, kind: 'note', text: `${name} own ${i}`, authorId: name, authorName: name, activityId: `${name}-${i}`, createdAt });
      if (!own.duplicate) summary.ownNew++;
      const now = new Date().toISOString();
      const won = await store.claimDelivery({ tenantId, conversationId: 'conv', kind: 'digest', period: `P${i}`, owner: name, now, leaseUntil: new Date(Date.now() + 600000).toISOString() });
      if (won) summary.claimsWon.push(`P${i}`);
    }
    process.stdout.write(JSON.stringify(summary) + '\n');
    await store.close();
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
