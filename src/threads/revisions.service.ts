import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { NO_REVISIONS, revisionPage } from '../content/revision-page.js';
import type { AuthUser } from '../identity/auth-user.js';
import {
  type ReplyRevisionDto,
  type ThreadRevisionDto,
  toReplyRevision,
  toThreadRevision,
} from './dto/revision.dto.js';
import { ReplyRevision, ThreadRevision } from './revision.entities.js';
import { ThreadAccess } from './thread-access.js';
import { seesHidden } from './thread-rules.js';

/**
 * Every edit keeps the version it replaced. Readers of the content may read its history,
 * except while moderators hide it (then only its author and moderators may, as with the
 * content itself); deleting the content deletes the history with it (see thread-writes).
 */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadAccess,
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
    return revisionPage(
      this.dataSource,
      { entity: ThreadRevision, table: 'thread_revisions', postColumn: 'thread_id', postId: threadId },
      page,
      toThreadRevision,
    );
  }

  async ofReply(user: AuthUser, replyId: string, page: PageQueryDto): Promise<Page<ReplyRevisionDto>> {
    const { reply, access } = await this.guard.readReply(user, replyId);
    if (reply.hiddenAt && !seesHidden(user, reply, access)) return NO_REVISIONS;
    return revisionPage(
      this.dataSource,
      { entity: ReplyRevision, table: 'reply_revisions', postColumn: 'reply_id', postId: replyId },
      page,
      toReplyRevision,
    );
  }
}
