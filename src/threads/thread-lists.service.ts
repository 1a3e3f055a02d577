import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessService } from '../collaboratives/access.service.js';
import { Keyset, type KeyPart } from '../common/keyset.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { toThreadSummary, type ThreadSummaryDto } from './dto/thread.dto.js';
import type { ThreadListQueryDto, ThreadSort } from './dto/thread-list.query.js';
import { Thread } from './thread.entity.js';

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

/** Lists of threads, each a keyset page on an index, with authors joined (one query a page). */
@Injectable()
export class ThreadListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async inCollaborative(user: AuthUser, collaborativeId: string, query: ThreadListQueryDto): Promise<Page<ThreadSummaryDto>> {
    await this.access.requireRead(user, collaborativeId);
    const threads = this.live().andWhere('t.collaborative_id = :collaborativeId', { collaborativeId });
    // Literal, not a parameter, so the planner can use the partial index for unanswered questions.
    if (query.sort === 'unanswered') threads.andWhere(`t.kind = 'question' AND t.accepted_reply_id IS NULL`);
    if (query.tag) threads.andWhere('t.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
    return this.page(ORDERS[query.sort], threads, query, user);
  }

  /** Latest activity across every collaborative the caller follows and may still read. */
  async feed(user: AuthUser, query: PageQueryDto): Promise<Page<ThreadSummaryDto>> {
    const readable = this.access.readableCondition(user, 't.collaborative_id');
    const threads = this.live()
      .andWhere('t.collaborative_id IN (SELECT f.collaborative_id FROM collaborative_follows f WHERE f.user_id = :followerId)', { followerId: user.id })
      .andWhere(readable.sql, readable.params);
    return this.page(FEED, threads, query, user);
  }

  private live(): SelectQueryBuilder<Thread> {
    return this.dataSource.getRepository(Thread).createQueryBuilder('t').innerJoinAndSelect('t.author', 'author').where('t.deleted_at IS NULL');
  }

  private async page(order: Keyset, threads: SelectQueryBuilder<Thread>, query: PageQueryDto, user: AuthUser): Promise<Page<ThreadSummaryDto>> {
    const { rows, nextCursor } = await order.fetch(threads, query);
    // In lists, hidden titles show only to their authors and site staff; leads see them on the thread itself.
    const staff = user.role === 'moderator' || user.role === 'admin';
    return { items: rows.map((thread) => toThreadSummary(thread, staff || thread.authorId === user.id)), nextCursor };
  }
}
