/**
 * Checks an incoming request body before the adapter sees it. CloudAdapter parses the body with a
 * schema and answers 500 with the parser's message when it does not fit; a malformed activity is the
 * sender's mistake, so it gets a 400 with a plain reason instead.
 */
export type GuardResult = { ok: true } | { ok: false; reason: string };

const MAX_TEXT = 100_000;

export function checkActivity(body: unknown): GuardResult {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'the body must be a JSON activity object' };
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.trim() === '') return { ok: false, reason: 'activity.type is missing' };
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//i.test(a.serviceUrl)) return { ok: false, reason: 'activity.serviceUrl is missing or not a URL' };
  if (!isObject(a.conversation) || typeof a.conversation.id !== 'string' || a.conversation.id === '') {
    return { ok: false, reason: 'activity.conversation.id is missing' };
  }
  if (a.from !== undefined && !isObject(a.from)) return { ok: false, reason: 'activity.from must be an object' };
  if (a.recipient !== undefined && !isObject(a.recipient)) return { ok: false, reason: 'activity.recipient must be an object' };
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return { ok: false, reason: 'activity.text must be a string' };
  if (typeof a.text === 'string' && a.text.length > MAX_TEXT) return { ok: false, reason: 'activity.text is too long' };
  if (a.entities !== undefined && a.entities !== null && !Array.isArray(a.entities)) return { ok: false, reason: 'activity.entities must be an array' };
  if (a.channelData !== undefined && a.channelData !== null && !isObject(a.channelData)) return { ok: false, reason: 'activity.channelData must be an object' };
  return { ok: true };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
