/**
 * Server-side checks of what a person typed on an action-details card. The card's own `isRequired` and
 * `maxLength` are advice to the client only, and in channels Teams sometimes drops input values
 * entirely, so every rule is checked again here. A failed check returns a sentence for the card banner;
 * nothing is stored. The text itself is kept exactly as typed (it is escaped when shown, not here).
 */
import { CONTROL_STATES, type ControlState } from '../scoring/model';
import { NOTE_MAX_LENGTH } from '../cards/actionData';

export { NOTE_MAX_LENGTH };
/** The status form's reason field (the template caps it at 500 as well). */
export const REASON_MAX_LENGTH = 500;
/** Owner names / email addresses (template maxLength; Graph's assignedTo is a short string too). */
export const OWNER_MAX_LENGTH = 200;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Line breaks become \n; C0 control characters other than tab and newline are dropped (PostgreSQL
 * refuses NUL in text and none of them can be typed on purpose). Everything else stays as typed.
 */
export function cleanTypedText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Reads one typed field: absent (the channel dropped it) is told apart from empty. */
function typedField(data: Record<string, unknown>, id: string): string | undefined {
  const value = data[id];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value : undefined;
}

function checkText(raw: string | undefined, what: { name: string; missing: string; max: number }): Checked<string> {
  if (raw === undefined) return { ok: false, message: what.missing };
  const text = cleanTypedText(raw);
  if (text.trim() === '') return { ok: false, message: `The ${what.name} is empty: write something first. Nothing was saved.` };
  if (text.length > what.max) {
    return { ok: false, message: `The ${what.name} is ${text.length} characters long; the limit is ${what.max}. Shorten it and save again. Nothing was saved.` };
  }
  return { ok: true, value: text };
}

const DROPPED = 'Teams did not send the text you typed (this happens in some channels). Please type it again and save. Nothing was saved.';

export function checkNoteText(data: Record<string, unknown>): Checked<string> {
  return checkText(typedField(data, 'noteText'), { name: 'note', missing: DROPPED, max: NOTE_MAX_LENGTH });
}

export function checkStatusChange(data: Record<string, unknown>): Checked<{ state: ControlState; reason: string }> {
  const rawState = typedField(data, 'state');
  if (rawState === undefined) return { ok: false, message: 'Teams did not send the status you picked. Please pick it again and save. Nothing was saved.' };
  const state = CONTROL_STATES.find((s) => s.toLowerCase() === rawState.trim().toLowerCase());
  if (!state) return { ok: false, message: 'Pick one of the statuses in the list (Default, Ignored, Third party, Reviewed). Nothing was saved.' };
  const reason = checkText(typedField(data, 'reason'), { name: 'reason', missing: 'A status change needs a reason, and none arrived. Please type it again. Nothing was saved.', max: REASON_MAX_LENGTH });
  if (!reason.ok) return reason;
  return { ok: true, value: { state, reason: reason.value } };
}

export function checkOwner(data: Record<string, unknown>): Checked<string> {
  const owner = checkText(typedField(data, 'owner'), { name: 'owner', missing: DROPPED, max: OWNER_MAX_LENGTH });
  if (!owner.ok) return owner;
  const oneLine = owner.value.replace(/\s+/g, ' ').trim();
  return { ok: true, value: oneLine };
}

/**
 * Control ids as Graph writes them (letters, digits, _ - . and the odd space); a button whose id does
 * not look like one was not made by this bot, or by a release that used other ids.
 */
export function readControlId(data: Record<string, unknown>): string | null {
  const id = data.controlId;
  if (typeof id !== 'string') return null;
  const trimmed = id.trim();
  if (trimmed === '' || trimmed.length > 200 || /[\u0000-\u001F\u007F/\\?#]/.test(trimmed)) return null;
  return trimmed;
}
