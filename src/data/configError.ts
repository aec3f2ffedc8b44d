/**
 * A setting is missing or wrong. Thrown at start-up so the process stops with one clear line
 * (e.g. "SCORE_SOURCE=graph needs GRAPH_CLIENT_SECRET") instead of failing later on a user's request.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
