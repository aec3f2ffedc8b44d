/** Change status (Default / Ignored / Third party / Reviewed) with a required reason, recorded like a note. */
import { checkStatusChange } from '../../services/noteInput';
import type { ActionHandler } from '../context';
import { recordEntry } from './recordEntry';

export const setStatus: ActionHandler = (data, ctx) =>
  recordEntry(data, ctx, (d) => {
    const change = checkStatusChange(d);
    return change.ok ? { ok: true, value: { kind: 'status', text: change.value.reason, state: change.value.state } } : change;
  });
