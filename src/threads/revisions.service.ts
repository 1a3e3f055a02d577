import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Keyset } from '../common/keyset.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { User } from '../users/user.entity.js';
import { toReplyRevision, toThreadRevision, type ReplyRevisionDto, type ThreadRevisionDto } from './dto/revision.dto.js';
import { ReplyRevision, ThreadRevision } from './revision.entities.js';
import { ThreadGuard } from './thread-guard.service.js';
import { seesHidden } from './thread-rules.js';

const NEWEST_FIRST = new Keyset([{ sql: 'v.number', kind: 'int' }]);

/** What a reader who may not see hidden content gets for its history: the notice's words are all they may read. */
const NO_REVISIONS = { items: [], nextCursor: null };

/**
 * Every edit keeps the version it replaced. Readers of the content may read its history,
 * except while moderators hide it (then only its author and moderators may, as with the
 * content itself); deleting the content deletes the history with it (see thread-writes).
 */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadGuard,
  ) {}

  /** Copies the thread as it is now; call under the thread's row lock, before changing it. */
  async recordThread(manager: EntityManager, threadId: string, editorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO thread_revisions (thread_id, number, title, body, body_html, tags, editor_id)
       SELECT t.id, COALESCE((SELECT max(number) FROM thread_revisions WHERE thread_id = t.id), 0) + 1, t.title, t.body, t.body_html, t.tags, $2
         FROM threads t WHERE t.id = $1`,
      [threadId, editorId],
    );
  }

  /** Copies the reply as it is now; call under the reply's row lock, before changing it. */
  async recordReply(manager: EntityManager, replyId: string, editorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO reply_revisions (reply_id, number, body, body_html, editor_id)
       SELECT r.id, COALESCE((SELECT max(number) FROM reply_revisions WHERE reply_id = r.id), 0) + 1, r.body, r.body_html, $2
         FROM replies r WHERE r.id = $1`,
      [replyId, editorId],
    );
  }

  async ofThread(user: AuthUser, threadId: string, page: PageQueryDto): Promise<Page<ThreadRevisionDto>> {
    const { thread, access } = await this.guard.read(user, threadId);
    if (thread.hiddenAt && !seesHidden(user, thread, access)) return NO_REVISIONS;
    return this.page(ThreadRevision, 'thread_revisions v', 'v.thread_id', threadId, page, toThreadRevision);
  }

  async ofReply(user: AuthUser, replyId: string, page: PageQueryDto): Promise<Page<ReplyRevisionDto>> {
    const { reply, access } = await this.guard.readReply(user, replyId);
    if (reply.hiddenAt && !seesHidden(user, reply, access)) return NO_REVISIONS;
    return this.page(ReplyRevision, 'reply_revisions v', 'v.reply_id', replyId, page, toReplyRevision);
  }

  /** One page of a post's revisions, newest first, each with its editor. */
  private async page<Revision extends ThreadRevision | ReplyRevision, Dto>(
    entity: new () => Revision,
    table: string,
    postColumn: string,
    postId: string,
    page: PageQueryDto,
    toDto: (revision: Revision) => Dto,
  ): Promise<Page<Dto>> {
    const revisions = EntityRows.of(this.dataSource, entity, 'v');
    const editors = EntityRows.of(this.dataSource, User, 'a');
    const { rows, nextCursor } = await NEWEST_FIRST.fetchRows(
      this.dataSource,
      { select: `${revisions.select}, ${editors.select}`, from: `${table} JOIN users a ON a.id = v.editor_id`, where: `${postColumn} = :postId`, params: { postId } },
      page,
    );
    return { items: rows.map((row) => toDto({ ...revisions.from(row)!, editor: editors.from(row)! })), nextCursor };
  }
}
