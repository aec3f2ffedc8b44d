/**
 * Fetches the tenant's score data for a command, turning a source failure or an empty tenant into a
 * polite sentence instead of an error: commands then only deal with the happy path.
 */
import { ScoreSourceError } from '../../data/scoreSource';
import type { TenantData } from '../../scoring';
import type { CommandContext } from '../context';
import type { Reply } from '../services';

export type DataOrReply = { data: TenantData } | { reply: Reply };

export const NO_DATA =
  "I don't have any Secure Score data for your organization yet. Microsoft calculates it about once a day after the first licences are assigned; ask me again tomorrow.";

export async function loadTenantData(ctx: CommandContext): Promise<DataOrReply> {
  const { services, turn } = ctx;
  try {
    const data = await services.scores.get(turn.tenantId, services.now());
    if (data.days.length === 0) return { reply: { text: NO_DATA } };
    return { data };
  } catch (error) {
    services.log.warn('score source failed', { tenantId: turn.tenantId, error: error as Error });
    // Graph's failures (consent, throttling, other tenant) are worded for users; a 500 is our own set-up
    // (an unreadable capture file, say) whose message names server paths: that stays in the log.
    if (error instanceof ScoreSourceError && error.status !== undefined && error.status !== 500) {
      return { reply: { text: `Sorry, I couldn't read your Secure Score just now: ${error.message}` } };
    }
    return { reply: { text: "Sorry, I couldn't read your Secure Score just now. Please try again in a few minutes." } };
  }
}

/** Runs `build` with the tenant's data, or answers with why there is none. */
export async function withTenantData(ctx: CommandContext, build: (data: TenantData) => Reply | Promise<Reply>): Promise<Reply> {
  const loaded = await loadTenantData(ctx);
  return 'reply' in loaded ? loaded.reply : build(loaded.data);
}
