/**
 * What the runner sends, built from a tenant's score data. Kept behind an interface so the runner's
 * delivery logic (claims, limits, retries) does not depend on how cards are made.
 */
import type { DropAlert } from '../scoring/results';
import type { OutgoingMessage } from './messageSender';

export interface DigestComposer {
  /** The weekly digest for a tenant as of `now` (the same for every conversation of the tenant). */
  digest(tenantId: string, now: Date): Promise<OutgoingMessage>;
  /** The newest drop worth an alert, or null. */
  detectDrop(tenantId: string, now: Date): Promise<DropAlert | null>;
  /** The alert for a drop id (rebuilt when a failed alert is retried); null when that drop is no longer known. */
  alert(tenantId: string, dropId: string, now: Date): Promise<OutgoingMessage | null>;
}
