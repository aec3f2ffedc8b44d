/** The botbuilder sender lives in senderBot.ts (botbuilder imports are kept to src/digest/sender*). */
export { BotSender, toReference, toSendError } from './senderBot';
