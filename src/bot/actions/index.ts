/**
 * Card verbs about one improvement action. The router (src/bot/actionRouter.ts) dispatches these verbs
 * here after its stale-card check; src/index.ts starts the write-back retry worker.
 */
import type { ActionHandler } from '../context';
import { actionDetails } from './actionDetails';
import { assignOwner } from './assignOwner';
import { saveNote } from './saveNote';
import { setStatus } from './setStatus';

export const controlActions: Record<'actionDetails' | 'saveNote' | 'setStatus' | 'assignOwner', ActionHandler> = {
  actionDetails,
  saveNote,
  setStatus,
  assignOwner,
};

export { startWritebackRetries, retryDueWritebacks, type RetryReport } from '../../services/writeback';
