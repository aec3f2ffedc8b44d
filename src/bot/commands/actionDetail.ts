/**
 * "Tell me about MFA for admins", "details on legacy authentication": find the action by title, id or
 * keywords; when several match, ask which one and remember the question for this user in this
 * conversation, so a bare "2" next answers it.
 */
import { resolveAction } from '../../scoring';
import { choiceCard } from '../../cards/choiceCard';
import { controlActions, postedActionDetails } from '../actions';
import type { CommandContext } from '../context';
import type { Reply } from '../services';
import { loadTenantData } from './tenantData';

/** A pending "which one?" is forgotten after this long: an old number typed later means something else. */
const PENDING_TTL_MS = 30 * 60 * 1000;

export async function actionDetailCommand(intent: { query: string }, ctx: CommandContext): Promise<Reply> {
  const loaded = await loadTenantData(ctx);
  if ('reply' in loaded) return loaded.reply;
  const found = resolveAction(loaded.data, intent.query);
  if (found.kind === 'none') {
    return { text: `I couldn't find an improvement action matching "${intent.query.slice(0, 80)}". Try words from its title, e.g. "tell me about mailbox auditing", or ask for "top actions".` };
  }
  if (found.kind === 'one') {
    ctx.pending.set(undefined);
    return showDetails(found.controlId, ctx);
  }
  ctx.pending.set({
    kind: 'chooseAction',
    controlIds: found.matches.map((m) => m.controlId),
    titles: found.matches.map((m) => m.title),
    askedAt: ctx.services.now().toISOString(),
  });
  return { card: choiceCard(found.matches, { query: intent.query }), text: 'Which one did you mean?' };
}

/** A bare number answering the last "which one?" question. */
export async function choiceCommand(intent: { index: number }, ctx: CommandContext): Promise<Reply> {
  const pending = ctx.pending.get();
  const fresh = pending && ctx.services.now().getTime() - Date.parse(pending.askedAt) < PENDING_TTL_MS;
  if (!pending || !fresh) {
    return { text: `I'm not waiting for a choice right now. Ask me about an action, e.g. "tell me about MFA for admins".` };
  }
  const controlId = pending.controlIds[intent.index - 1];
  if (!controlId) return { text: `Please pick a number from 1 to ${pending.controlIds.length}.` };
  ctx.pending.set(undefined);
  return showDetails(controlId, ctx);
}

/**
 * Posted as a message of its own (chat, Action.Submit), the details card's forms say so, so a later save
 * may update that message. As an invoke answer (a choice button, a suggested question) the card is shown
 * to the clicker only, and the message underneath must stay as it is.
 */
export async function showDetails(controlId: string, ctx: CommandContext): Promise<Reply> {
  const handler = ctx.answersInvoke ? controlActions.actionDetails : postedActionDetails;
  const result = await handler({ controlId }, { ...ctx, updateOriginal: async () => undefined });
  return 'card' in result ? { card: result.card } : { text: result.text };
}
