/**
 * The body of PATCH /security/secureScoreControlProfiles/{id}, in the exact shape Graph's docs
 * show: only the fields being changed, plus the required vendorInformation.
 */
import { ControlProfileUpdate, ScoreSourceError } from './scoreSource';

const STATES: ReadonlySet<string> = new Set(['Default', 'Ignored', 'ThirdParty', 'Reviewed']);
/** Generous; the portal caps notes well below this and Graph rejects absurd sizes anyway. */
export const MAX_COMMENT_LENGTH = 2000;

export interface ControlProfilePatchBody {
  assignedTo?: string;
  comment?: string;
  state?: ControlProfileUpdate['state'];
  vendorInformation: { provider: 'SecureScore'; providerVersion: null; subProvider: null; vendor: 'Microsoft' };
}

/** Device actions from Defender Vulnerability Management: Graph refuses to update them. */
export function isDeviceControlId(controlId: string): boolean {
  return /^scid_/i.test(controlId);
}

export function validateControlId(controlId: unknown): string {
  if (typeof controlId !== 'string' || controlId.trim() === '' || controlId.length > 256) {
    throw new ScoreSourceError('an improvement action id is required', 400);
  }
  if (isDeviceControlId(controlId)) {
    throw new ScoreSourceError(
      `"${controlId}" is a device improvement action (scid_…): its status cannot be updated through Microsoft Graph; change it in the Microsoft Defender portal`,
      400,
    );
  }
  return controlId;
}

export function buildControlProfilePatch(update: ControlProfileUpdate): ControlProfilePatchBody {
  const body: Partial<ControlProfilePatchBody> = {};
  if (update.assignedTo !== undefined) {
    if (typeof update.assignedTo !== 'string' || update.assignedTo.length > 256) {
      throw new ScoreSourceError('assignedTo must be a short text (an email address or name)', 400);
    }
    body.assignedTo = update.assignedTo;
  }
  if (update.comment !== undefined) {
    if (typeof update.comment !== 'string' || update.comment.length > MAX_COMMENT_LENGTH) {
      throw new ScoreSourceError(`a note must be text of at most ${MAX_COMMENT_LENGTH} characters`, 400);
    }
    body.comment = update.comment;
  }
  if (update.state !== undefined) {
    if (!STATES.has(update.state)) {
      throw new ScoreSourceError('state must be one of Default, Ignored, ThirdParty, Reviewed', 400);
    }
    body.state = update.state;
  }
  if (Object.keys(body).length === 0) {
    // Every PATCH adds to the control's history; an empty one would add noise and change nothing.
    throw new ScoreSourceError('nothing to update: give a state, a comment or an owner', 400);
  }
  body.vendorInformation = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' };
  return body as ControlProfilePatchBody;
}
