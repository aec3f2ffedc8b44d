/** A short titled answer or error ("This card is out of date" with a button for a fresh one). */
import type { CardActionData } from './actionData';
import { button, safeUrl, type BannerStyle, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';
import { markdownText, plainText } from './text';

export interface MessageCardViewModel {
  title: string;
  style: BannerStyle;
  color: string;
  hasText: boolean;
  text: string;
  hasLinks: boolean;
  links: { title: string; url: string }[];
  buttons: ButtonVm[];
}

export interface MessageCardInput {
  title: string;
  text?: string;
  style?: BannerStyle;
  /** Buttons posting back to the bot. */
  actions?: { title: string; data: CardActionData }[];
  /** https links only; others are left out. */
  links?: { title: string; url: string }[];
  /** Set when `text` is our own markdown (bold, lists); otherwise it is shown literally. */
  textIsMarkdown?: boolean;
}

const COLORS: Record<BannerStyle, string> = { good: 'Good', attention: 'Attention', warning: 'Warning', accent: 'Accent', default: 'Default' };

export function buildMessageCard(input: MessageCardInput): MessageCardViewModel {
  const style = input.style ?? 'default';
  const text = input.text ?? '';
  const links = (input.links ?? [])
    .map((l) => ({ title: plainText(l.title), url: safeUrl(l.url) }))
    .filter((l): l is { title: string; url: string } => l.url !== null);
  return {
    title: markdownText(input.title),
    style,
    color: COLORS[style] ?? 'Default',
    hasText: text.length > 0,
    text: input.textIsMarkdown ? plainText(text) : markdownText(text),
    hasLinks: links.length > 0,
    links,
    buttons: (input.actions ?? []).map((a) => button(a.title, a.data)),
  };
}

export function messageCard(input: MessageCardInput): AdaptiveCard {
  return renderCard('message', buildMessageCard(input));
}

/** The answer to a button on a card from an older release (`v` differs) or about data that moved on. */
export function outOfDateCard(fresh: { title: string; data: CardActionData }): AdaptiveCard {
  return messageCard({
    title: 'This card is out of date',
    text: 'It was made from older data or by an older version of the bot. Get a fresh one:',
    style: 'warning',
    actions: [fresh],
  });
}
