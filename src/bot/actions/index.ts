/**
 * Card verbs about one improvement action. The router (src/bot/actionRouter.ts) dispatches these verbs
 * here after its stale-card check; src/index.ts starts the write-back retry worker.
 */
import { messageCard } from '../../cards/messageCard';
import type { ActionHandler } from '../context';
import { actionDetails, openActionDetails } from './actionDetails';
import { assignOwner } from './assignOwner';
import { saveNote } from './saveNote';
import { setStatus } from './setStatus';

/**
 * The handlers deal with every failure they expect; this catches the rest (the store unreachable, a bug)
 * so a person gets a sentence instead of "Unable to reach app", and the log gets the error.
 */
function safely(verb: string, handler: ActionHandler): ActionHandler {
  return async (data, ctx) => {
    try {
      return await handler(data, ctx);
    } catch (error) {
      ctx.services.log.error('card action failed', { verb, tenantId: ctx.turn.tenantId, error: error as Error });
      return {
        card: messageCard({
          title: 'Sorry, something went wrong on my side',
          text: verb === 'actionDetails'
            ? 'Please try again in a minute.'
            : 'Please open the action again in a minute to check whether your entry was saved before trying again.',
          style: 'attention',
        }),
      };
    }
  };
}

export const controlActions: Record<'actionDetails' | 'saveNote' | 'setStatus' | 'assignOwner', ActionHandler> = {
  actionDetails: safely('actionDetails', actionDetails),
  saveNote: safely('saveNote', saveNote),
  setStatus: safely('setStatus', setStatus),
  assignOwner: safely('assignOwner', assignOwner),
};

/**
 * The details card sent as a chat message of its own ("tell me about …", a typed choice): its forms carry
 * `posted: true`, so a later save may update that message for everyone.
 */
export const postedActionDetails: ActionHandler = safely('actionDetails', (data, ctx) => openActionDetails(data, ctx, { posted: true }));

export { startWritebackRetries, retryDueWritebacks, type RetryReport } from '../../services/writeback';
