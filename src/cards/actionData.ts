/**
 * The data every card button sends back. The bot routes on `verb`; `v` is the card-schema version, so a
 * card posted by an older release (a digest from last month) can be recognised and answered with "this
 * card is out of date" instead of being misread. Bump CARD_SCHEMA_VERSION when a verb's fields change.
 *
 * Each Execute button carries the same object as its Action.Submit fallback, and the same object arrives
 * as `activity.value.action.data` (Execute) or `activity.value` (Submit, merged with the inputs).
 */
import type { ActionOrder } from '../scoring/results';
import type { Category, Level } from '../scoring/model';

export const CARD_SCHEMA_VERSION = 1;

/**
 * `posted: true` on a details card's save/status/owner buttons: that details card is itself a message in
 * the conversation (sent in answer to a chat question), so the bot may update that message after a
 * change. Without it (opened with Action.Execute from a list, score card or digest) the details card
 * lives only in the clicker's client and the message underneath is the list: it must not be replaced.
 * Optional and absent on older cards, which therefore never update the message (the safe side).
 */

/** Where an action-details card was opened from, so "Back" can rebuild that view. */
export interface ListContext {
  view: 'actions' | 'score' | 'categories' | 'digest' | 'target' | 'changes' | 'dropAlert' | 'choice';
  order?: ActionOrder;
  count?: number;
  category?: Category;
  maxUserImpact?: Level;
  maxImplementationCost?: Level;
}

interface Base<V extends string> {
  verb: V;
  v: number;
}

export type CardActionData =
  | (Base<'actionDetails'> & { controlId: string; from?: ListContext })
  /** Inputs: noteText (≤ 1000 chars). */
  | (Base<'saveNote'> & { controlId: string; from?: ListContext; posted?: boolean })
  /** Inputs: state ∈ Default|Ignored|ThirdParty|Reviewed, reason (required). */
  | (Base<'setStatus'> & { controlId: string; from?: ListContext; posted?: boolean })
  /** Inputs: owner. */
  | (Base<'assignOwner'> & { controlId: string; from?: ListContext; posted?: boolean })
  | (Base<'backToList'> & { from: ListContext })
  | (Base<'topActions'> & { order: ActionOrder; count: number; category?: Category })
  | (Base<'trend'> & { days: number })
  | (Base<'score'>)
  | (Base<'categories'> & { category?: Category })
  | (Base<'comparison'>)
  | (Base<'changes'> & { days: number })
  | (Base<'chooseAction'> & { controlId: string })
  /** A suggested question: treat `text` as if the user had typed it. */
  | (Base<'ask'> & { text: string })
  | (Base<'subscribe'>)
  | (Base<'unsubscribe'>)
  | (Base<'digestSettings'>)
  /** Inputs: day ("0"–"6", 0 = Sunday), time ("HH:mm"), timeZone (IANA name). */
  | (Base<'saveDigestSettings'>);

export type CardVerb = CardActionData['verb'];

/** Builds the data object for a verb; undefined fields are dropped so the JSON stays small and exact. */
export function actionData<V extends CardVerb>(
  verb: V,
  fields: Omit<Extract<CardActionData, { verb: V }>, 'verb' | 'v'>,
): Extract<CardActionData, { verb: V }> {
  const data: Record<string, unknown> = { verb, v: CARD_SCHEMA_VERSION };
  for (const [k, value] of Object.entries(fields as Record<string, unknown>)) {
    if (value !== undefined) data[k] = value && typeof value === 'object' ? compact(value as Record<string, unknown>) : value;
  }
  return data as unknown as Extract<CardActionData, { verb: V }>;
}

function compact(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(obj)) if (value !== undefined) out[k] = value;
  return out;
}

/** Inputs that come back with the card's verbs (ids used in the templates). */
export const INPUT_IDS = {
  noteText: 'noteText',
  state: 'state',
  reason: 'reason',
  owner: 'owner',
  day: 'day',
  time: 'time',
  timeZone: 'timeZone',
} as const;

/** Limits the card states to the client; the bot must check them again (clients only advise). */
export const NOTE_MAX_LENGTH = 1000;

const VERBS_NEEDING_CONTROL = new Set<CardVerb>(['actionDetails', 'saveNote', 'setStatus', 'assignOwner', 'chooseAction']);
const ALL_VERBS = new Set<CardVerb>([
  'actionDetails', 'saveNote', 'setStatus', 'assignOwner', 'backToList', 'topActions', 'trend', 'score', 'categories',
  'comparison', 'changes', 'chooseAction', 'ask', 'subscribe', 'unsubscribe', 'digestSettings', 'saveDigestSettings',
]);

export type ReadCardAction =
  | { kind: 'current'; data: CardActionData }
  /** A verb we know from a card of another schema version: answer "this card is out of date". */
  | { kind: 'stale'; verb: CardVerb; version: unknown }
  /** Not one of our buttons (or tampered with): answer with help, never throw. */
  | { kind: 'invalid'; reason: string };

/**
 * Reads a button's data as it comes back (Execute: activity.value.action.data; Submit: activity.value,
 * where the inputs sit next to the data fields). Card data comes from the client and is checked like
 * any other input; only the routing fields are read here, the inputs are the handler's job.
 */
export function readCardAction(value: unknown): ReadCardAction {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'invalid', reason: 'data is not an object' };
  const d = value as Record<string, unknown>;
  const verb = d.verb;
  if (typeof verb !== 'string' || !ALL_VERBS.has(verb as CardVerb)) return { kind: 'invalid', reason: 'unknown verb' };
  if (d.v !== CARD_SCHEMA_VERSION) return { kind: 'stale', verb: verb as CardVerb, version: d.v };
  if (VERBS_NEEDING_CONTROL.has(verb as CardVerb)) {
    const id = d.controlId;
    if (typeof id !== 'string' || id.trim() === '' || id.length > 200) return { kind: 'invalid', reason: 'missing or bad controlId' };
  }
  if (verb === 'backToList' && (!d.from || typeof d.from !== 'object')) return { kind: 'invalid', reason: 'missing list context' };
  if (verb === 'ask' && (typeof d.text !== 'string' || d.text.length > 500)) return { kind: 'invalid', reason: 'missing question text' };
  return { kind: 'current', data: d as unknown as CardActionData };
}
