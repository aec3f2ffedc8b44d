/**
 * Who may write notes, change an action's status or assign its owner. Reading is open to everyone in
 * the conversation; writing follows NOTE_EDITORS:
 *
 *  - NOTE_EDITORS empty: everyone in the conversation may write (src/index.ts says so at start-up).
 *  - NOTE_EDITORS set (comma-separated AAD object ids of users or groups): a writer must be
 *      1. one of those user ids (the activity's from.aadObjectId), or
 *      2. the action's assigned owner: the newest of the portal's assignedTo and the team's own owner
 *         entry, matched case-insensitively against the writer's AAD object id or display name (Teams
 *         activities carry no UPN, so an owner written as an email address matches only by object id), or
 *      3. a member of one of the ids that is a group. Only Graph can tell (POST /users/{id}/
 *         checkMemberGroups, needs GroupMember.Read.All), so this works with SCORE_SOURCE=graph; with
 *         other sources group ids match nobody, and the log says so once. A Graph failure denies (the
 *         check fails closed) and is logged; answers are cached for a few minutes per user.
 *
 * Identity always comes from the activity (TurnInfo), never from card data.
 */
import type { BotServices, TurnInfo } from '../bot/services';
import { groupMembershipFromEnv, type GroupMembership } from './groupMembership';

/** BotServices may carry a group check (tests and src/index.ts can set one); otherwise it is built from env. */
export type WriterServices = BotServices & { groupMembership?: GroupMembership | null };

export type WriteReason = 'open' | 'editor' | 'owner' | 'group' | 'notAllowed' | 'noIdentity' | 'checkFailed';

export interface WriteDecision {
  allowed: boolean;
  reason: WriteReason;
}

const CACHE_TTL_MS = 5 * 60 * 1000;

interface PerServices {
  membership: GroupMembership | null | undefined;
  cache: Map<string, { at: number; groups: string[] }>;
  toldNoGroups: boolean;
}

const perServices = new WeakMap<BotServices, PerServices>();

function stateOf(services: WriterServices): PerServices {
  let s = perServices.get(services);
  if (!s) {
    s = { membership: undefined, cache: new Map(), toldNoGroups: false };
    perServices.set(services, s);
  }
  return s;
}

function membershipOf(services: WriterServices): GroupMembership | null {
  if (services.groupMembership !== undefined) return services.groupMembership;
  const s = stateOf(services);
  if (s.membership === undefined) {
    try {
      s.membership = services.source.name === 'graph' ? groupMembershipFromEnv(services.config.env) : null;
    } catch (error) {
      services.log.warn('NOTE_EDITORS: could not set up the Graph group check; group ids will match nobody', { error: (error as Error).message });
      s.membership = null;
    }
  }
  return s.membership;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase());

/** True when `owner` (as typed or as Graph holds it) names the writer. */
export function isOwner(turn: Pick<TurnInfo, 'aadObjectId' | 'userName'>, owner: string | null): boolean {
  if (!owner) return false;
  return same(owner, turn.aadObjectId) || same(owner, turn.userName);
}

export async function mayWrite(services: WriterServices, turn: TurnInfo, owner: string | null): Promise<WriteDecision> {
  const editors = services.config.noteEditors.map((id) => id.trim().toLowerCase()).filter(Boolean);
  if (editors.length === 0) return { allowed: true, reason: 'open' };
  const me = turn.aadObjectId?.trim().toLowerCase() ?? '';
  if (me && editors.includes(me)) return { allowed: true, reason: 'editor' };
  if (isOwner(turn, owner)) return { allowed: true, reason: 'owner' };
  if (!me) return { allowed: false, reason: 'noIdentity' };

  const membership = membershipOf(services);
  const s = stateOf(services);
  if (!membership) {
    if (!s.toldNoGroups) {
      s.toldNoGroups = true;
      services.log.info('NOTE_EDITORS: group ids cannot be checked without SCORE_SOURCE=graph; only listed user ids and action owners may write');
    }
    return { allowed: false, reason: 'notAllowed' };
  }
  const now = services.now().getTime();
  const cached = s.cache.get(me);
  let groups: string[];
  if (cached && now - cached.at < CACHE_TTL_MS) {
    groups = cached.groups;
  } else {
    try {
      groups = await membership.memberGroups(me, editors);
      s.cache.set(me, { at: now, groups });
    } catch (error) {
      services.log.warn('NOTE_EDITORS: the Graph group check failed; refusing the write', { error: (error as Error).message });
      return { allowed: false, reason: 'checkFailed' };
    }
  }
  return groups.some((g) => editors.includes(g.toLowerCase())) ? { allowed: true, reason: 'group' } : { allowed: false, reason: 'notAllowed' };
}

/** The polite sentence for a refused write (the card shows it; nothing was stored). */
export function refusalText(decision: WriteDecision): string {
  if (decision.reason === 'checkFailed') {
    return "Sorry, I couldn't check whether you may change this action (the directory did not answer). Nothing was saved; please try again in a few minutes.";
  }
  if (decision.reason === 'noIdentity') {
    return "Sorry, Teams didn't tell me who you are, so I can't let you change this action. Nothing was saved.";
  }
  return "Sorry, only the people your admin listed as note editors and the action's owner can change it. Nothing was saved — ask your admin if you should be on that list.";
}
