/**
 * Removes the bot's own @mentions from a Teams message so only the command is left.
 *
 * Teams quirks handled here (../shared/GUIDE.md §4): a multi-word bot name arrives as several
 * <at>…</at> tags with the same id ("<at>Secure</at> <at>Score</at>"); a mention entity can lack
 * `text`; ids may or may not carry the "28:" prefix. Mentions of people stay, as plain names.
 */
import { decodeEntities, stripTags } from './html';

const AT_TAG = /<at\b[^>]*>([\s\S]*?)<\/at>/gi;
const LEADING_AT_TAGS = /^(\s*<at\b[^>]*>[\s\S]*?<\/at>)+/i;

interface MentionEntity {
  type?: unknown;
  text?: unknown;
  mentioned?: { id?: unknown; name?: unknown };
}

/** Teams bot ids are "28:<appId>"; some code paths carry the bare app id. Compare them the same way. */
function sameId(a: string, b: string): boolean {
  const bare = (id: string) => id.trim().toLowerCase().replace(/^28:/, '');
  return bare(a) === bare(b);
}

function innerText(tagged: string): string {
  return decodeEntities(tagged.replace(/<\/?at\b[^>]*>/gi, '')).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Texts inside the bot's <at> tags, lower-cased: whole names and, when only a name is known, its words. */
function botMentionNames(entities: unknown[], botId: string): { names: Set<string>; fullNames: string[] } {
  const names = new Set<string>();
  const fullNames: string[] = [];
  for (const raw of entities) {
    if (!raw || typeof raw !== 'object') continue;
    const e = raw as MentionEntity;
    if (typeof e.type !== 'string' || e.type.toLowerCase() !== 'mention') continue;
    const id = e.mentioned?.id;
    if (typeof id !== 'string' || !sameId(id, botId)) continue;
    if (typeof e.text === 'string' && e.text.trim()) names.add(innerText(e.text));
    const name = e.mentioned?.name;
    if (typeof name === 'string' && name.trim()) {
      const whole = innerText(name);
      fullNames.push(whole);
      // Without `text` we cannot know how Teams split the name, so accept each word of it.
      if (typeof e.text !== 'string' || !e.text.trim()) {
        names.add(whole);
        for (const word of whole.split(' ')) names.add(word);
      }
    }
  }
  names.delete('');
  return { names, fullNames };
}

/**
 * The message text without the bot's mentions, HTML tags or entities.
 * When botId is unknown (or no entities came with the message) the leading <at> tags are taken as the
 * bot's: in a channel the bot only receives messages that start by mentioning it.
 */
export function stripBotMentions(text: string, entities: unknown[] | undefined, botId: string | undefined): string {
  if (typeof text !== 'string' || !text) return '';
  const list = Array.isArray(entities) ? entities : [];
  let out = text;
  if (botId && list.length > 0) {
    const { names, fullNames } = botMentionNames(list, botId);
    let removed = false;
    out = out.replace(AT_TAG, (tag: string) => {
      if (!names.has(innerText(tag))) return ` ${tagText(tag)} `;
      removed = true;
      return ' ';
    });
    if (!removed) out = removeLeadingPlainName(out, fullNames);
  } else {
    out = out.replace(LEADING_AT_TAGS, ' ').replace(AT_TAG, (tag: string) => ` ${tagText(tag)} `);
  }
  return decodeEntities(stripTags(out)).replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/** A person's mention keeps their name as written (entities are decoded later with the rest). */
function tagText(tag: string): string {
  return tag.replace(/<\/?at\b[^>]*>/gi, '').trim();
}

/** Some clients send the bot's name without <at> tags at the start of the text (only tried when no tag matched). */
function removeLeadingPlainName(text: string, fullNames: string[]): string {
  const trimmed = text.trimStart();
  for (const name of fullNames) {
    if (name && trimmed.toLowerCase().startsWith(name) && /^(\s|$|[,:])/.test(trimmed.slice(name.length))) {
      return trimmed.slice(name.length).replace(/^[\s,:]+/, '');
    }
  }
  return text;
}
