/** "How do we get to 70%", "what would it take to reach 600 points": the cheapest set of open actions that gets there. */
import { planToTarget } from '../../scoring';
import { targetCard } from '../../cards/targetCard';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { withTenantData } from './tenantData';

export function targetCommand(intent: { points?: number; percent?: number }, ctx: CommandContext): Promise<Reply> {
  return withTenantData(ctx, (data) => {
    const plan = planToTarget(data, intent);
    const asked = intent.percent !== undefined ? `${intent.percent}%` : `${intent.points} points`;
    if (plan.invalidReason === 'aboveMax') {
      return { text: `${asked} is more than the maximum score (${plan.current.max ?? '?'} points). Try a lower target, e.g. "how do we get to 80%".` };
    }
    if (plan.invalidReason === 'notPositive' || plan.invalidReason === 'missing') {
      return { text: 'Tell me a target as points or a percentage, e.g. "how do we get to 70%" or "reach 600 points".' };
    }
    if (plan.alreadyMet) {
      return { text: `You're already there: the score is ${plan.current.score} points${plan.current.percent !== null ? ` (${plan.current.percent}%)` : ''}, at or above ${asked}.` };
    }
    return { card: targetCard(plan) };
  });
}
