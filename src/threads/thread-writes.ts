import type { EntityManager } from 'typeorm';

import type { PreparedBody } from '../common/markdown.js';
import { rowsOf } from '../database/rows-of.js';
import { Reply } from './reply.entity.js';
import { Thread, type ThreadKind, TOMBSTONE_TITLE } from './thread.entity.js';
import { replyWithAuthor, threadWithAuthor } from './with-author.js';

/**
 * The writes that move counters, shared by the services and the demo seed so both keep
 * threads' and collaboratives' counters exact. Each runs inside the caller's transaction
 * and locks rows in one order (reply, then thread, then collaborative).
 */

/** Adds to a collaborative's thread and post counts; `activityAt` moves its last activity forward. */
async function countInCollaborative(
  manager: EntityManager,
  collaborativeId: string,
  threads: number,
  posts: number,
  activityAt: Date | null,
) {
  await manager.query(
    `UPDATE collaboratives
        SET thread_count = thread_count + $2, post_count = post_count + $3,
            last_activity_at = GREATEST(last_activity_at, COALESCE($4::timestamptz, last_activity_at))
      WHERE id = $1`,
    [collaborativeId, threads, posts, activityAt],
  );
}

export interface NewThread {
  /** Only the demo seed chooses ids (stable ones); otherwise the database makes one. */
  id?: string;
  collaborativeId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  /** Rendered by the caller before its transaction (`prepareBody`). */
  body: PreparedBody;
  tags: string[];
  /** Only the demo seed backdates; everything else happens now. */
  at?: Date;
}

export async function insertThread(manager: EntityManager, input: NewThread): Promise<Thread> {
  const [row] = await rowsOf<{ id: string; created_at: Date }>(
    manager,
    `INSERT INTO threads (id, collaborative_id, author_id, kind, title, body, body_html, excerpt, mentions, tags, created_at, last_activity_at)
     VALUES (COALESCE($9::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $10, $11, $7, COALESCE($8::timestamptz, now()), COALESCE($8::timestamptz, now()))
     RETURNING id, created_at`,
    [
      input.collaborativeId,
      input.authorId,
      input.kind,
      input.title,
      input.body.markdown,
      input.body.html,
      input.tags,
      input.at ?? null,
      input.id ?? null,
      input.body.excerpt,
      input.body.mentions,
    ],
  );
  await countInCollaborative(manager, input.collaborativeId, 1, 1, row!.created_at);
  return (await threadWithAuthor(manager, row!.id))!;
}

export interface NewReply {
  threadId: string;
  authorId: string;
  /** Rendered by the caller before its transaction: this one holds the thread's row lock. */
  body: PreparedBody;
  quotedReplyId?: string | null;
  at?: Date;
}

/**
 * Numbers the reply under the thread's row lock, so replies of one thread commit in
 * position order and a reader paging by position never skips one. Null when the
 * thread is deleted or locked (checked on the locked row, so no race lets one in).
 */
export async function insertReply(manager: EntityManager, input: NewReply): Promise<Reply | null> {
  const at = input.at ?? null;
  const [thread] = await rowsOf<{ reply_seq: number; collaborative_id: string }>(
    manager,
    `UPDATE threads
        SET reply_seq = reply_seq + 1, reply_count = reply_count + 1,
            last_activity_at = GREATEST(last_activity_at, COALESCE($2::timestamptz, now()))
      WHERE id = $1 AND deleted_at IS NULL AND NOT is_locked AND hidden_at IS NULL
      RETURNING reply_seq, collaborative_id`,
    [input.threadId, at],
  );
  if (!thread) return null;
  const [row] = await rowsOf<{ id: string; created_at: Date }>(
    manager,
    `INSERT INTO replies (thread_id, position, author_id, body, body_html, excerpt, mentions, quoted_reply_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $8, $9, $6, COALESCE($7::timestamptz, now()))
     RETURNING id, created_at`,
    [
      input.threadId,
      thread.reply_seq,
      input.authorId,
      input.body.markdown,
      input.body.html,
      input.quotedReplyId ?? null,
      at,
      input.body.excerpt,
      input.body.mentions,
    ],
  );
  await countInCollaborative(manager, thread.collaborative_id, 0, 1, row!.created_at);
  return (await replyWithAuthor(manager, row!.id))!;
}

/**
 * Replaces a thread's content with a tombstone and forgets its revisions; replies stay.
 * False when it was already deleted (so counters move once).
 */
export async function tombstoneThread(manager: EntityManager, threadId: string, deletedById: string): Promise<boolean> {
  const [thread] = await rowsOf<{ collaborative_id: string }>(
    manager,
    `UPDATE threads SET title = $3, body = '', body_html = '', excerpt = '', mentions = '{}', tags = '{}', deleted_at = now(), deleted_by_id = $2
      WHERE id = $1 AND deleted_at IS NULL
      RETURNING collaborative_id`,
    [threadId, deletedById, TOMBSTONE_TITLE],
  );
  if (!thread) return false;
  await manager.query(`DELETE FROM thread_revisions WHERE thread_id = $1`, [threadId]);
  await countInCollaborative(manager, thread.collaborative_id, -1, -1, null);
  return true;
}

/**
 * Replaces a reply's content with a tombstone and forgets its revisions. An accepted
 * answer that is deleted is no longer accepted. Null when it was already deleted.
 */
export async function tombstoneReply(
  manager: EntityManager,
  replyId: string,
  deletedById: string,
): Promise<{ wasAccepted: boolean } | null> {
  const [reply] = await rowsOf<{ thread_id: string }>(
    manager,
    `UPDATE replies SET body = '', body_html = '', excerpt = '', mentions = '{}', deleted_at = now(), deleted_by_id = $2
      WHERE id = $1 AND deleted_at IS NULL
      RETURNING thread_id`,
    [replyId, deletedById],
  );
  if (!reply) return null;
  await manager.query(`DELETE FROM reply_revisions WHERE reply_id = $1`, [replyId]);
  const [before] = await rowsOf<{ accepted_reply_id: string | null; collaborative_id: string }>(
    manager,
    `SELECT accepted_reply_id, collaborative_id FROM threads WHERE id = $1 FOR NO KEY UPDATE`,
    [reply.thread_id],
  );
  const wasAccepted = before!.accepted_reply_id === replyId;
  await manager.query(
    `UPDATE threads SET reply_count = reply_count - 1, accepted_reply_id = CASE WHEN $2 THEN NULL ELSE accepted_reply_id END WHERE id = $1`,
    [reply.thread_id, wasAccepted],
  );
  await countInCollaborative(manager, before!.collaborative_id, 0, -1, null);
  return { wasAccepted };
}

/** Marks (or with null, unmarks) the accepted answer; only a live reply of the thread can be marked. */
export async function setAcceptedReply(
  manager: EntityManager,
  threadId: string,
  replyId: string | null,
): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(
    manager,
    `UPDATE threads SET accepted_reply_id = $2
      WHERE id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM replies r WHERE r.id = $2 AND r.thread_id = $1 AND r.deleted_at IS NULL))
      RETURNING id`,
    [threadId, replyId],
  );
  return rows.length === 1;
}

export type VoteTarget = 'thread' | 'reply';
const VOTES: Record<VoteTarget, { table: string; votes: string; key: string }> = {
  thread: { table: 'threads', votes: 'thread_votes', key: 'thread_id' },
  reply: { table: 'replies', votes: 'reply_votes', key: 'reply_id' },
};

/**
 * Adds (or withdraws) the person's one vote and moves the counter by exactly what the
 * primary key let through, in one statement: parallel votes can neither double-count
 * nor lose an update. `changed` is false when the vote was already so.
 */
export async function changeVote(
  manager: EntityManager,
  target: VoteTarget,
  id: string,
  userId: string,
  voted: boolean,
): Promise<{ changed: boolean; voteCount: number }> {
  const { table, votes, key } = VOTES[target];
  const write = voted
    ? `INSERT INTO ${votes} (${key}, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`
    : `DELETE FROM ${votes} WHERE ${key} = $1 AND user_id = $2 RETURNING 1`;
  const [moved] = await rowsOf<{ vote_count: number }>(
    manager,
    `WITH changed AS (${write})
     UPDATE ${table} SET vote_count = vote_count ${voted ? '+' : '-'} 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM changed) RETURNING vote_count`,
    [id, userId],
  );
  if (moved) return { changed: true, voteCount: moved.vote_count };
  const [current] = await rowsOf<{ vote_count: number }>(manager, `SELECT vote_count FROM ${table} WHERE id = $1`, [
    id,
  ]);
  return { changed: false, voteCount: current!.vote_count };
}
