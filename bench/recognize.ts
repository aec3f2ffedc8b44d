/**
 * Recognizer benchmark: how long recognize() takes for the messages people send, and for a pasted
 * 10,000-character text (cut to 500 characters before any work). Prints figures; asserts nothing.
 *
 *   npm run build && node dist/bench/recognize.js
 */
import { recognize } from '../src/bot/understanding/recognize';
import { EXAMPLES } from '../src/bot/understanding/examples';

function measure(label: string, texts: string[], rounds: number): void {
  for (const t of texts) recognize(t); // warm up regexes and the JIT
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) recognize(t);
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const calls = rounds * texts.length;
  console.log(`${label.padEnd(34)} ${calls} calls  ${(totalMs / calls).toFixed(4)} ms/call  ${Math.round(calls / (totalMs / 1000))} calls/s`);
}

export function runRecognizeBench(): void {
  console.log('Recognizer (per call)');
  measure('examples (clean phrasings)', EXAMPLES.map((e) => e.text), 500);
  measure('misspelled phrasings', ['scroe', 'secuer score', 'show the histroy', 'recomendations', 'subscirbe every mondya at 9'], 2000);
  measure('action detail questions', ['tell me about block legacy authentication for users', 'what is exo_mailboxaudit'], 5000);
  measure('10,000-character prose paste', ['lorem ipsum dolor sit amet consectetur '.repeat(260)], 300);
  measure('10,000 characters of one word', ['x'.repeat(10_000)], 2000);
}

if (require.main === module) runRecognizeBench();
