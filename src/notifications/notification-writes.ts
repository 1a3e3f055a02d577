import type { NotificationDraft } from './notification-rules.js';

/*
 * What the notifications worker writes, free of Nest and TypeORM so the benchmark's
 * baseline runs the very same SQL (bench/baseline/notifier.js).
 */

/** The worker's row in `event_cursors`: the last event it has worked out. */
export const NOTIFICATIONS_CURSOR = 'notifications';
/** Held by the one instance writing a batch; the others skip that round. */
export const NOTIFICATIONS_WORKER_LOCK = 0x6e6f7466; // "notf"

/** A notification's stored `data`: its title and, when there is one, an excerpt. */
export const notificationData = (draft: NotificationDraft) => ({
  title: draft.title,
  ...(draft.excerpt ? { excerpt: draft.excerpt } : {}),
});

/**
 * Inserts one notification per draft for event `$7`, skipping any the event already made
 * (a retried batch), and returns what it inserted.
 */
export const INSERT_NOTIFICATIONS_SQL = `INSERT INTO notifications (user_id, type, actor_id, collaborative_id, thread_id, practice_id, event_id, data)
  SELECT d.user_id, d.type, d.actor_id, d.collaborative_id, d.thread_id, d.practice_id, $7::bigint, d.data::jsonb
    FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $8::text[])
         AS d(user_id, type, actor_id, collaborative_id, thread_id, practice_id, data)
  ON CONFLICT DO NOTHING
  RETURNING id, user_id, type, created_at`;

export const insertNotificationsParams = (eventId: string, drafts: readonly NotificationDraft[]): unknown[] => [
  drafts.map((draft) => draft.userId),
  drafts.map((draft) => draft.type),
  drafts.map((draft) => draft.actorId),
  drafts.map((draft) => draft.collaborativeId),
  drafts.map((draft) => draft.threadId ?? null),
  drafts.map((draft) => draft.practiceId ?? null),
  eventId,
  drafts.map((draft) => JSON.stringify(notificationData(draft))),
];
