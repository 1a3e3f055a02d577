import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService, type CollaborativeAccess } from '../collaboratives/access.service.js';
import { NotFoundContent } from '../content/content-errors.js';
import { readRows } from '../database/read-rows.js';
import type { AuthUser } from '../identity/auth-user.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';
import { postRows, replyWithAuthorSql, threadWithAuthorSql, withAuthor } from './with-author.js';

export interface ThreadInContext {
  thread: Thread;
  access: CollaborativeAccess;
}

export interface ReplyInContext extends ThreadInContext {
  reply: Reply;
}

const threadNotFound = () => new NotFoundContent('thread');
const replyNotFound = () => new NotFoundContent('reply');

type Need = 'read' | 'post';

/**
 * Loads a thread or reply and applies AccessService's rule to its collaborative, in one
 * query (the post, its author and the caller's access; these reads sit on every request
 * about a thread). A thread or reply in a collaborative the caller may not read answers
 * exactly like a missing id: the same 404, the same words.
 */
@Injectable()
export class ThreadAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The thread with its author, if the caller may read it. */
  read(user: AuthUser, threadId: string): Promise<ThreadInContext> {
    return this.inContext(user, threadId, 'read');
  }

  /** ... and may post in its collaborative: 409 when archived, 403 when members only. */
  post(user: AuthUser, threadId: string): Promise<ThreadInContext> {
    return this.inContext(user, threadId, 'post');
  }

  /** The reply with its author and thread (the thread without its author), if the caller may read the thread. */
  readReply(user: AuthUser, replyId: string): Promise<ReplyInContext> {
    return this.replyInContext(user, replyId, 'read');
  }

  /** ... and may post in its collaborative. */
  postReply(user: AuthUser, replyId: string): Promise<ReplyInContext> {
    return this.replyInContext(user, replyId, 'post');
  }

  private async inContext(user: AuthUser, threadId: string, need: Need): Promise<ThreadInContext> {
    const rows = postRows(this.dataSource.manager);
    const found = await this.withAccess(user, need, threadId, { ...threadWithAuthorSql(rows), idColumn: 't.id' });
    if (!found) throw threadNotFound();
    const thread = withAuthor(rows.thread.from(found.row)!, rows.author.from(found.row));
    return { thread, access: found.access(threadNotFound) };
  }

  private async replyInContext(user: AuthUser, replyId: string, need: Need): Promise<ReplyInContext> {
    const rows = postRows(this.dataSource.manager);
    const withAuthorSql = replyWithAuthorSql(rows);
    const found = await this.withAccess(user, need, replyId, {
      select: `${withAuthorSql.select}, ${rows.thread.select}`,
      from: `${withAuthorSql.from} LEFT JOIN threads t ON t.id = r.thread_id`,
      idColumn: 'r.id',
    });
    const thread = found && rows.thread.from(found.row);
    if (!thread) throw replyNotFound();
    const reply = withAuthor(rows.reply.from(found.row)!, rows.author.from(found.row));
    reply.thread = thread;
    return { reply, thread, access: found.access(replyNotFound) };
  }

  /**
   * The one row the query finds by id, read together with the caller's access to the
   * collaborative of its thread `t`; `access` applies the rule, answering `notFound`
   * where the collaborative would be hidden.
   */
  private async withAccess(
    user: AuthUser,
    need: Need,
    id: string,
    query: { select: string; from: string; idColumn: string },
  ) {
    const joined = this.access.joinAccess('t.collaborative_id', '$2');
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${query.select}, ${joined.select} FROM ${query.from} ${joined.joins} WHERE ${query.idColumn} = $1`,
      [id, user.id],
    );
    return (
      row && {
        row,
        access: (notFound: () => NotFoundException) =>
          hidden(() => this.access.ensure(joined.from(user, row), need), notFound),
      }
    );
  }
}

/** AccessService names the collaborative in its 404; here the caller asked for a thread or reply. */
function hidden<T>(check: () => T, notFound: () => NotFoundException): T {
  try {
    return check();
  } catch (error) {
    throw error instanceof NotFoundException ? notFound() : error;
  }
}
