import type { EntityManager } from 'typeorm';

import { HIDDEN_NOTICE } from '../content/hidden-notice.js';
import type { EventRow } from '../events/envelope.js';
import type { NotificationDraft, NotificationRules, RuleEvent } from '../notifications/notification-rules.js';
import { type PostText, storedPostText } from '../notifications/post-text.js';

async function threadTitle(
  manager: EntityManager,
  threadId: string,
): Promise<{ title: string; authorId: string | null }> {
  // A hidden thread's title must not travel in notifications about it.
  const [row] = await manager.query(
    `SELECT CASE WHEN hidden_at IS NULL THEN title ELSE $2 END AS title, author_id FROM threads WHERE id = $1`,
    [threadId, HIDDEN_NOTICE],
  );
  return { title: row?.title ?? 'a thread', authorId: row?.author_id ?? null };
}

/**
 * @mentioned people, by the handles stored with the post (as it reads now: an edit made
 * before the worker came to it counts, and a hidden or deleted post mentions nobody).
 */
async function mentions(
  manager: EntityManager,
  event: Pick<EventRow, 'collaborative_id'>,
  text: PostText,
  actorId: string | null,
  title: string,
  threadId: string,
) {
  if (text.mentions.length === 0) return [];
  const users: Array<{ id: string }> = await manager.query(
    `SELECT id FROM users WHERE lower(handle) = ANY($1::text[])`,
    [text.mentions],
  );
  return users.map((user): NotificationDraft => ({
    userId: user.id,
    type: 'mention',
    actorId,
    collaborativeId: event.collaborative_id,
    threadId,
    title,
    excerpt: text.excerpt,
  }));
}

/**
 * Who a reply at position $2 of thread $1 notifies: the asker, everyone who replied before
 * it (by position: the worker may run after later replies exist), and the thread's
 * followers. Exported for the benchmark's baseline, which runs the same SQL.
 */
export const REPLY_RECIPIENTS_SQL = `SELECT author_id AS user_id FROM threads WHERE id = $1 AND author_id IS NOT NULL
  UNION SELECT author_id FROM replies WHERE thread_id = $1 AND position < $2 AND deleted_at IS NULL AND author_id IS NOT NULL
  UNION SELECT user_id FROM thread_follows WHERE thread_id = $1`;

/** Replies notify those `REPLY_RECIPIENTS_SQL` finds, and anyone they mention. */
async function onReply(event: RuleEvent<'reply.created'>, manager: EntityManager): Promise<NotificationDraft[]> {
  const reply = event.payload;
  const actorId = reply.author?.id ?? null;
  const thread = await threadTitle(manager, reply.threadId);
  const text = await storedPostText(manager, 'replies', reply.id);
  const people: Array<{ user_id: string }> = await manager.query(REPLY_RECIPIENTS_SQL, [
    reply.threadId,
    reply.position,
  ]);
  const base = {
    actorId,
    collaborativeId: event.collaborative_id,
    threadId: reply.threadId,
    excerpt: text.excerpt,
  };
  return [
    ...(await mentions(
      manager,
      event,
      text,
      actorId,
      `${reply.author?.displayName ?? 'Someone'} mentioned you in "${thread.title}"`,
      reply.threadId,
    )),
    ...people.map((person): NotificationDraft => ({
      ...base,
      userId: person.user_id,
      type: 'reply',
      title: `${reply.author?.displayName ?? 'Someone'} replied to "${thread.title}"`,
    })),
  ];
}

/** A new thread notifies followers of its collaborative, as their follow level says. */
async function onThread(event: RuleEvent<'thread.created'>, manager: EntityManager): Promise<NotificationDraft[]> {
  const thread = event.payload;
  const actorId = thread.author?.id ?? null;
  const levels = thread.kind === 'question' ? ['all', 'questions-and-practices'] : ['all'];
  // Where the thread is now (its events move with it), not where the payload says it started.
  const collaborativeId = event.collaborative_id;
  const followers: Array<{ user_id: string }> = await manager.query(
    `SELECT user_id FROM collaborative_follows WHERE collaborative_id = $1 AND level::text = ANY($2::text[])`,
    [collaborativeId, levels],
  );
  const name = thread.author?.displayName ?? 'Someone';
  const text = await storedPostText(manager, 'threads', thread.id);
  return [
    ...(await mentions(manager, event, text, actorId, `${name} mentioned you in "${thread.title}"`, thread.id)),
    ...followers.map((follower): NotificationDraft => ({
      userId: follower.user_id,
      type: 'new-thread',
      actorId,
      collaborativeId,
      threadId: thread.id,
      title: `${name} ${thread.kind === 'question' ? 'asked' : 'started'} "${thread.title}"`,
      excerpt: text.excerpt,
    })),
  ];
}

/** An accepted answer notifies the person who wrote it. */
async function onAccepted(
  event: RuleEvent<'thread.answer-accepted'>,
  manager: EntityManager,
): Promise<NotificationDraft[]> {
  const { threadId, acceptedReplyId } = event.payload;
  if (!acceptedReplyId) return [];
  const [reply] = await manager.query(`SELECT author_id FROM replies WHERE id = $1 AND deleted_at IS NULL`, [
    acceptedReplyId,
  ]);
  if (!reply?.author_id) return [];
  const thread = await threadTitle(manager, threadId);
  return [
    {
      userId: reply.author_id,
      type: 'answer-accepted',
      actorId: thread.authorId,
      collaborativeId: event.collaborative_id,
      threadId,
      title: `Your reply was accepted as the answer to "${thread.title}"`,
    },
  ];
}

export function registerThreadNotifications(rules: NotificationRules): void {
  rules.register('reply.created', onReply);
  rules.register('thread.created', onThread);
  rules.register('thread.answer-accepted', onAccepted);
}
