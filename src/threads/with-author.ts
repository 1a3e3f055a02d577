import type { EntityManager } from 'typeorm';

import { EntityRows } from '../database/entity-rows.js';
import { readRows } from '../database/read-rows.js';
import { PUBLIC_PROFILE_FIELDS, type PublicUser, User } from '../users/user.entity.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';

/*
 * One query each, in raw SQL mapped by EntityRows: these loads sit on every read of a
 * thread or reply and inside write transactions (while row locks are held), where the
 * query builder's per-query overhead showed in the benchmarks. `manager` may be a
 * transaction's.
 */

/** Mappers for a thread `t`, a reply `r` and an author `a`, as the reads here and the thread lists select them. */
export function postRows(manager: EntityManager) {
  return {
    thread: EntityRows.of(manager.connection, Thread, 't'),
    reply: EntityRows.of(manager.connection, Reply, 'r'),
    author: EntityRows.of(manager.connection, User, 'a', PUBLIC_PROFILE_FIELDS),
  };
}

export type PostRows = ReturnType<typeof postRows>;

/** A thread or reply with its `author` set from the same row (left out when the join found none). */
export function withAuthor<Post extends object>(post: Post, author: PublicUser | null): Post & { author?: PublicUser } {
  const withIt: Post & { author?: PublicUser } = post;
  if (author) withIt.author = author;
  return withIt;
}

/** The one row `sql` (which takes the id as $1) finds, or null. */
async function rowById(manager: EntityManager, sql: string, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await readRows<Record<string, unknown>>(manager, sql, [id]);
  return row ?? null;
}

/** The select list and FROM of a thread `t` with its author `a`, for reads that find it by `t.id` (and may join more). */
export function threadWithAuthorSql(rows: PostRows) {
  return {
    select: `${rows.thread.select}, ${rows.author.select}`,
    from: 'threads t LEFT JOIN users a ON a.id = t.author_id',
  };
}

/** The same for a reply `r` with its author `a`, found by `r.id`. */
export function replyWithAuthorSql(rows: PostRows) {
  return {
    select: `${rows.reply.select}, ${rows.author.select}`,
    from: 'replies r LEFT JOIN users a ON a.id = r.author_id',
  };
}

export async function threadWithAuthor(manager: EntityManager, id: string): Promise<Thread | null> {
  const rows = postRows(manager);
  const { select, from } = threadWithAuthorSql(rows);
  const row = await rowById(manager, `SELECT ${select} FROM ${from} WHERE t.id = $1`, id);
  return row && withAuthor(rows.thread.from(row)!, rows.author.from(row));
}

export async function replyWithAuthor(manager: EntityManager, id: string): Promise<Reply | null> {
  const rows = postRows(manager);
  const { select, from } = replyWithAuthorSql(rows);
  const row = await rowById(manager, `SELECT ${select} FROM ${from} WHERE r.id = $1`, id);
  return row && withAuthor(rows.reply.from(row)!, rows.author.from(row));
}
