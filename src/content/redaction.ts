import type { EntityManager } from 'typeorm';

import { readableByMember } from '../collaboratives/read-rule.js';
import { rowsOf } from '../database/rows-of.js';
import type { Deleted } from '../events/domain-events.js';
import { versioned } from '../events/payload-version.js';
import { NOTIFICATIONS_WORKER_LOCK } from '../notifications/notification-writes.js';
import type { ContentKind, PublicEvent } from './content-kinds.js';

/**
 * Waits for the notifications worker's batch in progress and keeps the next one out until
 * this transaction ends. Without it, a batch that read an event before the redaction
 * commits writes its words into new notifications afterwards. Take it before this
 * transaction appends any event: the worker takes the append lock while holding this one.
 */
async function holdNotificationsWorker(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [NOTIFICATIONS_WORKER_LOCK]);
}

const MOVED_TITLE = 'Activity in a thread that moved to a collaborative you cannot read';

/** Hidden content: stored payloads become `masked`, the public DTO as readers now see it. */
export function redactHidden(
  manager: EntityManager,
  kind: ContentKind,
  id: string,
  masked: PublicEvent['payload'],
): Promise<void> {
  return redactStoredCopies(manager, kind, id, masked, 'hidden');
}

/** Deleted content, by its author or by moderators: stored payloads become `{ id, deleted: true, v: 1 }`. */
export function redactDeleted(manager: EntityManager, kind: ContentKind, id: string): Promise<void> {
  const deleted: Deleted = { id, deleted: true };
  return redactStoredCopies(manager, kind, id, deleted, 'deleted');
}

/**
 * Hidden or deleted content must not keep reaching readers through what was stored
 * before: the events clients replay, and the notifications (and their own events) that
 * quoted it. Each stored payload becomes `masked`; notifications lose their excerpt, and
 * those whose title quotes a thread or case study title get the kind's neutral one.
 */
async function redactStoredCopies(
  manager: EntityManager,
  kind: ContentKind,
  id: string,
  masked: object,
  change: 'hidden' | 'deleted',
): Promise<void> {
  await holdNotificationsWorker(manager);
  await manager.query(
    `UPDATE events SET payload = $3::jsonb WHERE user_id IS NULL AND type = ANY($1::text[]) AND payload->>'id' = $2`,
    [kind.storedEvents, id, JSON.stringify(versioned(masked))],
  );

  const titles = kind.notificationTitles;
  const notifications: Array<{ id: string }> = titles
    ? await rowsOf<{ id: string }>(
        manager,
        // Moderators' notices to the author keep their reason: they say what happened to it.
        `UPDATE notifications n SET data = jsonb_build_object('title', $2::text) WHERE n.${titles.column} = $1 AND n.type <> 'moderation' RETURNING n.id`,
        [id, titles[change]],
      )
    : await rowsOf<{ id: string }>(
        manager,
        `UPDATE notifications n SET data = n.data - 'excerpt'
          WHERE n.event_id IN (SELECT e.id FROM events e WHERE e.user_id IS NULL AND e.type = ANY($2::text[]) AND e.payload->>'id' = $1::text) RETURNING n.id`,
        [id, kind.storedEvents],
      );
  await redactLiveCopies(manager, notifications);
}

/**
 * A thread moved to a collaborative that some it notified may not read: their
 * notifications of it lose its words, as if it were hidden from them. Moderators' notices
 * to its author stay, since they tell the author what happened to it.
 */
export async function redactMovedThread(manager: EntityManager, threadId: string, to: string): Promise<void> {
  await holdNotificationsWorker(manager);
  const notifications = await rowsOf<{ id: string }>(
    manager,
    `UPDATE notifications n SET data = jsonb_build_object('title', $3::text)
       FROM users u
      WHERE n.thread_id = $1 AND n.type <> 'moderation' AND u.id = n.user_id
        AND NOT (u.role IN ('moderator', 'admin') OR ${readableByMember('$2', 'n.user_id')})
     RETURNING n.id`,
    [threadId, to, MOVED_TITLE],
  );
  await redactLiveCopies(manager, notifications);
}

/**
 * The live copy each recipient got of these notifications (and can replay) carries the
 * same words. It was appended in the worker's transaction that wrote the notification,
 * so it has the same person and the same `created_at` (now(), the transaction's start):
 * the person's events of that moment, not all of them, are searched for it.
 */
async function redactLiveCopies(manager: EntityManager, notifications: Array<{ id: string }>): Promise<void> {
  if (notifications.length === 0) return;
  await manager.query(
    `UPDATE events e SET payload = (e.payload - 'excerpt') || jsonb_build_object('title', n.data->>'title')
       FROM notifications n
      WHERE n.id = ANY($1::uuid[]) AND e.user_id = n.user_id AND e.created_at = n.created_at
        AND e.type = 'notification.created' AND e.payload->>'id' = n.id::text`,
    [notifications.map((notification) => notification.id)],
  );
}
