/** Reading expanded cards in tests: what text a reader sees, which buttons exist, which inputs. */
import { displayedText } from '../../src/cards/text';

type Node = Record<string, unknown>;

export function walk(node: unknown, visit: (n: Node, inFallback: boolean) => void, inFallback = false): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, inFallback));
  if (!node || typeof node !== 'object') return;
  const obj = node as Node;
  visit(obj, inFallback);
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'data' && typeof obj.type === 'string' && obj.type.startsWith('Action.')) continue;
    walk(v, visit, inFallback || k === 'fallback');
  }
}

/** Every piece of text as the reader sees it (markdown escapes undone for markdown slots). */
export function shownTexts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(displayedText(n.text, true));
    if (n.type === 'TextRun' && typeof n.text === 'string') out.push(displayedText(n.text, false));
    if (n.type === 'FactSet' && Array.isArray(n.facts)) {
      for (const f of n.facts as Node[]) out.push(`${displayedText(String(f.title), true)}: ${displayedText(String(f.value), true)}`);
    }
  });
  return out;
}

/** All text joined, for "contains" checks. */
export function shownText(card: unknown): string {
  return shownTexts(card).join('\n');
}

/** Buttons a user can press (fallback copies excluded). */
export function buttons(card: unknown): Node[] {
  const out: Node[] = [];
  walk(card, (n, inFallback) => {
    if (!inFallback && typeof n.type === 'string' && ['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard'].includes(n.type)) out.push(n);
  });
  return out;
}

export function buttonData(card: unknown): Node[] {
  return buttons(card)
    .filter((b) => b.type === 'Action.Execute' || b.type === 'Action.Submit')
    .map((b) => b.data as Node);
}

export function inputs(card: unknown): Node[] {
  const out: Node[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out.push(n);
  });
  return out;
}

export function elementsOfType(card: unknown, type: string): Node[] {
  const out: Node[] = [];
  walk(card, (n) => {
    if (n.type === type) out.push(n);
  });
  return out;
}
