import type { EntityManager } from 'typeorm';

import type { AccessService } from '../collaboratives/access.service.js';

/** The post an event was about, by its type: where its hidden and deleted marks are kept. */
const TABLE_OF_EVENT: Readonly<Record<string, string>> = {
  'reply.created': 'replies',
  'thread.created': 'threads',
  'comment.created': 'practice_comments',
  'practice.published': 'practices',
};

export interface NotificationFacts {
  id: string;
  type: string;
  user_id: string;
  read_at: Date | null;
  thread_id: string | null;
  practice_id: string | null;
  collaborative_id: string | null;
  event_id: string;
}

/** Where the content is now, and what an email about it may quote. */
export interface Reach {
  /** Why nothing may be sent, in words for admins; null when it may. */
  reason: string | null;
  collaborativeId: string | null;
  /** The post's stored excerpt as it reads now. */
  excerpt: string | null;
}

/**
 * Checks, when the grace window ends, that an email about this notification may still go:
 * the post it is about and its thread or case study are neither hidden nor deleted, and the
 * person may still read where they now are (a thread can move to a members-only collaborative).
 */
export async function notificationReach(
  manager: EntityManager,
  access: AccessService,
  facts: NotificationFacts,
): Promise<Reach> {
  const [event]: Array<{ type: string; target_id: string | null }> = await manager.query(
    `SELECT type, payload->>'id' AS target_id FROM events WHERE id = $1`,
    [facts.event_id],
  );
  const table = event && TABLE_OF_EVENT[event.type];
  let excerpt: string | null = null;
  if (table && event.target_id) {
    const quoted = table === 'practices' ? 'NULL::text' : 'excerpt';
    const [post]: Array<{ hidden: boolean; deleted: boolean; excerpt: string | null }> = await manager.query(
      `SELECT hidden_at IS NOT NULL AS hidden, deleted_at IS NOT NULL AS deleted, ${quoted} AS excerpt FROM ${table} WHERE id = $1`,
      [event.target_id],
    );
    if (!post || post.deleted) return { reason: 'The post was deleted', collaborativeId: null, excerpt };
    if (post.hidden) return { reason: 'The post was hidden by moderators', collaborativeId: null, excerpt };
    excerpt = post.excerpt;
  }
  const [parent]: Array<{ hidden: boolean; deleted: boolean; collaborative_id: string | null }> = facts.thread_id
    ? await manager.query(
        `SELECT hidden_at IS NOT NULL AS hidden, deleted_at IS NOT NULL AS deleted, collaborative_id FROM threads WHERE id = $1`,
        [facts.thread_id],
      )
    : facts.practice_id
      ? await manager.query(
          `SELECT hidden_at IS NOT NULL AS hidden, deleted_at IS NOT NULL AS deleted, collaborative_id FROM practices WHERE id = $1`,
          [facts.practice_id],
        )
      : [];
  if ((facts.thread_id || facts.practice_id) && (!parent || parent.deleted))
    return { reason: 'Its thread or case study was deleted', collaborativeId: null, excerpt: null };
  if (parent?.hidden) return { reason: 'Its thread or case study was hidden', collaborativeId: null, excerpt: null };
  const collaborativeId = parent?.collaborative_id ?? facts.collaborative_id;
  const [readable] = await access.mayReadEach(manager, [{ userId: facts.user_id, collaborativeId }]);
  if (!readable) return { reason: 'The person may no longer read it where it is', collaborativeId, excerpt: null };
  return { reason: null, collaborativeId, excerpt };
}
