/**
 * The state and owner a details card shows. Two records exist: the profile's latest controlStateUpdate
 * (what the Microsoft portal shows) and the team's own status/owner entries. Graph takes a day or more
 * to reflect a change, write-back may be off or still pending, so the newer of the two wins: a status
 * someone just set in Teams shows at once, and a later change made in the portal is not hidden by it.
 */
import type { ControlState } from '../scoring/model';
import { CONTROL_STATES } from '../scoring/model';
import type { ActionDetail } from '../scoring/results';
import type { Note } from '../storage/store';

/** What Graph holds for an action's latest state update (the write-back compares against this). */
export interface PortalState {
  state: ControlState;
  assignedTo: string | null;
  comment: string | null;
}

export function portalStateOf(detail: ActionDetail): PortalState {
  return { state: detail.state, assignedTo: detail.assignedTo, comment: detail.stateComment };
}

function newerThan(noteAt: string, portalAt: string | null): boolean {
  if (!portalAt) return true;
  const a = Date.parse(noteAt);
  const b = Date.parse(portalAt);
  return Number.isNaN(b) || a >= b;
}

/** `notes` newest first (as the store lists them). */
export function withTeamEntries(detail: ActionDetail, notes: Note[]): ActionDetail {
  let out = detail;
  const status = notes.find((n) => n.kind === 'status' && CONTROL_STATES.includes(n.state as ControlState));
  if (status && newerThan(status.createdAt, detail.stateUpdatedAt)) {
    out = {
      ...out,
      state: status.state as ControlState,
      stateComment: status.text || null,
      stateUpdatedBy: status.authorName || null,
      stateUpdatedAt: status.createdAt,
    };
  }
  const owner = notes.find((n) => n.kind === 'owner');
  if (owner && newerThan(owner.createdAt, detail.stateUpdatedAt)) {
    out = { ...out, assignedTo: owner.assignedTo?.trim() ? owner.assignedTo : null };
  }
  return out;
}
