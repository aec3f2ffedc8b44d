/** "How do we compare", "vs similar organisations": all tenants and similar seat count, or a plain "no data". */
import { summarize } from '../../scoring';
import { comparisonCard } from '../../cards/comparisonCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { NO_DATA, withTenantData } from './tenantData';

export function comparisonCommand(_intent: unknown, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const summary = summarize(data);
    if (!summary) return { text: NO_DATA };
    return { card: comparisonCard(summary) };
  });
}
