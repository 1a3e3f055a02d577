import type { EntityManager } from 'typeorm';
import { readableByMember } from '../collaboratives/read-rule.js';
import { rowsOf } from '../threads/thread-writes.js';
import type { Target } from './moderation-targets.service.js';

const HIDDEN_TITLE: Record<string, string> = {
  thread: 'Activity in a thread that moderators have hidden',
  reply: 'A reply that moderators have hidden',
  practice: 'Activity on a case study that moderators have hidden',
  comment: 'A comment that moderators have hidden',
};

const MOVED_TITLE = 'Activity in a thread that moved to a collaborative you cannot read';

/** Event types whose stored payload is the target's public DTO, matched by the DTO's id. */
const CONTENT_EVENTS: Record<string, string[]> = {
  thread: ['thread.created', 'thread.updated'],
  reply: ['reply.created', 'reply.updated'],
  practice: ['practice.published', 'practice.updated'],
  comment: ['comment.created', 'comment.updated'],
};

/**
 * Hidden or deleted content must not keep reaching readers through what was stored
 * before: the events clients replay, and the notifications (and their own events) that
 * quoted it. Called wherever content is hidden or deleted, by moderators or by its
 * author. Each stored payload becomes `masked` (the public DTO as readers now see
 * it); notifications lose their excerpt, and those whose title quotes a thread or case
 * study title get a neutral one.
 */
export async function redactStoredCopies(manager: EntityManager, target: Pick<Target, 'type' | 'id'>, masked: object): Promise<void> {
  const types = CONTENT_EVENTS[target.type];
  if (!types) return;
  await manager.query(`UPDATE events SET payload = $3::jsonb WHERE type = ANY($1::text[]) AND payload->>'id' = $2`, [types, target.id, JSON.stringify(masked)]);

  const byTitle = target.type === 'thread' ? 'thread_id' : target.type === 'practice' ? 'practice_id' : null;
  const notifications: Array<{ id: string }> = byTitle
    ? await rowsOf<{ id: string }>(manager, `UPDATE notifications n SET data = jsonb_build_object('title', $2::text) WHERE n.${byTitle} = $1 RETURNING n.id`, [
        target.id,
        HIDDEN_TITLE[target.type],
      ])
    : await rowsOf<{ id: string }>(
        manager,
        `UPDATE notifications n SET data = n.data - 'excerpt'
          WHERE n.event_id IN (SELECT e.id FROM events e WHERE e.type = ANY($2::text[]) AND e.payload->>'id' = $1::text) RETURNING n.id`,
        [target.id, types],
      );
  await redactLiveCopies(manager, notifications);
}

/**
 * A thread moved to a collaborative that some it notified may not read: their
 * notifications of it lose its words, as if it were hidden from them. Moderators' notices
 * to its author stay, since they tell the author what happened to it.
 */
export async function redactMovedThread(manager: EntityManager, threadId: string, to: string): Promise<void> {
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

/** The live copy each recipient got of these notifications (and can replay) carries the same words. */
async function redactLiveCopies(manager: EntityManager, notifications: Array<{ id: string }>): Promise<void> {
  if (notifications.length === 0) return;
  await manager.query(
    `UPDATE events e SET payload = (e.payload - 'excerpt') || jsonb_build_object('title', n.data->>'title')
       FROM notifications n
      WHERE e.type = 'notification.created' AND e.payload->>'id' = n.id::text AND n.id = ANY($1::uuid[])`,
    [notifications.map((notification) => notification.id)],
  );
}
