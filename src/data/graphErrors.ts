/**
 * Turns a Graph failure into a ScoreSourceError whose message a Teams user may read. Graph's own
 * error text goes to the log (redacted), never to the user.
 */
import { ScoreSourceError } from './scoreSource';

export type GraphOperation = 'read' | 'update';

export const READ_CONSENT_MESSAGE =
  'the app lacks SecurityEvents.Read.All consent: ask an administrator to grant it in Microsoft Entra ID';
export const WRITE_CONSENT_MESSAGE =
  'the app lacks SecurityEvents.ReadWrite.All consent, so it cannot update improvement actions';

/** User-safe error for an HTTP status. `retryAfterMs` is carried along so the bot can say when to retry. */
export function errorForStatus(
  status: number,
  operation: GraphOperation,
  retryAfterMs: number | undefined,
  controlId?: string,
): ScoreSourceError {
  if (status === 401 || status === 403) {
    return new ScoreSourceError(operation === 'update' ? WRITE_CONSENT_MESSAGE : READ_CONSENT_MESSAGE, status);
  }
  if (status === 404) {
    return new ScoreSourceError(
      operation === 'update' && controlId
        ? `improvement action "${controlId}" was not found in Secure Score`
        : 'Secure Score is not available for this tenant',
      404,
    );
  }
  if (status === 400 || status === 422) {
    return new ScoreSourceError(
      operation === 'update' && controlId
        ? `Microsoft Graph did not accept the update to "${controlId}"`
        : 'Microsoft Graph did not accept the request',
      status,
    );
  }
  if (status === 429) {
    const wait = retryAfterMs !== undefined ? ` in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s` : ' in a few minutes';
    return new ScoreSourceError(`Microsoft Graph is throttling requests; try again${wait}`, 429, retryAfterMs);
  }
  if (status >= 500) {
    return new ScoreSourceError('Microsoft Graph is temporarily unavailable; try again later', status, retryAfterMs);
  }
  return new ScoreSourceError(`Microsoft Graph answered with unexpected status ${status}`, status);
}

/** Pulls Graph's `{error: {code, message}}` out of a body for the log; tolerant of any shape. */
export function describeGraphErrorBody(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : '';
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : '';
    if (code || message) return `${code}${code && message ? ': ' : ''}${message}`.slice(0, 300);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.replace(/\s+/g, ' ').slice(0, 200);
}
