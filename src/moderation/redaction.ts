import type { EntityManager } from 'typeorm';
import { rowsOf } from '../threads/thread-writes.js';
import type { Target } from './moderation-targets.service.js';

const HIDDEN_TITLE: Record<string, string> = {
  thread: 'Activity in a thread that moderators have hidden',
  reply: 'A reply that moderators have hidden',
  practice: 'Activity on a case study that moderators have hidden',
  comment: 'A comment that moderators have hidden',
};

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
  if (notifications.length === 0) return;
  // The live copy each recipient got (and can replay) carries the same words.
  await manager.query(
    `UPDATE events e SET payload = (e.payload - 'excerpt') || jsonb_build_object('title', n.data->>'title')
       FROM notifications n
      WHERE e.type = 'notification.created' AND e.payload->>'id' = n.id::text AND n.id = ANY($1::uuid[])`,
    [notifications.map((notification) => notification.id)],
  );
}
