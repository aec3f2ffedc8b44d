/**
 * Pieces several cards share: a button, a banner, an action row. Keeping their view-model shapes in one
 * place means the template fragments that bind them can be the same everywhere.
 */
import type { ActionItem } from '../scoring/results';
import { actionData, type CardActionData, type ListContext } from './actionData';
import { formatLevel, formatPointsLabel } from './format';
import { markdownText, plainText, truncate } from './text';

/** A button. Templates bind it as Action.Execute (verb = data.verb) with an Action.Submit fallback. */
export interface ButtonVm {
  title: string;
  data: CardActionData;
}

export function button(title: string, data: CardActionData): ButtonVm {
  return { title: plainText(title), data };
}

export type BannerStyle = 'good' | 'attention' | 'warning' | 'accent' | 'default';

/** A one-line message on top of a card ("Note saved", "This card is out of date"). */
export interface Banner {
  text: string;
  style: BannerStyle;
}

export interface BannerVm {
  hasBanner: boolean;
  banner: { text: string; style: BannerStyle; color: string };
}

const BANNER_COLOR: Record<BannerStyle, string> = {
  good: 'Good',
  attention: 'Attention',
  warning: 'Warning',
  accent: 'Accent',
  default: 'Default',
};

/** Banner texts may quote user input (a validation error), so they are shown literally. */
export function bannerVm(banner: Banner | null | undefined): BannerVm {
  if (!banner || !banner.text) return { hasBanner: false, banner: { text: '', style: 'default', color: 'Default' } };
  return { hasBanner: true, banner: { text: markdownText(banner.text), style: banner.style, color: BANNER_COLOR[banner.style] ?? 'Default' } };
}

/** Titles from Graph are normally short; a pathological one must not eat the card's size budget. */
export const TITLE_MAX = 160;

/** One improvement action in a list: rank, title, points available, cost, impact, category, Details. */
export interface ActionRowVm {
  rankText: string;
  title: string;
  pointsText: string;
  costText: string;
  impactText: string;
  categoryText: string;
  /** "Cost: Low · User impact: Moderate · Identity" for compact lists. */
  metaText: string;
  details: CardActionData;
}

export function actionRow(item: ActionItem, index: number, from: ListContext, titleMax = TITLE_MAX): ActionRowVm {
  const cost = formatLevel(item.implementationCost);
  const impact = formatLevel(item.userImpact);
  return {
    rankText: `#${index + 1}`,
    title: markdownText(truncate(item.title || item.controlId, titleMax)),
    pointsText: item.maxScore === null && item.pointsAvailable === 0 ? 'points unknown' : formatPointsLabel(item.pointsAvailable, true),
    costText: cost,
    impactText: impact,
    categoryText: item.category,
    metaText: `Cost: ${cost} · User impact: ${impact} · ${item.category}`,
    details: actionData('actionDetails', { controlId: item.controlId, from }),
  };
}

/** Facts are markdown on most renderers: values that could hold user text go through markdownText. */
export interface FactVm {
  title: string;
  value: string;
}

export function fact(title: string, value: string): FactVm {
  return { title, value: markdownText(value) };
}

/** Only https links leave the card: a javascript: or http: url from a payload is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** Microsoft Defender portal, improvement actions tab. */
export const PORTAL_ACTIONS_URL = 'https://security.microsoft.com/securescore?viewid=actions';

/** Text colour for a change: gains green, losses red, nothing neutral. */
export function changeColor(delta: number | null): 'Good' | 'Attention' | 'Default' {
  if (delta === null || !Number.isFinite(delta) || delta === 0) return 'Default';
  return delta > 0 ? 'Good' : 'Attention';
}
