/** "What should we do next", "top 5 actions", "quick wins", "top identity actions", "low user impact actions". */
import type { ActionQuery } from '../../scoring';
import { listActions } from '../../scoring';
import { actionsCard } from '../../cards/actionsCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { withTenantData } from './tenantData';

export function actionsCommand(intent: Required<Pick<ActionQuery, 'order' | 'count'>> & ActionQuery, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const actions = listActions(data, intent);
    if (actions.length === 0) {
      return { text: intent.category || intent.maxUserImpact || intent.maxImplementationCost
        ? 'No open improvement actions match that. Try "top actions" for the full list.'
        : 'Every improvement action in your score is complete or resolved. Nice work!' };
    }
    return { card: actionsCard(actions, intent) };
  });
}
