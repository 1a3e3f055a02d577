import type { EntityManager } from 'typeorm';

import { EXCERPT_LENGTH } from '../common/markdown.js';
import { wordExcerpt } from '../common/word-excerpt.js';
import type { NotificationDraft, NotificationRules, RuleEvent } from '../notifications/notification-rules.js';
import { storedPostText } from '../notifications/post-text.js';

async function authorsOf(manager: EntityManager, practiceId: string): Promise<{ title: string; ids: string[] }> {
  const rows: Array<{ user_id: string; title: string }> = await manager.query(
    `SELECT p.author_id AS user_id, p.title FROM practices p WHERE p.id = $1
     UNION SELECT c.user_id, p.title FROM practice_coauthors c JOIN practices p ON p.id = c.practice_id WHERE c.practice_id = $1`,
    [practiceId],
  );
  return { title: rows[0]?.title ?? 'a case study', ids: rows.map((row) => row.user_id) };
}

/** A published case study notifies followers of its collaborative (levels all and questions-and-practices). */
async function onPublished(
  event: RuleEvent<'practice.published'>,
  manager: EntityManager,
): Promise<NotificationDraft[]> {
  const practice = event.payload;
  if (!practice.collaborativeId) return [];
  const followers: Array<{ user_id: string }> = await manager.query(
    `SELECT user_id FROM collaborative_follows WHERE collaborative_id = $1 AND level <> 'none'`,
    [practice.collaborativeId],
  );
  return followers.map((follower) => ({
    userId: follower.user_id,
    type: 'new-practice',
    actorId: practice.author?.id ?? null,
    collaborativeId: practice.collaborativeId,
    practiceId: practice.id,
    title: `${practice.author?.displayName ?? 'Someone'} shared "${practice.title}"`,
    excerpt: wordExcerpt(practice.summary, EXCERPT_LENGTH),
  }));
}

/**
 * Comments notify the authors and everyone who commented before this comment: the worker
 * may run after later comments exist, so "before" is the comment's own time, not the
 * worker's.
 */
async function onComment(event: RuleEvent<'comment.created'>, manager: EntityManager): Promise<NotificationDraft[]> {
  const comment = event.payload;
  const { title, ids } = await authorsOf(manager, comment.practiceId);
  const earlier: Array<{ author_id: string }> = await manager.query(
    `SELECT DISTINCT author_id FROM practice_comments
      WHERE practice_id = $1 AND deleted_at IS NULL AND created_at < (SELECT created_at FROM practice_comments WHERE id = $2)`,
    [comment.practiceId, comment.id],
  );
  const people = new Set([...ids, ...earlier.map((row) => row.author_id)]);
  const { excerpt } = await storedPostText(manager, 'practice_comments', comment.id);
  return [...people].map((userId) => ({
    userId,
    type: 'comment',
    actorId: comment.author?.id ?? null,
    collaborativeId: event.collaborative_id,
    practiceId: comment.practiceId,
    title: `${comment.author?.displayName ?? 'Someone'} commented on "${title}"`,
    excerpt,
  }));
}

export function registerPracticeNotifications(rules: NotificationRules): void {
  rules.register('practice.published', onPublished);
  rules.register('comment.created', onComment);
}
