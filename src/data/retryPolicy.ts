/**
 * When and how long to wait before asking Graph again. Pure functions: the clock and randomness
 * come in as arguments so tests can check the exact waits.
 */

/** Throttled (429) or temporarily unavailable (503, 504): worth another try. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetrySettings {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** First backoff step when the server gave no Retry-After. */
  baseDelayMs: number;
  /** Cap for computed backoff. */
  maxBackoffMs: number;
  /**
   * Longest Retry-After we are willing to sleep through. A longer one fails fast with the wait in
   * the error, so a chat turn is not held for minutes.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Parses Retry-After: delta-seconds ("1", also "1.5" which some proxies send) or an HTTP date.
 * Returns milliseconds from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries from
 * several requests spread out but never collapse to zero. `attempt` is 1 after the first failure.
 */
export function backoffDelay(attempt: number, settings: RetrySettings, random: () => number): number {
  const step = Math.min(settings.maxBackoffMs, settings.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
