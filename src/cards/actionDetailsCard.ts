/**
 * Everything the security center shows about one improvement action, plus this team's notes and the
 * forms to add a note, change the status and assign an owner. Each form lives in its own ShowCard so the
 * client validates only that form's inputs (a required "reason" must not block saving a note).
 */
import type { ActionDetail } from '../scoring/results';
import type { Note } from '../storage/store';
import { CONTROL_STATES } from '../scoring/model';
import { actionData, type CardActionData, type ListContext } from './actionData';
import { formatDateTime, formatLevel, formatPointsLabel, formatPointsOfMax, formatState, plural } from './format';
import { bannerVm, fact, PORTAL_ACTIONS_URL, safeUrl, type Banner, type BannerVm, type FactVm } from './parts';
import { cardSize, MAX_CARD_SIZE, renderCard, type AdaptiveCard } from './render';
import { markdownText, plainText, trustedMarkdown, truncate } from './text';

export interface NoteVm {
  author: string;
  /** " · 3 Dec 2026, 14:05 UTC", plus " · status → Ignored" / " · owner → …" for those entries. */
  meta: string;
  hasText: boolean;
  text: string;
}

export interface ActionDetailsViewModel extends BannerVm {
  title: string;
  subtitle: string;
  hasDeprecated: boolean;
  hasDescription: boolean;
  description: string;
  facts: FactVm[];
  hasImplementationStatus: boolean;
  implementationStatus: string;
  steps: string;
  stepsTruncated: boolean;
  hasUserImpactText: boolean;
  userImpactText: string;
  complianceText: string;
  portalUrl: string;
  hasActionUrl: boolean;
  actionUrl: string;
  stateLine: string;
  hasStateComment: boolean;
  stateComment: string;
  ownerText: string;
  notesTitle: string;
  hasNotes: boolean;
  notes: NoteVm[];
  hasMoreNotes: boolean;
  moreNotesText: string;
  canWrite: boolean;
  readOnlyText: string;
  stateValue: string;
  stateChoices: { title: string; value: string }[];
  saveNote: CardActionData;
  setStatus: CardActionData;
  assignOwner: CardActionData;
  hasBack: boolean;
  back: CardActionData;
}

export interface ActionDetailsOptions {
  banner?: Banner | null;
  /** False for people who may read but not change (shows the forms only to writers). */
  canWrite: boolean;
  /** Where the card was opened from; enables Back. */
  from?: ListContext | null;
  /** How many of the newest notes to try to show (fewer if the card would be too large). */
  maxNotes?: number;
  /** Characters of remediation to show before cutting with "…". */
  maxStepsChars?: number;
  /** Total notes stored for the action, when known (for "showing 5 of 12"). */
  totalNotes?: number;
  /** The card is sent as a message of its own (not an invoke answer): its forms say so (see actionData). */
  posted?: boolean;
}

const NOTE_TEXT_MAX = 1000;

function noteVm(n: Note): NoteVm {
  let label = '';
  if (n.kind === 'status') label = ` · status → ${formatState(n.state ?? '')}`;
  if (n.kind === 'owner') label = ` · owner → ${n.assignedTo || 'nobody'}`;
  const text = truncate(n.text ?? '', NOTE_TEXT_MAX);
  return {
    author: plainText(n.authorName || 'Someone'),
    meta: plainText(` · ${formatDateTime(n.createdAt)}${label}`),
    hasText: text.length > 0,
    text: plainText(text),
  };
}

function complianceText(detail: ActionDetail): string {
  const parts = detail.compliance
    .filter((c) => c.standard)
    .map((c) => (c.controls.length ? `${c.standard}: ${c.controls.join(', ')}` : c.standard));
  return parts.length ? markdownText(parts.join('\n')) : 'None listed.';
}

function stateLine(detail: ActionDetail): string {
  const state = formatState(detail.state);
  const by = detail.stateUpdatedBy ? ` by ${detail.stateUpdatedBy}` : '';
  const at = detail.stateUpdatedAt ? ` on ${formatDateTime(detail.stateUpdatedAt)}` : '';
  return plainText(by || at ? `${state} — set${by}${at}` : state);
}

export function buildActionDetailsCard(detail: ActionDetail, notes: Note[], opts: ActionDetailsOptions): ActionDetailsViewModel {
  const from = opts.from ?? undefined;
  const maxNotes = opts.maxNotes ?? 5;
  const shownNotes = notes.slice(0, maxNotes);
  const total = Math.max(opts.totalNotes ?? notes.length, notes.length);
  const stepsMax = opts.maxStepsChars ?? 4000;
  const rawSteps = detail.remediation?.trim() || 'Microsoft gives no steps for this action: see the portal.';
  const steps = truncate(rawSteps, stepsMax);
  const actionUrl = safeUrl(detail.actionUrl);
  const controlId = detail.controlId;
  const posted = opts.posted === true ? true : undefined;
  return {
    ...bannerVm(opts.banner),
    title: markdownText(truncate(detail.title || controlId, 300)),
    subtitle: markdownText(`${detail.category} · ${detail.service || 'service unknown'} · ${detail.tier || 'tier unknown'}`),
    hasDeprecated: detail.deprecated === true,
    hasDescription: Boolean(detail.description?.trim()),
    description: trustedMarkdown(truncate(detail.description ?? '', 1500)),
    facts: [
      fact('Points', `${formatPointsOfMax(detail.score, detail.maxScore)} (${formatPointsLabel(detail.pointsAvailable, true)} available)`),
      fact('Category', detail.category),
      fact('Protects against', detail.threats.length ? detail.threats.join(', ') : 'Not listed'),
      fact('Implementation cost', formatLevel(detail.implementationCost)),
      fact('User impact', formatLevel(detail.userImpact)),
      fact('Tier', detail.tier || 'Unknown'),
      fact('Service', detail.service || 'Unknown'),
      fact('Action type', detail.actionType || 'Unknown'),
      fact('Progress', detail.completed ? 'Completed' : detail.inScore ? 'Open' : 'Not in this tenant’s score'),
      fact('Last synced', formatDateTime(detail.lastSynced)),
    ],
    hasImplementationStatus: Boolean(detail.implementationStatus?.trim()),
    implementationStatus: trustedMarkdown(truncate(detail.implementationStatus ?? '', 1500)),
    steps: trustedMarkdown(steps),
    stepsTruncated: steps.length < rawSteps.length,
    hasUserImpactText: Boolean(detail.remediationImpact?.trim()),
    userImpactText: trustedMarkdown(truncate(detail.remediationImpact ?? '', 1500)),
    complianceText: complianceText(detail),
    portalUrl: PORTAL_ACTIONS_URL,
    hasActionUrl: actionUrl !== null,
    actionUrl: actionUrl ?? '',
    stateLine: stateLine(detail),
    hasStateComment: Boolean(detail.stateComment?.trim()),
    stateComment: plainText(detail.stateComment ?? ''),
    ownerText: plainText(detail.assignedTo || 'Nobody assigned'),
    notesTitle: total > 0 ? `Team notes (${plural(total, 'entry', 'entries')})` : 'Team notes',
    hasNotes: shownNotes.length > 0,
    notes: shownNotes.map(noteVm),
    hasMoreNotes: total > shownNotes.length,
    moreNotesText: `Showing the newest ${shownNotes.length} of ${total}.`,
    canWrite: opts.canWrite,
    readOnlyText: 'You can read this action; changing it needs the bot to be allowed to write for your team.',
    stateValue: detail.state,
    stateChoices: CONTROL_STATES.map((s) => ({ title: formatState(s), value: s })),
    saveNote: actionData('saveNote', { controlId, from, posted }),
    setStatus: actionData('setStatus', { controlId, from, posted }),
    assignOwner: actionData('assignOwner', { controlId, from, posted }),
    hasBack: from !== undefined,
    back: actionData('backToList', { from: from ?? { view: 'actions' } }),
  };
}

/**
 * Builds and renders, keeping the card under Teams' size limit: first fewer notes (newest kept), then
 * shorter steps (the portal link stays on the card for the full text).
 */
export function actionDetailsCard(detail: ActionDetail, notes: Note[], opts: ActionDetailsOptions): AdaptiveCard {
  const maxNotes = opts.maxNotes ?? 5;
  const stepLimits = [opts.maxStepsChars ?? 4000, 2000, 800, 300];
  let card: AdaptiveCard | null = null;
  for (const stepsChars of stepLimits) {
    for (let n = Math.min(maxNotes, notes.length); n >= 0; n--) {
      card = renderCard('actionDetails', buildActionDetailsCard(detail, notes, { ...opts, maxNotes: n, maxStepsChars: stepsChars }));
      if (cardSize(card) <= MAX_CARD_SIZE) return card;
    }
  }
  return card as AdaptiveCard;
}
