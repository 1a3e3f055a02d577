import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { CollaborativeAccess } from '../collaboratives/access.service.js';
import { prepareBody } from '../common/markdown.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { ContentWrites } from '../content/content-writes.js';
import { Keyset } from '../database/keyset.js';
import { readRows } from '../database/read-rows.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type ReplyViewDto, toReplyDto } from './dto/reply.dto.js';
import type { CreateReplyDto, UpdateReplyDto } from './dto/write-reply.dto.js';
import { Reply } from './reply.entity.js';
import { RevisionsService } from './revisions.service.js';
import type { Thread } from './thread.entity.js';
import { ThreadAccess } from './thread-access.js';
import { requireLive, requireMayDelete, requireMayEdit, requireUnlocked } from './thread-rules.js';
import { insertReply } from './thread-writes.js';
import { postRows, replyWithAuthor, withAuthor } from './with-author.js';

/** Oldest first: positions are unique per thread and handed out in commit order. */
const OLDEST_FIRST = new Keyset([{ sql: 'r.position', kind: 'int' }], 'ASC');

@Injectable()
export class RepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadAccess,
    private readonly revisions: RevisionsService,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  async reply(user: AuthUser, threadId: string, dto: CreateReplyDto): Promise<ReplyViewDto> {
    const { thread } = await this.guard.post(user, threadId);
    requireLive(thread, 'thread');
    requireUnlocked(thread);
    if (dto.quotedReplyId) await this.requireQuotable(thread.id, dto.quotedReplyId);
    const body = prepareBody(dto.body);
    const reply = await this.dataSource.transaction(async (manager) => {
      const created = await insertReply(manager, {
        threadId,
        authorId: user.id,
        body,
        quotedReplyId: dto.quotedReplyId,
      });
      // Locked, hidden or deleted after the checks above: the locked row has the last word.
      if (!created)
        throw new ConflictException('This thread no longer takes replies: it was locked, hidden or deleted.');
      await this.events.append(manager, {
        type: 'reply.created',
        collaborativeId: thread.collaborativeId,
        threadId,
        payload: toReplyDto(created, thread.acceptedReplyId),
      });
      return created;
    });
    return { ...toReplyDto(reply, thread.acceptedReplyId), voted: false };
  }

  async list(user: AuthUser, threadId: string, page: PageQueryDto): Promise<Page<ReplyViewDto>> {
    const { thread, access } = await this.guard.read(user, threadId);
    return this.pageOf(user, thread, access, page);
  }

  /** A page of a thread the caller has already been found to read (the thread page asks with it). */
  async pageOf(
    user: AuthUser,
    thread: Thread,
    access: CollaborativeAccess,
    page: Pick<PageQueryDto, 'limit' | 'cursor'>,
  ): Promise<Page<ReplyViewDto>> {
    const threadId = thread.id;
    const columns = postRows(this.dataSource.manager);
    const { rows, nextCursor } = await OLDEST_FIRST.fetchRows(
      this.dataSource,
      {
        select: `${columns.reply.select}, ${columns.author.select}`,
        from: 'replies r JOIN users a ON a.id = r.author_id',
        where: 'r.thread_id = :threadId',
        params: { threadId },
      },
      page,
    );
    const replies = rows.map((row) => withAuthor(columns.reply.from(row)!, columns.author.from(row)));
    return { items: await this.views(user, replies, thread.acceptedReplyId, access.canModerate), nextCursor };
  }

  async edit(user: AuthUser, replyId: string, dto: UpdateReplyDto): Promise<ReplyViewDto> {
    const { reply, thread, access } = await this.guard.readReply(user, replyId);
    requireMayEdit(user, reply, access, 'reply');
    // Rendered before the row lock is taken: the lock is held only for the writes.
    const body = prepareBody(dto.body);
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockReply(manager, replyId);
      requireLive(current, 'reply');
      if (current.body === dto.body) return current;
      await this.revisions.recordReply(manager, replyId, user.id);
      await manager.update(
        Reply,
        { id: replyId },
        {
          body: body.markdown,
          bodyHtml: body.html,
          excerpt: body.excerpt,
          mentions: body.mentions,
          editedAt: () => 'now()',
        },
      );
      const edited = await manager.findOneOrFail(Reply, { where: { id: replyId }, relations: { author: true } });
      await this.events.append(manager, {
        type: 'reply.updated',
        collaborativeId: thread.collaborativeId,
        threadId: thread.id,
        payload: toReplyDto(edited, thread.acceptedReplyId),
      });
      return edited;
    });
    return (await this.views(user, [updated], thread.acceptedReplyId, access.canModerate))[0]!;
  }

  /** One reply as the caller sees it (after a moderation action, for instance). */
  async show(user: AuthUser, replyId: string): Promise<ReplyViewDto> {
    const { reply, thread, access } = await this.guard.readReply(user, replyId);
    return (await this.views(user, [reply], thread.acceptedReplyId, access.canModerate))[0]!;
  }

  /** Soft: the reply stays in its place as a tombstone, so the conversation still reads. */
  async remove(user: AuthUser, replyId: string): Promise<void> {
    const { reply, thread, access } = await this.guard.readReply(user, replyId);
    requireMayDelete(user, reply, access, 'reply');
    const place = {
      type: 'reply',
      id: replyId,
      collaborativeId: thread.collaborativeId,
      threadId: thread.id,
      practiceId: null,
    } as const;
    await this.dataSource.transaction((manager) => this.content.delete(manager, place, user.id));
  }

  /** The accepted answer as the caller sees it, shown first on its thread. */
  async acceptedOf(user: AuthUser, thread: Thread, canModerate: boolean): Promise<ReplyViewDto | null> {
    if (!thread.acceptedReplyId) return null;
    const reply = await replyWithAuthor(this.dataSource.manager, thread.acceptedReplyId);
    return reply ? (await this.views(user, [reply], thread.acceptedReplyId, canModerate))[0]! : null;
  }

  /** Replies with the caller's votes, in one query for the whole page; hidden ones shown to their authors and moderators. */
  private async views(
    user: AuthUser,
    replies: Reply[],
    acceptedReplyId: string | null,
    canModerate: boolean,
  ): Promise<ReplyViewDto[]> {
    const voted = new Set<string>();
    if (replies.length > 0) {
      const rows = await readRows<{ reply_id: string }>(
        this.dataSource,
        `SELECT reply_id FROM reply_votes WHERE user_id = $1 AND reply_id = ANY($2::uuid[])`,
        [user.id, replies.map((reply) => reply.id)],
      );
      rows.forEach((row) => voted.add(row.reply_id));
    }
    return replies.map((reply) => ({
      ...toReplyDto(reply, acceptedReplyId, canModerate || reply.authorId === user.id),
      voted: voted.has(reply.id),
    }));
  }

  private async requireQuotable(threadId: string, quotedReplyId: string): Promise<void> {
    const quoted = await this.dataSource.getRepository(Reply).findOneBy({ id: quotedReplyId, threadId });
    if (!quoted || quoted.deletedAt) {
      throw new UnprocessableEntityException('quotedReplyId must be a reply of this thread that has not been deleted.');
    }
  }

  private async lockReply(manager: EntityManager, replyId: string): Promise<Reply> {
    // NO KEY UPDATE: replies quoting or voting for this one (key-share locks) are not blocked.
    await manager.query(`SELECT 1 FROM replies WHERE id = $1 FOR NO KEY UPDATE`, [replyId]);
    return manager.findOneOrFail(Reply, { where: { id: replyId } });
  }
}
