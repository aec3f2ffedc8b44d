/** Assign owner: recorded like a note; the owner may then write even when NOTE_EDITORS does not list them. */
import { checkOwner } from '../../services/noteInput';
import type { ActionHandler } from '../context';
import { recordEntry } from './recordEntry';

export const assignOwner: ActionHandler = (data, ctx) =>
  recordEntry(data, ctx, (d) => {
    const owner = checkOwner(d);
    return owner.ok ? { ok: true, value: { kind: 'owner', text: '', assignedTo: owner.value } } : owner;
  });
