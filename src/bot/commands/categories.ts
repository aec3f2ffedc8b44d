/** "Identity score", "how are we on devices", "breakdown by category". */
import type { Category } from '../../scoring';
import { listActions, summarize } from '../../scoring';
import { categoriesCard } from '../../cards/categoriesCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { NO_DATA, withTenantData } from './tenantData';

export function categoriesCommand(intent: { category?: Category }, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const summary = summarize(data);
    if (!summary) return { text: NO_DATA };
    if (!intent.category) return { card: categoriesCard(summary) };
    const actions = listActions(data, { order: 'rank', category: intent.category, count: 5 });
    return { card: categoriesCard(summary, { category: intent.category, actions, count: 5 }) };
  });
}
