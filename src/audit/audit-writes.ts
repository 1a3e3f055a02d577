import type { EntityManager } from 'typeorm';

import { AuditRecord } from './audit-record.entity.js';

export interface AuditEntry {
  /** Null for what the forum did by itself (hiding at the report threshold). */
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  targetAuthorId?: string | null;
  collaborativeId?: string | null;
  reason?: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Appends one audit record inside the caller's transaction, so the record exists exactly
 * when the action committed. A plain function rather than a service: users, threads and
 * moderation all write here without depending on each other's modules.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.insert(AuditRecord, {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetAuthorId: entry.targetAuthorId ?? null,
    collaborativeId: entry.collaborativeId ?? null,
    reason: entry.reason ?? null,
    before: entry.before as never,
    after: entry.after as never,
  });
}

/** Only the fields whose value differs, as JSON-safe values (dates as ISO text). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
  const keys = Object.keys(after).filter(
    (key) => JSON.stringify(plain(before[key])) !== JSON.stringify(plain(after[key])),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, plain(before[key])])),
    after: Object.fromEntries(keys.map((key) => [key, plain(after[key])])),
  };
}
