/** "What changed this week", "why did our score drop": points gained and lost per control, regressions called out. */
import { changesOverPeriod } from '../../scoring';
import { changesCard } from '../../cards/changesCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { withTenantData } from './tenantData';

export function changesCommand(intent: { days: number; focus: 'changes' | 'drop' }, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const report = changesOverPeriod(data, intent.days, ctx.services.now());
    if (!report) return { text: 'I need at least two days of score history to say what changed, and I have one so far.' };
    const card = changesCard(report);
    if (intent.focus === 'drop' && report.delta >= 0) {
      return { card, text: `Good news: the score did not drop over the last ${intent.days} days (${report.delta >= 0 ? '+' : ''}${report.delta} points).` };
    }
    return { card };
  });
}
