import { ScoreSourceError } from './scoreSource';

/** The message a user of another tenant sees: it says nothing about whose data this source holds. */
export const OTHER_TENANT_MESSAGE = "this bot is not connected to your tenant's Secure Score";

/** Tenant ids are GUIDs; Teams and Graph do not agree on their casing. */
export function sameTenant(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Refuses a request for any tenant but the one this source serves, so one tenant never sees
 * another's data even when a caller passes the wrong id.
 */
export function assertServedTenant(served: string, requested: string): void {
  if (typeof requested !== 'string' || !requested.trim() || !sameTenant(served, requested)) {
    throw new ScoreSourceError(OTHER_TENANT_MESSAGE, 403);
  }
}
