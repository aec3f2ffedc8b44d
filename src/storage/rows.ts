/**
 * Turning database rows (snake_case, dialect-specific types) into the contract's records. Both stores go
 * through these so they return identical shapes: times as canonical ISO strings, ids as numbers, JSON as
 * objects, absent optional columns as null.
 */
import type { ConversationRecord, ConversationType, Delivery, DeliveryKind, DeliveryStatus, Note, NoteKind, Snapshot, Subscription } from './store';

export type Row = Record<string, unknown>;

/** pg returns timestamptz as Date; SQLite holds canonical ISO text already. */
export function timeOut(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function timeOrNullOut(v: unknown): string | null {
  return v === null || v === undefined ? null : timeOut(v);
}

/** pg returns jsonb parsed; SQLite returns the TEXT we stored. */
export function jsonOut(v: unknown): Record<string, unknown> {
  return typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : (v as Record<string, unknown>);
}

function strOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function conversationFromRow(r: Row): ConversationRecord {
  return {
    tenantId: String(r.tenant_id),
    conversationId: String(r.conversation_id),
    serviceUrl: String(r.service_url),
    conversationType: r.conversation_type as ConversationType,
    botId: String(r.bot_id),
    botName: strOrNull(r.bot_name),
    teamId: strOrNull(r.team_id),
    teamName: strOrNull(r.team_name),
    channelName: strOrNull(r.channel_name),
    reference: jsonOut(r.reference),
    installedAt: timeOut(r.installed_at),
    updatedAt: timeOut(r.updated_at),
    failureCount: Number(r.failure_count),
    firstFailureAt: timeOrNullOut(r.first_failure_at),
  };
}

export function subscriptionFromRow(r: Row): Subscription {
  return {
    tenantId: String(r.tenant_id),
    conversationId: String(r.conversation_id),
    dayOfWeek: Number(r.day_of_week),
    hour: Number(r.hour),
    minute: Number(r.minute),
    timeZone: String(r.time_zone),
    createdBy: strOrNull(r.created_by),
    createdAt: timeOut(r.created_at),
    updatedAt: timeOut(r.updated_at),
  };
}

export function noteFromRow(r: Row): Note {
  return {
    id: Number(r.id),
    tenantId: String(r.tenant_id),
    controlId: String(r.control_id),
    kind: r.kind as NoteKind,
    text: String(r.text),
    authorId: String(r.author_id),
    authorName: String(r.author_name),
    state: strOrNull(r.state),
    assignedTo: strOrNull(r.assigned_to),
    activityId: strOrNull(r.activity_id),
    createdAt: timeOut(r.created_at),
    writeback: r.writeback as Note['writeback'],
    writebackAttempts: Number(r.writeback_attempts),
    writebackRetryAt: timeOrNullOut(r.writeback_retry_at),
  };
}

export function snapshotFromRow(r: Row): Snapshot {
  return { tenantId: String(r.tenant_id), date: String(r.date), payload: jsonOut(r.payload) };
}

export function deliveryFromRow(r: Row): Delivery {
  return {
    id: Number(r.id),
    tenantId: String(r.tenant_id),
    conversationId: String(r.conversation_id),
    kind: r.kind as DeliveryKind,
    period: String(r.period),
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    claimedBy: strOrNull(r.claimed_by),
    leaseUntil: timeOrNullOut(r.lease_until),
    retryAt: timeOrNullOut(r.retry_at),
    lastError: strOrNull(r.last_error),
    activityId: strOrNull(r.activity_id),
    createdAt: timeOut(r.created_at),
    updatedAt: timeOut(r.updated_at),
  };
}
