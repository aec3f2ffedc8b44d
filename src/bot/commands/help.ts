/** "help" and the welcome on installation: what the bot understands, with example questions. */
import { helpCard } from '../../cards/helpCard';
import type { Reply, TurnInfo } from '../services';

export function helpReply(turn: TurnInfo): Reply {
  return { card: helpCard({ inChannel: turn.conversationType === 'channel' }) };
}

/** The first message in a new conversation; in a channel it offers the weekly digest. */
export function welcomeReply(turn: TurnInfo): Reply {
  return { card: helpCard({ welcome: true, inChannel: turn.conversationType === 'channel' }) };
}

/** A message that isn't a question the bot knows: a short hint, not silence. */
export function unknownReply(): Reply {
  return {
    text: `Sorry, I didn't get that. Try **what's our score**, **top 5 actions**, **what changed this week** or **help**.`,
  };
}

export function emptyReply(): Reply {
  return { text: `I didn't catch a question there. Ask me **what's our score**, or type **help** to see what I can do.` };
}
