/**
 * Where Secure Score data comes from. Implementations return Graph-shaped raw payload items
 * (the `value[]` entries, all pages concatenated); `src/scoring/normalize.ts` makes sense of them.
 */

/** A raw item of GET /security/secureScores `value[]`, exactly as Graph sent it. */
export type RawSecureScore = Record<string, unknown>;
/** A raw item of GET /security/secureScoreControlProfiles `value[]`, exactly as Graph sent it. */
export type RawControlProfile = Record<string, unknown>;

/** The fields the bot may write back (PATCH /security/secureScoreControlProfiles/{id}). */
export interface ControlProfileUpdate {
  state?: 'Default' | 'Ignored' | 'ThirdParty' | 'Reviewed';
  comment?: string;
  assignedTo?: string;
}

export interface ScoreSource {
  /** A short name for logs: "demo", "file", "graph". */
  readonly name: string;
  /**
   * True when every tenant is served the same captured data (the file source without FILE_TENANT_ID,
   * for local use): items then name another tenant than the one asking, and that is expected.
   */
  readonly sharedData?: boolean;
  /** Up to `days` daily scores, newest first. */
  getSecureScores(tenantId: string, days: number): Promise<RawSecureScore[]>;
  /** Every control profile, every page followed. */
  getControlProfiles(tenantId: string): Promise<RawControlProfile[]>;
  /** Present only where write-back is possible (graph). */
  updateControlProfile?(tenantId: string, controlId: string, update: ControlProfileUpdate): Promise<void>;
}

/** A failure talking to the source, with what the user may be told. */
export class ScoreSourceError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ScoreSourceError';
  }
}
