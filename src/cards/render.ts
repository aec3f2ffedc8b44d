/**
 * Binds a typed view model to a template in adaptiveCards/. The data goes in as an object (never pasted
 * into the template text), so nothing in it can become card syntax; templates are parsed once and kept.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ACData from 'adaptivecards-templating';

/** An expanded card as sent to Teams. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

/** Teams rejects a message over ~28 KB (counted in UTF-16 units) with 413: stay under this. */
export const MAX_CARD_SIZE = 28_000;

const TEMPLATE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const cache = new Map<string, ACData.Template>();

/**
 * The template folder sits at the repository root; from src/cards (ts-jest) that is two levels up and
 * from dist/src/cards (compiled) three, so look in both rather than depend on how we were started.
 */
function templateDir(): string {
  const candidates = [path.resolve(__dirname, '..', '..', 'adaptiveCards'), path.resolve(__dirname, '..', '..', '..', 'adaptiveCards')];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`Card templates not found (looked in ${candidates.join(', ')})`);
  return found;
}

function loadTemplate(name: string): ACData.Template {
  const cached = cache.get(name);
  if (cached) return cached;
  if (!TEMPLATE_NAME.test(name)) throw new Error(`Invalid card template name: ${JSON.stringify(name)}`);
  const file = path.join(templateDir(), `${name}.json`);
  const payload = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const template = new ACData.Template(payload);
  cache.set(name, template);
  return template;
}

/** Expands adaptiveCards/<templateName>.json with the view model as `$root`. */
export function renderCard<T extends object>(templateName: string, viewModel: T): AdaptiveCard {
  const expanded = loadTemplate(templateName).expand({ $root: viewModel }) as unknown;
  if (!expanded || typeof expanded !== 'object' || (expanded as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error(`Template ${templateName} did not expand to an AdaptiveCard`);
  }
  // Expansion returns the view model's own objects (e.g. action data) by reference: copy, so a caller
  // editing the card cannot change a view model that is still in use, and undefined fields disappear.
  return JSON.parse(JSON.stringify(expanded)) as AdaptiveCard;
}

/** The size Teams counts: UTF-16 code units of the card's JSON. */
export function cardSize(card: unknown): number {
  return JSON.stringify(card).length;
}

/** Wraps a card as a Bot Framework attachment (no botbuilder import needed for this). */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
