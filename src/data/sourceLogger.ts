/**
 * The little logging the score sources do (throttling, partial answers, retries).
 * An interface so tests can capture lines and the host can route them to its own logger.
 */
export interface SourceLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** Default: one line on stderr per event. */
export const consoleSourceLogger: SourceLogger = {
  info: (message) => console.info(`[score-source] ${message}`),
  warn: (message) => console.warn(`[score-source] ${message}`),
};

/** Drops everything; for callers that log elsewhere. */
export const silentSourceLogger: SourceLogger = { info: () => undefined, warn: () => undefined };

/**
 * Replaces every occurrence of the given secrets with "***". Applied to any text that came from
 * outside (error descriptions, Warning headers) before it is logged, because identity providers
 * and proxies sometimes echo request parameters back.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  // Bearer tokens never belong in a log line, whoever echoed them.
  return out.replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer ***');
}
