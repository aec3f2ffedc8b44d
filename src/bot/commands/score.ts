/** "What's our score": the score card (score/max, percentage, as-of date, categories, comparison, top 3 actions). */
import { summarize } from '../../scoring';
import { scoreCard } from '../../cards/scoreCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { NO_DATA, withTenantData } from './tenantData';

export function scoreCommand(_intent: unknown, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const summary = summarize(data, { topCount: 3 });
    if (!summary) return { text: NO_DATA };
    const pct = summary.total.percent === null ? '' : ` (${summary.total.percent}%)`;
    return { card: scoreCard(summary, { topCount: 3 }), text: `Secure Score: ${summary.total.score} of ${summary.total.max ?? '?'}${pct}` };
  });
}
