/** What the bot can do, with example questions; a shorter welcome variant for first contact. */
import { actionData } from './actionData';
import { button, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface HelpCardViewModel {
  welcome: boolean;
  inChannel: boolean;
  title: string;
  intro: string;
  welcomeExamples: { text: string }[];
  sections: { heading: string; examples: string[] }[];
  channelText: string;
  buttons: ButtonVm[];
}

export interface HelpCardOptions {
  /** First contact (installation): three example questions instead of the full list. */
  welcome?: boolean;
  /** In a team channel: offer the weekly digest here. */
  inChannel?: boolean;
}

/** The three questions a newcomer is shown; each is also a button that asks it. */
export const WELCOME_QUESTIONS = ["What's our secure score?", 'What are the top 5 actions?', 'What changed this week?'];

const SECTIONS: { heading: string; examples: string[] }[] = [
  { heading: 'Score', examples: ["What's our secure score?", 'Score by category', 'Identity score'] },
  { heading: 'Trend and changes', examples: ['Show the trend for 90 days', 'What changed this week?', 'What changed since 1 Dec?'] },
  { heading: 'Improvement actions', examples: ['Top 5 actions', 'Quick wins', 'Biggest point gains', 'Identity actions with low user impact'] },
  { heading: 'One action', examples: ['Details for admin MFA', 'Assign legacy authentication to alex@contoso.com'] },
  { heading: 'Comparison and targets', examples: ['How do we compare with similar organisations?', 'How do we get to 60%?'] },
  { heading: 'Weekly digest', examples: ['Subscribe', 'Digest settings', 'Unsubscribe'] },
];

export function buildHelpCard(opts: HelpCardOptions = {}): HelpCardViewModel {
  const welcome = opts.welcome === true;
  const inChannel = opts.inChannel === true;
  const buttons: ButtonVm[] = welcome
    ? WELCOME_QUESTIONS.map((q) => button(q, actionData('ask', { text: q })))
    : [
        button('Score', actionData('score', {})),
        button('Top actions', actionData('topActions', { order: 'rank', count: 5 })),
        button('Trend', actionData('trend', { days: 30 })),
      ];
  if (inChannel) buttons.push(button('Subscribe', actionData('subscribe', {})));
  return {
    welcome,
    inChannel,
    title: welcome ? 'Hi, I track your Microsoft Secure Score' : 'What I can do',
    intro: welcome
      ? 'Ask me about the score, what changed and which improvement actions are worth doing next. Open an action to see the steps and record notes for your team.'
      : 'Ask in your own words; these are examples. Numbers come from Microsoft Secure Score, refreshed daily.',
    welcomeExamples: WELCOME_QUESTIONS.map((text) => ({ text })),
    sections: SECTIONS,
    channelText: 'I can post a weekly digest in this channel: score, what changed, and the top actions.',
    buttons,
  };
}

export function helpCard(opts: HelpCardOptions = {}): AdaptiveCard {
  return renderCard('help', buildHelpCard(opts));
}
