/**
 * Spawning storeChild.js processes from tests: run-to-completion helpers and a crash helper that
 * SIGKILLs a writer after it has acknowledged a number of writes.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(__dirname, 'storeChild.js');

/**
 * Starts one child per argument list, waits until every one has printed "ready", then tells them all
 * "go" at once. Resolves with each child's stdout lines after "ready"; rejects if any child fails.
 */
export async function runTogether(argLists: string[][]): Promise<string[][]> {
  const children = argLists.map((args) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (markReady = r));
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready\n')) markReady();
    });
    child.stderr.on('data', (d) => (err += d));
    const done = new Promise<string[]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        markReady();
        if (code === 0) resolve(out.split('\n').filter((l) => l && l !== 'ready'));
        else reject(new Error(`child exited ${code}: ${err}`));
      });
    });
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

/** Starts a note writer, SIGKILLs it once `acks` writes are acknowledged; resolves with every acknowledged (id, activityId). */
export function killAfterAcks(target: string, tenantId: string, acks: number): Promise<{ acked: { id: number; activityId: string }[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, target, 'notes', tenantId], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: { id: number; activityId: string }[] = [];
    let buffer = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, id, activityId] = line.split(' ');
        if (word === 'ack') acked.push({ id: Number(id), activityId });
      }
      if (acked.length >= acks && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // A trailing partial line was never a complete ack: ignore it.
      if (signal === 'SIGKILL') resolve({ acked, signal });
      else reject(new Error(`writer ended on its own (code ${code}): ${err}`));
    });
  });
}
