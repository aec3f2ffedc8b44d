/**
 * The cards the bot sends. Each `xxxCard(...)` builds a typed view model from scoring results and
 * renders adaptiveCards/xxx.json; `buildXxxCard` returns the view model alone (for tests and previews).
 * Button data shapes and the verbs to route on are in actionData.ts.
 */
export { renderCard, cardSize, cardAttachment, MAX_CARD_SIZE, type AdaptiveCard } from './render';
export { cardProblems } from './validate';
export {
  actionData,
  readCardAction,
  CARD_SCHEMA_VERSION,
  INPUT_IDS,
  NOTE_MAX_LENGTH,
  type CardActionData,
  type CardVerb,
  type ListContext,
  type ReadCardAction,
} from './actionData';
export type { Banner, BannerStyle, ButtonVm } from './parts';
export { scoreCard, buildScoreCard, type ScoreCardViewModel, type ScoreCardOptions } from './scoreCard';
export { trendCard, buildTrendCard, type TrendCardViewModel, type TrendCardOptions } from './trendCard';
export { categoriesCard, buildCategoriesCard, type CategoriesCardViewModel, type CategoriesCardOptions } from './categoriesCard';
export { comparisonCard, buildComparisonCard, type ComparisonCardViewModel } from './comparisonCard';
export { actionsCard, buildActionsCard, actionsTitle, type ActionsCardViewModel, type ActionsCardOptions } from './actionsCard';
export { actionDetailsCard, buildActionDetailsCard, type ActionDetailsViewModel, type ActionDetailsOptions } from './actionDetailsCard';
export { changesCard, buildChangesCard, type ChangesCardViewModel, type ChangesCardOptions } from './changesCard';
export { targetCard, buildTargetCard, type TargetCardViewModel } from './targetCard';
export { choiceCard, buildChoiceCard, MAX_CHOICES, type ChoiceCardViewModel } from './choiceCard';
export { helpCard, buildHelpCard, WELCOME_QUESTIONS, type HelpCardViewModel, type HelpCardOptions } from './helpCard';
export { digestCard, buildDigestCard, DIGEST_LEVELS, type DigestInput, type DigestViewModel, type DigestLevel } from './digestCard';
export { dropAlertCard, buildDropAlertCard, type DropAlertViewModel } from './dropAlertCard';
export { subscribeCard, buildSubscribeCard, type SubscribeCardViewModel, type SubscribeCardOptions, type DigestSchedule } from './subscribeCard';
export { messageCard, outOfDateCard, buildMessageCard, type MessageCardViewModel, type MessageCardInput } from './messageCard';
export { plainText, markdownText, displayedText, truncate } from './text';
