import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { prepareBody } from '../common/markdown.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { requireLive } from '../content/content-rules.js';
import { ContentWrites } from '../content/content-writes.js';
import { NO_REVISIONS, revisionPage } from '../content/revision-page.js';
import { EntityRows } from '../database/entity-rows.js';
import { Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import { type CommentDto, type CommentRevisionDto, toCommentDto } from './dto/comment.dto.js';
import { PracticeAccess } from './practice-access.js';
import { PracticeComment, PracticeCommentRevision } from './practice-relations.entities.js';
import {
  requireMayDeleteComment,
  requireMayEditComment,
  requireMayRespond,
  seesHiddenComment,
} from './practice-rules.js';

/** Oldest first, on practice_comments_list_idx (practice_id, created_at, id). */
const OLDEST_FIRST = new Keyset(
  [
    { sql: 'k.created_at', kind: 'timestamp' },
    { sql: 'k.id', kind: 'uuid' },
  ],
  'ASC',
);

/** Comments on published case studies: oldest first, edited with history, deleted as tombstones. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: PracticeAccess,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  async comment(user: AuthUser, practiceId: string, body: string): Promise<CommentDto> {
    const found = await this.loader.read(user, practiceId);
    requireMayRespond(found);
    const { practice } = found;
    const rendered = prepareBody(body);
    const id = await this.dataSource.transaction(async (manager) => {
      const result = await manager.insert(PracticeComment, {
        practiceId,
        authorId: user.id,
        body,
        bodyHtml: rendered.html,
        excerpt: rendered.excerpt,
        mentions: rendered.mentions,
      });
      const commentId = result.identifiers[0]!.id as string;
      await manager.query(
        `UPDATE practices SET comment_count = comment_count + 1, last_activity_at = now() WHERE id = $1`,
        [practiceId],
      );
      const created = await withAuthor(manager, commentId);
      await this.events.append(manager, {
        type: 'comment.created',
        collaborativeId: practice.collaborativeId,
        practiceId,
        payload: toCommentDto(created),
      });
      return commentId;
    });
    return toCommentDto(await withAuthor(this.dataSource.manager, id));
  }

  async list(user: AuthUser, practiceId: string, page: PageQueryDto): Promise<Page<CommentDto>> {
    const found = await this.loader.read(user, practiceId);
    const comments = EntityRows.of(this.dataSource, PracticeComment, 'k');
    const authors = EntityRows.of(this.dataSource, User, 'ka', PUBLIC_PROFILE_FIELDS);
    const { rows, nextCursor } = await OLDEST_FIRST.fetchRows(
      this.dataSource,
      {
        select: `${comments.select}, ${authors.select}`,
        from: 'practice_comments k LEFT JOIN users ka ON ka.id = k.author_id',
        where: 'k.practice_id = :practiceId',
        params: { practiceId },
      },
      page,
    );
    const moderates = found.access.canModerate;
    const items = rows.map((row) => {
      const comment = comments.from(row)!;
      comment.author = authors.from(row) ?? undefined;
      return toCommentDto(comment, moderates || comment.authorId === user.id);
    });
    return { items, nextCursor };
  }

  /**
   * Under the comment's row lock, as replies are edited: concurrent edits queue instead of
   * colliding on the revision number, each revision keeps the body the edit replaced (read
   * under the lock), and an edit that lost the race to a delete is refused (409) instead of
   * writing its words back into the tombstone and its history.
   */
  async edit(user: AuthUser, commentId: string, body: string): Promise<CommentDto> {
    const found = await this.loader.readComment(user, commentId);
    requireMayEditComment(user, found);
    // Rendered before the row lock is taken: the lock is held only for the writes.
    const rendered = prepareBody(body);
    const updated = await this.dataSource.transaction(async (manager) => {
      const current = await lockComment(manager, commentId);
      requireLive(current, 'comment');
      if (current.body === body) return withAuthor(manager, commentId);
      await manager.query(
        `INSERT INTO practice_comment_revisions (comment_id, number, body, editor_id)
         SELECT k.id, COALESCE((SELECT max(number) FROM practice_comment_revisions WHERE comment_id = k.id), 0) + 1, k.body, $2
           FROM practice_comments k WHERE k.id = $1`,
        [commentId, user.id],
      );
      await manager.update(
        PracticeComment,
        { id: commentId },
        {
          body,
          bodyHtml: rendered.html,
          excerpt: rendered.excerpt,
          mentions: rendered.mentions,
          editedAt: () => 'now()',
        },
      );
      const edited = await withAuthor(manager, commentId);
      await this.events.append(manager, {
        type: 'comment.updated',
        collaborativeId: found.practice.collaborativeId,
        practiceId: current.practiceId,
        payload: toCommentDto(edited),
      });
      return edited;
    });
    return toCommentDto(updated, true);
  }

  /** By its author (moderators: ContentModeration.delete); the text and its history go, the place stays. */
  async remove(user: AuthUser, commentId: string): Promise<void> {
    const found = await this.loader.readComment(user, commentId);
    requireMayDeleteComment(user, found);
    const place = {
      type: 'comment',
      id: commentId,
      collaborativeId: found.practice.collaborativeId,
      threadId: null,
      practiceId: found.comment.practiceId,
    } as const;
    await this.dataSource.transaction((manager) => this.content.delete(manager, place, user.id));
  }

  async revisions(user: AuthUser, commentId: string, page: PageQueryDto): Promise<Page<CommentRevisionDto>> {
    const found = await this.loader.readComment(user, commentId);
    if (found.comment.hiddenAt && !seesHiddenComment(user, found)) return NO_REVISIONS;
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
}

/** The comment as it is under its row lock, for the rest of the transaction. */
async function lockComment(manager: EntityManager, commentId: string): Promise<PracticeComment> {
  await manager.query(`SELECT 1 FROM practice_comments WHERE id = $1 FOR NO KEY UPDATE`, [commentId]);
  return manager.findOneOrFail(PracticeComment, { where: { id: commentId } });
}

function withAuthor(manager: EntityManager, commentId: string): Promise<PracticeComment> {
  return manager.findOneOrFail(PracticeComment, { where: { id: commentId }, relations: { author: true } });
}
