import type { EntityManager } from 'typeorm';

import { redactMovedThread } from '../content/redaction.js';
import { rowsOf } from '../database/rows-of.js';
import { tombstoneThread } from '../threads/thread-writes.js';

/**
 * Moving and merging threads, inside the caller's transaction, keeping every counter
 * exact: a collaborative's thread_count counts its live threads, its post_count its
 * live threads plus the live replies in its threads, and a thread's reply_count its
 * live replies. Rows are locked threads first (in id order), then collaboratives.
 */

async function addToCollaborative(
  manager: EntityManager,
  collaborativeId: string,
  threads: number,
  posts: number,
): Promise<void> {
  await manager.query(
    `UPDATE collaboratives SET thread_count = thread_count + $2, post_count = post_count + $3 WHERE id = $1`,
    [collaborativeId, threads, posts],
  );
}

/** False when the thread is no longer live in `from`. */
export async function moveThread(manager: EntityManager, threadId: string, from: string, to: string): Promise<boolean> {
  const [thread] = await rowsOf<{ reply_count: number; last_activity_at: Date }>(
    manager,
    `SELECT reply_count, last_activity_at FROM threads WHERE id = $1 AND collaborative_id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [threadId, from],
  );
  if (!thread) return false;
  await manager.query(`UPDATE threads SET collaborative_id = $2 WHERE id = $1`, [threadId, to]);
  await addToCollaborative(manager, from, -1, -(1 + thread.reply_count));
  await addToCollaborative(manager, to, 1, 1 + thread.reply_count);
  await manager.query(`UPDATE collaboratives SET last_activity_at = GREATEST(last_activity_at, $2) WHERE id = $1`, [
    to,
    thread.last_activity_at,
  ]);
  await storedCopiesFollow(manager, threadId, to);
  return true;
}

/**
 * A thread's words went to collaborative `to`: its stored events go with them, so readers
 * of the old collaborative no longer replay them, and those who may not follow keep no
 * notification carrying them.
 */
async function storedCopiesFollow(manager: EntityManager, threadId: string, to: string): Promise<void> {
  await manager.query(`UPDATE events SET collaborative_id = $2 WHERE thread_id = $1`, [threadId, to]);
  await redactMovedThread(manager, threadId, to);
}

interface Locked {
  id: string;
  collaborative_id: string;
  author_id: string;
  body: string;
  body_html: string;
  excerpt: string;
  mentions: string[];
  created_at: Date;
  last_activity_at: Date;
  reply_seq: number;
  hidden_at: Date | null;
  hidden_by_id: string | null;
  hidden_reason: string | null;
}

/**
 * Merges `sourceId` into `intoId`: the source's opening post becomes a reply at the end of
 * the other thread, then its replies follow in their order, numbered on from the other
 * thread's last position; followers carry over; the source becomes a tombstone pointing
 * at the other thread. Returns how many posts moved, or null when either is no longer live.
 */
export async function mergeThreads(
  manager: EntityManager,
  sourceId: string,
  intoId: string,
  actorId: string,
): Promise<number | null> {
  const rows = await rowsOf<Locked>(
    manager,
    `SELECT id, collaborative_id, author_id, body, body_html, excerpt, mentions, created_at, last_activity_at, reply_seq, hidden_at, hidden_by_id, hidden_reason
       FROM threads WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id FOR UPDATE`,
    [[sourceId, intoId]],
  );
  const source = rows.find((row) => row.id === sourceId);
  const into = rows.find((row) => row.id === intoId);
  if (!source || !into) return null;

  const opening = into.reply_seq + 1;
  await manager.query(
    `INSERT INTO replies (thread_id, position, author_id, body, body_html, excerpt, mentions, created_at, hidden_at, hidden_by_id, hidden_reason)
     VALUES ($1, $2, $3, $4, $5, $10, $11, $6, $7, $8, $9)`,
    [
      intoId,
      opening,
      source.author_id,
      source.body,
      source.body_html,
      source.created_at,
      source.hidden_at,
      source.hidden_by_id,
      source.hidden_reason,
      source.excerpt,
      source.mentions,
    ],
  );
  const moved = await rowsOf<{ live: boolean }>(
    manager,
    `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY position) AS n FROM replies WHERE thread_id = $1)
     UPDATE replies r SET thread_id = $2, position = $3 + numbered.n FROM numbered WHERE r.id = numbered.id
     RETURNING r.deleted_at IS NULL AS live`,
    [sourceId, intoId, opening],
  );
  const live = moved.filter((row) => row.live).length;
  await manager.query(
    `UPDATE threads SET reply_seq = $2, reply_count = reply_count + $3, last_activity_at = GREATEST(last_activity_at, $4) WHERE id = $1`,
    [intoId, opening + moved.length, live + 1, source.last_activity_at],
  );
  await manager.query(
    `UPDATE threads SET reply_count = 0, accepted_reply_id = NULL, merged_into_id = $2 WHERE id = $1`,
    [sourceId, intoId],
  );
  await manager.query(
    `INSERT INTO thread_follows (thread_id, user_id) SELECT $2, user_id FROM thread_follows WHERE thread_id = $1 ON CONFLICT DO NOTHING`,
    [sourceId, intoId],
  );
  // The tombstone takes the source's thread and post off its collaborative; the opening post
  // is counted again as a reply, and the replies' posts follow them if the thread moved collaborative.
  await tombstoneThread(manager, sourceId, actorId);
  await addToCollaborative(manager, into.collaborative_id, 0, 1 + live);
  await addToCollaborative(manager, source.collaborative_id, 0, -live);
  if (source.collaborative_id !== into.collaborative_id)
    await storedCopiesFollow(manager, sourceId, into.collaborative_id);
  return moved.length + 1;
}
