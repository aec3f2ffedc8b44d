/** Disambiguation: up to five likely actions as buttons; replying with the number works too. */
import type { ActionMatch } from '../scoring/results';
import { actionData, type CardActionData } from './actionData';
import { markdownText, plainText, truncate } from './text';
import { renderCard, type AdaptiveCard } from './render';

export interface ChoiceCardViewModel {
  hasQuery: boolean;
  queryText: string;
  choices: { numberText: string; title: string; buttonTitle: string; data: CardActionData }[];
  hint: string;
}

export const MAX_CHOICES = 5;

export function buildChoiceCard(matches: ActionMatch[], opts: { query?: string } = {}): ChoiceCardViewModel {
  const shown = matches.slice(0, MAX_CHOICES);
  const query = opts.query?.trim() ?? '';
  return {
    hasQuery: query.length > 0,
    queryText: markdownText(`Several actions match “${truncate(query, 100)}”.`),
    choices: shown.map((m, i) => ({
      numberText: `${i + 1}`,
      title: markdownText(truncate(m.title || m.controlId, 200)),
      // Buttons have little room and no markdown: a short plain label with the number to match the list.
      buttonTitle: plainText(`${i + 1}. ${truncate(m.title || m.controlId, 40)}`),
      data: actionData('chooseAction', { controlId: m.controlId }),
    })),
    hint: shown.length ? `Pick one, or reply with its number (1–${shown.length}).` : 'Nothing matched: try other words, or ask for "top actions".',
  };
}

export function choiceCard(matches: ActionMatch[], opts: { query?: string } = {}): AdaptiveCard {
  return renderCard('choice', buildChoiceCard(matches, opts));
}
