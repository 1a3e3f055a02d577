import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { type KeyPart, Keyset } from '../database/keyset.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import { THREAD_SUMMARY_FIELDS, type ThreadSummaryDto, toThreadSummary } from './dto/thread.dto.js';
import type { ThreadListQueryDto, ThreadSort } from './dto/thread-list.query.js';
import { Thread } from './thread.entity.js';
import { withAuthor } from './with-author.js';

const ID: KeyPart = { sql: 't.id', kind: 'uuid' };
const ACTIVITY: KeyPart = { sql: 't.last_activity_at', kind: 'timestamp' };
const CREATED: KeyPart = { sql: 't.created_at', kind: 'timestamp' };

/** Each order matches one partial index of the migration (collaborative_id, keys…, id). */
const ORDERS: Record<ThreadSort, Keyset> = {
  activity: new Keyset([{ sql: 't.is_pinned', kind: 'bool' }, ACTIVITY, ID]),
  new: new Keyset([CREATED, ID]),
  top: new Keyset([{ sql: 't.vote_count', kind: 'int' }, ID]),
  unanswered: new Keyset([CREATED, ID]),
};
const FEED = new Keyset([ACTIVITY, ID]);

/** Lists of threads, each a keyset page on an index, with authors joined (one raw query a page). */
@Injectable()
export class ThreadListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async inCollaborative(
    user: AuthUser,
    collaborativeId: string,
    query: ThreadListQueryDto,
  ): Promise<Page<ThreadSummaryDto>> {
    await this.access.requireRead(user, collaborativeId);
    let where = 't.collaborative_id = :collaborativeId';
    // Literal, not a parameter, so the planner can use the partial index for unanswered questions.
    if (query.sort === 'unanswered') where += ` AND t.kind = 'question' AND t.accepted_reply_id IS NULL`;
    if (query.tag) where += ' AND t.tags @> ARRAY[:tag]::text[]';
    return this.page(ORDERS[query.sort], where, { collaborativeId, tag: query.tag }, query, user);
  }

  /** Latest activity across every collaborative the caller follows and may still read. */
  async feed(user: AuthUser, query: PageQueryDto): Promise<Page<ThreadSummaryDto>> {
    const readable = this.access.readableCondition(user, 't.collaborative_id');
    const where = `t.collaborative_id IN (SELECT f.collaborative_id FROM collaborative_follows f WHERE f.user_id = :followerId) AND ${readable.sql}`;
    return this.page(FEED, where, { followerId: user.id, ...readable.params }, query, user);
  }

  /** Live threads matching `where`, with their authors, one keyset page in one query. */
  private async page(
    order: Keyset,
    where: string,
    params: Record<string, unknown>,
    query: PageQueryDto,
    user: AuthUser,
  ): Promise<Page<ThreadSummaryDto>> {
    // Summaries only: no bodies, and of each author only the public profile.
    const threads = EntityRows.of(this.dataSource, Thread, 't', THREAD_SUMMARY_FIELDS);
    const authors = EntityRows.of(this.dataSource, User, 'a', PUBLIC_PROFILE_FIELDS);
    const page = await order.fetchRows(
      this.dataSource,
      {
        select: `${threads.select}, ${authors.select}`,
        from: 'threads t JOIN users a ON a.id = t.author_id',
        where: `t.deleted_at IS NULL AND ${where}`,
        params,
      },
      query,
    );
    // In lists, hidden titles show only to their authors and site staff; leads see them on the thread itself.
    const staff = isSiteStaff(user);
    const items = page.rows.map((row) => {
      const thread = withAuthor(threads.from(row)!, authors.from(row));
      return toThreadSummary(thread, staff || thread.authorId === user.id);
    });
    return { items, nextCursor: page.nextCursor };
  }
}
