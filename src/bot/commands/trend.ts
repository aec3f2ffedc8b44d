/** "Trend", "history", "how has our score changed over the last quarter": a line chart with min/max/start/end. */
import { computeTrend } from '../../scoring';
import { trendCard } from '../../cards/trendCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { withTenantData } from './tenantData';

export function trendCommand(intent: { days: number }, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const trend = computeTrend(data.days, intent.days, ctx.services.now());
    if (trend.points.length === 0) return { text: `I have no score history for the last ${intent.days} days yet.` };
    const reply: Reply = { card: trendCard(trend, { periodLabel: periodLabel(intent.days) }) };
    if (trend.points.length < 2) return { ...reply, text: 'Only one day of history so far: the trend fills in as the bot keeps daily snapshots.' };
    return reply;
  });
}

function periodLabel(days: number): string {
  if (days === 7) return 'Last 7 days';
  if (days === 90) return 'Last quarter, 90 days';
  if (days === 365) return 'Last year';
  return `Last ${days} days`;
}
