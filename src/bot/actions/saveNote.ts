/** Save note on the details card: one note, stored once, shown at the top of the refreshed card. */
import { checkNoteText } from '../../services/noteInput';
import type { ActionHandler } from '../context';
import { recordEntry } from './recordEntry';

export const saveNote: ActionHandler = (data, ctx) =>
  recordEntry(data, ctx, (d) => {
    const text = checkNoteText(d);
    return text.ok ? { ok: true, value: { kind: 'note', text: text.value } } : text;
  });
