import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { renderMarkdown } from '../common/markdown.js';
import { decodeCursor, exactTimestamp, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { ContentWrites } from '../content/content-writes.js';
import { moderatorsDeleteWithReason } from '../content/moderator-delete.js';
import { NO_REVISIONS, revisionPage } from '../content/revision-page.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { type CommentDto, type CommentRevisionDto, toCommentDto } from './dto/comment.dto.js';
import { PracticeGuard, type PracticeInContext } from './practice-guard.service.js';
import { PracticeComment, PracticeCommentRevision } from './practice-relations.entities.js';

/** Comments on published case studies: oldest first, edited with history, deleted as tombstones. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: PracticeGuard,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  async comment(user: AuthUser, practiceId: string, body: string): Promise<CommentDto> {
    const { practice } = await this.guard.published(user, practiceId);
    const id = await this.dataSource.transaction(async (manager) => {
      const result = await manager.insert(PracticeComment, {
        practiceId,
        authorId: user.id,
        body,
        bodyHtml: renderMarkdown(body),
      });
      const commentId = result.identifiers[0]!.id as string;
      await manager.query(
        `UPDATE practices SET comment_count = comment_count + 1, last_activity_at = now() WHERE id = $1`,
        [practiceId],
      );
      const created = await manager.findOneOrFail(PracticeComment, {
        where: { id: commentId },
        relations: { author: true },
      });
      await this.events.append(manager, {
        type: 'comment.created',
        collaborativeId: practice.collaborativeId,
        practiceId,
        payload: toCommentDto(created),
      });
      return commentId;
    });
    return toCommentDto(await this.load(id));
  }

  async list(user: AuthUser, practiceId: string, query: PageQueryDto): Promise<Page<CommentDto>> {
    const found = await this.guard.read(user, practiceId);
    const qb = this.dataSource
      .createQueryBuilder(PracticeComment, 'c')
      .leftJoinAndSelect('c.author', 'author')
      .addSelect(exactTimestamp('c.created_at'), 'sort_key')
      .where('c.practice_id = :practiceId', { practiceId })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [time, id] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(c.created_at, c.id) > (CAST(:time AS timestamptz), :id)', { time, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((comment, index) => ({ comment, sortKey: raw[index]!.sort_key }));
    return toPage(
      rows,
      query.limit,
      (row) => [row.sortKey, row.comment.id],
      (row) => toCommentDto(row.comment, row.comment.authorId === user.id || found.canModerate),
    );
  }

  async edit(user: AuthUser, commentId: string, body: string): Promise<CommentDto> {
    const { comment, found } = await this.inContext(user, commentId);
    if (comment.authorId !== user.id) throw new ForbiddenException('Only its author can edit this comment.');
    if (comment.deletedAt) throw new NotFoundException('No comment with this id.');
    if (found.access?.collaborative.archivedAt)
      throw new ForbiddenException('This collaborative is archived and read-only.');
    await this.dataSource.transaction(async (manager) => {
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM practice_comment_revisions WHERE comment_id = $1`,
        [commentId],
      );
      await manager.insert(PracticeCommentRevision, { commentId, number: next, editorId: user.id, body: comment.body });
      await manager.update(
        PracticeComment,
        { id: commentId },
        { body, bodyHtml: renderMarkdown(body), editedAt: new Date() },
      );
      const updated = await manager.findOneOrFail(PracticeComment, {
        where: { id: commentId },
        relations: { author: true },
      });
      await this.events.append(manager, {
        type: 'comment.updated',
        collaborativeId: found.practice.collaborativeId,
        practiceId: comment.practiceId,
        payload: toCommentDto(updated),
      });
    });
    return toCommentDto(await this.load(commentId), true);
  }

  /** By its author (moderators: ContentModeration.delete); the text and its history go, the place stays. */
  async remove(user: AuthUser, commentId: string): Promise<void> {
    const { comment, found } = await this.inContext(user, commentId);
    if (comment.authorId !== user.id)
      throw new ForbiddenException(moderatorsDeleteWithReason('comment', found.canModerate));
    const place = {
      type: 'comment',
      id: commentId,
      collaborativeId: found.practice.collaborativeId,
      threadId: null,
      practiceId: comment.practiceId,
    } as const;
    await this.dataSource.transaction((manager) => this.content.delete(manager, place, user.id));
  }

  async revisions(user: AuthUser, commentId: string, page: PageQueryDto): Promise<Page<CommentRevisionDto>> {
    const { comment, found } = await this.inContext(user, commentId);
    if (comment.hiddenAt && comment.authorId !== user.id && !found.canModerate) return NO_REVISIONS;
    return revisionPage(
      this.dataSource,
      {
        entity: PracticeCommentRevision,
        table: 'practice_comment_revisions',
        postColumn: 'comment_id',
        postId: commentId,
      },
      page,
      (revision) => ({
        number: revision.number,
        body: revision.body,
        editor: toPublicProfile(revision.editor!),
        editedAt: revision.createdAt.toISOString(),
      }),
    );
  }

  private async inContext(
    user: AuthUser,
    commentId: string,
  ): Promise<{ comment: PracticeComment; found: PracticeInContext }> {
    const comment = await this.dataSource.getRepository(PracticeComment).findOneBy({ id: commentId });
    if (!comment) throw new NotFoundException('No comment with this id.');
    const found = await this.guard.read(user, comment.practiceId).catch(() => {
      throw new NotFoundException('No comment with this id.');
    });
    return { comment, found };
  }

  private load(id: string): Promise<PracticeComment> {
    return this.dataSource.getRepository(PracticeComment).findOneOrFail({ where: { id }, relations: { author: true } });
  }
}
