/**
 * The bot's durable memory: one contract, two implementations (SQLite by default, PostgreSQL when
 * DATABASE_URL is set). Every record carries its tenant id and every read is scoped by tenant, so one
 * tenant can never read another's rows. Times are ISO-8601 UTC strings; dates are yyyy-MM-dd.
 */

export type ConversationType = 'personal' | 'groupChat' | 'channel';

/** Where the bot can post proactively: captured from installationUpdate and every incoming activity. */
export interface ConversationRecord {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  conversationType: ConversationType;
  /** The bot's own channel account id ("28:<appId>") as Teams addressed it. */
  botId: string;
  botName?: string | null;
  teamId?: string | null;
  teamName?: string | null;
  channelName?: string | null;
  /** The full botbuilder ConversationReference, kept as JSON for continueConversationAsync. */
  reference: Record<string, unknown>;
  installedAt: string;
  updatedAt: string;
  /** Delivery failures that may be transient (404): first time seen and count, reset on success. */
  failureCount: number;
  firstFailureAt: string | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  next?: string;
}

/** When a conversation wants its digest: a weekly slot in an IANA time zone. */
export interface Subscription {
  tenantId: string;
  conversationId: string;
  /** 0 = Sunday … 6 = Saturday (as Date.getDay) */
  dayOfWeek: number;
  hour: number;
  minute: number;
  timeZone: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NoteKind = 'note' | 'status' | 'owner';

export interface NewNote {
  tenantId: string;
  controlId: string;
  kind: NoteKind;
  text: string;
  authorId: string;
  authorName: string;
  /** For kind 'status': the new state; for kind 'owner': the new owner. */
  state?: string | null;
  assignedTo?: string | null;
  /** The Teams activity that carried it: the same activity id never stores twice. */
  activityId?: string | null;
  createdAt: string;
}

export interface Note extends NewNote {
  id: number;
  /** Graph write-back: 'none' (not wanted), 'pending', 'done', 'failed' (will retry). */
  writeback: 'none' | 'pending' | 'done' | 'failed';
  writebackAttempts: number;
  writebackRetryAt: string | null;
}

/** One day of score as Graph sent it, kept so history outlives Graph's 90 days. */
export interface Snapshot {
  tenantId: string;
  date: string;
  /** The raw secureScores item (JSON), normalised again on read. */
  payload: Record<string, unknown>;
}

export type DeliveryKind = 'digest' | 'alert';
export type DeliveryStatus = 'claimed' | 'sent' | 'failed' | 'dropped';

export interface Delivery {
  id: number;
  tenantId: string;
  conversationId: string;
  kind: DeliveryKind;
  /** What the delivery is for: e.g. the ISO week '2026-W49' for a digest, a drop id for an alert. */
  period: string;
  status: DeliveryStatus;
  attempts: number;
  /** Who holds the claim (process id) and until when; an expired lease may be taken over. */
  claimedBy: string | null;
  leaseUntil: string | null;
  retryAt: string | null;
  lastError: string | null;
  activityId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Store {
  /** Create the schema / apply pending migrations; safe when two instances start together. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // Conversations (installations)
  upsertConversation(rec: Omit<ConversationRecord, 'installedAt' | 'failureCount' | 'firstFailureAt'> & { installedAt?: string }): Promise<void>;
  getConversation(tenantId: string, conversationId: string): Promise<ConversationRecord | null>;
  removeConversation(tenantId: string, conversationId: string): Promise<boolean>;
  listConversations(tenantId: string, opts?: { limit?: number; cursor?: string }): Promise<Page<ConversationRecord>>;
  /** Record a delivery failure (404) or reset with ok=true; returns the updated record. */
  recordConversationFailure(tenantId: string, conversationId: string, ok: boolean, now: string): Promise<ConversationRecord | null>;
  /** Tenants with at least one conversation: the scheduler walks these one at a time. */
  listTenants(): Promise<string[]>;

  // Digest subscriptions
  upsertSubscription(sub: Omit<Subscription, 'createdAt' | 'updatedAt'> & { now: string }): Promise<Subscription>;
  getSubscription(tenantId: string, conversationId: string): Promise<Subscription | null>;
  removeSubscription(tenantId: string, conversationId: string): Promise<boolean>;
  listSubscriptions(tenantId: string, opts?: { limit?: number; cursor?: string }): Promise<Page<Subscription>>;

  // Notes (append-only)
  /** Stores the note unless the same activityId, or the same author/control/text within dedupeWindowMs, is already stored. */
  appendNote(note: NewNote, opts?: { dedupeWindowMs?: number; writeback?: boolean }): Promise<{ note: Note; duplicate: boolean }>;
  /** Newest first. */
  listNotes(tenantId: string, controlId: string, limit: number): Promise<Note[]>;
  countNotesSince(tenantId: string, since: string): Promise<number>;
  /** Notes whose write-back to Graph is pending or failed and due (retryAt <= now). */
  listWritebacksDue(tenantId: string, now: string, limit: number): Promise<Note[]>;
  markWriteback(tenantId: string, noteId: number, result: { ok: boolean; retryAt?: string | null }): Promise<void>;

  // Daily score snapshots
  /** Inserts days not stored yet, replaces stored ones; returns how many were new. */
  upsertSnapshots(snapshots: Snapshot[]): Promise<number>;
  /** Inclusive date range, newest first. */
  listSnapshots(tenantId: string, fromDate: string, toDate: string): Promise<Snapshot[]>;
  latestSnapshotDate(tenantId: string): Promise<string | null>;

  // Deliveries (exactly once per conversation and period)
  /**
   * Claim (tenant, conversation, kind, period) for `owner` until `leaseUntil`. Returns the delivery when
   * this caller won it: a new row, or an unsent one whose lease expired / retry time came. Returns null
   * when it is already sent, dropped, or held by someone else.
   */
  claimDelivery(args: { tenantId: string; conversationId: string; kind: DeliveryKind; period: string; owner: string; now: string; leaseUntil: string }): Promise<Delivery | null>;
  markDeliverySent(tenantId: string, id: number, activityId: string | null, now: string): Promise<void>;
  markDeliveryFailed(tenantId: string, id: number, error: string, retryAt: string | null, now: string): Promise<void>;
  /** Unsent deliveries that are due again: failed with retryAt <= now, or claimed with an expired lease. */
  listDeliveriesDue(tenantId: string, now: string, limit: number): Promise<Delivery[]>;
  getDelivery(tenantId: string, conversationId: string, kind: DeliveryKind, period: string): Promise<Delivery | null>;

  // botbuilder Storage (dialog/conversation/user state) with eTag optimistic concurrency
  readState(keys: string[]): Promise<Record<string, StateItem>>;
  /** Throws StateConflictError when an item's eTag is set, is not '*', and differs from the stored one. */
  writeState(changes: Record<string, StateItem>): Promise<void>;
  deleteState(keys: string[]): Promise<void>;
}

/** A botbuilder StoreItem: any JSON object with an optional eTag. */
export type StateItem = Record<string, unknown> & { eTag?: string };

/** Raised on a stale state write; the message matches botbuilder's MemoryStorage wording. */
export class StateConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StateConflictError';
  }
}
