/**
 * The rules a card must follow to render in Teams (GUIDE §3), checked on the expanded JSON. Tests run it
 * on every template and builder; the bot may run it before sending, it is cheap.
 */
import { CARD_SCHEMA_VERSION } from './actionData';
import { MAX_CARD_SIZE, cardSize } from './render';

const ACTION_TYPES = new Set(['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility']);

/** Returns every problem found ("" path means the card root); an empty list means the card is fine. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!card || typeof card !== 'object') return ['card is not an object'];
  const root = card as Record<string, unknown>;
  if (root.type !== 'AdaptiveCard') problems.push('top-level type is not AdaptiveCard');
  const version = typeof root.version === 'string' ? Number(root.version) : NaN;
  if (!(version > 0 && version <= 1.5)) problems.push(`top-level version must be ≤ 1.5, got ${String(root.version)}`);
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('unbound ${…} left in the card');
  if (cardSize(card) > MAX_CARD_SIZE) problems.push(`card is ${cardSize(card)} UTF-16 units, over ${MAX_CARD_SIZE}`);
  walk(card, '', problems);
  return problems;
}

function walk(node: unknown, at: string, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${at}[${i}]`, problems));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  const type = typeof obj.type === 'string' ? obj.type : '';
  if (type === 'Media') problems.push(`${at}: Media is not allowed in bot cards`);
  if (type === 'Image' && (typeof obj.url !== 'string' || obj.url === '')) problems.push(`${at}: Image without url`);
  if (type.startsWith('Chart.') && obj.fallback === undefined) problems.push(`${at}: ${type} without fallback`);
  if (type === 'TextBlock' && typeof obj.text !== 'string') problems.push(`${at}: TextBlock text is not a string`);
  if (type === 'TextRun' && typeof obj.text !== 'string') problems.push(`${at}: TextRun text is not a string`);
  if (type === 'Image' && typeof obj.url === 'string' && !/^https:\/\//.test(obj.url) && !obj.url.startsWith('data:')) {
    problems.push(`${at}: Image url is not https`);
  }
  if (ACTION_TYPES.has(type)) checkAction(obj, at, problems);
  for (const [key, value] of Object.entries(obj)) {
    // The data payload is ours, not card elements: its fields may be called "type" or "url" freely.
    if (key === 'data' && ACTION_TYPES.has(type)) continue;
    walk(value, at ? `${at}.${key}` : key, problems);
  }
}

function checkAction(obj: Record<string, unknown>, at: string, problems: string[]): void {
  const type = obj.type as string;
  if (type === 'Action.OpenUrl') {
    if (typeof obj.url !== 'string' || !/^https:\/\//.test(obj.url)) problems.push(`${at}: OpenUrl without an https url`);
    return;
  }
  if (type !== 'Action.Execute' && type !== 'Action.Submit') return;
  const data = obj.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(`${at}: ${type} data is not an object`);
    return;
  }
  const d = data as Record<string, unknown>;
  if (typeof d.verb !== 'string' || d.verb === '') problems.push(`${at}: ${type} data has no verb`);
  if (d.v !== CARD_SCHEMA_VERSION) problems.push(`${at}: ${type} data has no card schema version v`);
  if (type === 'Action.Execute') {
    if (typeof obj.verb !== 'string' || obj.verb === '') problems.push(`${at}: Action.Execute without verb`);
    else if (obj.verb !== d.verb) problems.push(`${at}: Action.Execute verb ${obj.verb} differs from data.verb ${String(d.verb)}`);
    const fb = obj.fallback as Record<string, unknown> | undefined;
    if (!fb || fb.type !== 'Action.Submit') problems.push(`${at}: Action.Execute without an Action.Submit fallback`);
    else if (JSON.stringify(fb.data) !== JSON.stringify(data)) problems.push(`${at}: fallback Submit carries different data`);
  }
}
