import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { type FieldError, ValidationProblem } from '../common/problem-details.js';
import { ContentWrites } from '../content/content-writes.js';
import { HIDDEN_NOTICE } from '../content/hidden-notice.js';
import { moderatorsDeleteWithReason } from '../content/moderator-delete.js';
import { NO_REVISIONS, revisionPage } from '../content/revision-page.js';
import { readRows } from '../database/read-rows.js';
import { EventStore } from '../events/event-store.service.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import {
  type PracticeDetailDto,
  type PracticeDto,
  type PracticeRevisionDto,
  toPracticeDto,
} from './dto/practice.dto.js';
import type { CreatePracticeDto, UpdatePracticeDto } from './dto/write-practice.dto.js';
import { Practice } from './practice.entity.js';
import { PracticeGuard, type PracticeInContext } from './practice-guard.service.js';
import { PracticeRevision } from './practice-relations.entities.js';
import { contentChanges, setCoAuthors, snapshot } from './practice-writes.js';

const FOREIGN_KEY_VIOLATION = '23503';

/** Writing, publishing, reading and deleting one case study. */
@Injectable()
export class PracticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly guard: PracticeGuard,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  /** Always starts as a draft that only its authors can see. */
  async create(user: AuthUser, dto: CreatePracticeDto): Promise<PracticeDetailDto> {
    if (dto.collaborativeId) await this.access.requirePost(user, dto.collaborativeId);
    const id = await this.withUnknownUsers(() =>
      this.dataSource.transaction(async (manager) => {
        const result = await manager.insert(Practice, {
          ...contentChanges(dto),
          collaborativeId: dto.collaborativeId ?? null,
          authorId: user.id,
        });
        const practiceId = result.identifiers[0]!.id as string;
        await setCoAuthors(manager, practiceId, user.id, dto.coAuthorIds ?? []);
        return practiceId;
      }),
    );
    return this.show(user, id, false);
  }

  async update(user: AuthUser, id: string, dto: UpdatePracticeDto): Promise<PracticeDetailDto> {
    const found = await this.requireEditable(user, id);
    await this.withUnknownUsers(() =>
      this.dataSource.transaction(async (manager) => {
        const current = await manager.findOneOrFail(Practice, { where: { id }, lock: { mode: 'pessimistic_write' } });
        const [{ next }] = await manager.query(
          `SELECT coalesce(max(number), 0) + 1 AS next FROM practice_revisions WHERE practice_id = $1`,
          [id],
        );
        await manager.insert(PracticeRevision, {
          practiceId: id,
          number: next,
          editorId: user.id,
          snapshot: snapshot(current) as never,
        });
        await manager.update(Practice, { id }, { ...contentChanges(dto), editedAt: new Date() });
        if (dto.coAuthorIds) await setCoAuthors(manager, id, found.practice.authorId, dto.coAuthorIds);
        if (current.status === 'published') await this.announce(manager, 'practice.updated', id);
      }),
    );
    return this.show(user, id, false);
  }

  /** A draft becomes visible to every reader of its collaborative once it is complete. */
  async publish(user: AuthUser, id: string): Promise<PracticeDetailDto> {
    const { practice } = await this.requireEditable(user, id);
    if (practice.status === 'published') return this.show(user, id, false);
    this.requireComplete(practice);
    if (practice.collaborativeId) await this.access.requirePost(user, practice.collaborativeId);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        Practice,
        { id },
        { status: 'published', publishedAt: new Date(), lastActivityAt: new Date() },
      );
      await this.announce(manager, 'practice.published', id);
    });
    return this.show(user, id, false);
  }

  /** Soft delete by an author (moderators: ContentModeration.delete): a tombstone stays where links point. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const { practice, isAuthor, canModerate } = await this.guard.read(user, id);
    if (!isAuthor) throw new ForbiddenException(moderatorsDeleteWithReason('case study', canModerate));
    const place = {
      type: 'practice',
      id,
      collaborativeId: practice.collaborativeId,
      threadId: null,
      practiceId: id,
    } as const;
    await this.dataSource.transaction((manager) => this.content.delete(manager, place, user.id));
  }

  async show(user: AuthUser, id: string, countView = true): Promise<PracticeDetailDto> {
    const found = await this.guard.read(user, id);
    if (countView && found.practice.status === 'published' && !found.isAuthor) {
      // Distinct readers, as for threads: only a first visit writes (a row and the counter).
      const [row] = await this.dataSource.query(
        `WITH first_view AS (
           INSERT INTO practice_views (practice_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING practice_id
         )
         UPDATE practices SET view_count = view_count + 1 WHERE id IN (SELECT practice_id FROM first_view) RETURNING view_count`,
        [id, user.id],
      );
      if (row?.[0]) found.practice.viewCount = row[0].view_count;
    }
    return this.detail(user, found);
  }

  async revisions(user: AuthUser, id: string, page: PageQueryDto): Promise<Page<PracticeRevisionDto>> {
    const { practice, isAuthor, canModerate } = await this.guard.read(user, id);
    // Hidden words are for its authors and moderators only (a deleted one has no revisions left).
    if (practice.hiddenAt && !isAuthor && !canModerate) return NO_REVISIONS;
    return revisionPage(
      this.dataSource,
      { entity: PracticeRevision, table: 'practice_revisions', postColumn: 'practice_id', postId: id },
      page,
      (revision) => ({
        number: revision.number,
        editor: toPublicProfile(revision.editor!),
        editedAt: revision.createdAt.toISOString(),
        content: revision.snapshot,
      }),
    );
  }

  private async detail(user: AuthUser, found: PracticeInContext): Promise<PracticeDetailDto> {
    const { practice, isAuthor, canModerate } = found;
    // Questions asked about it may sit in collaboratives the reader may not read: those are
    // left out, as the threads themselves answer 404, and hidden titles are masked as in lists.
    const readable = this.access.readableCondition(user, 't.collaborative_id');
    const [questionsSql, questionParams] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT t.id AS thread_id, t.title, t.reply_count, t.hidden_at IS NOT NULL AND NOT (:staff OR t.author_id = :userId) AS masked
         FROM practice_questions q JOIN threads t ON t.id = q.thread_id
        WHERE q.practice_id = :practiceId AND t.deleted_at IS NULL AND ${readable.sql} ORDER BY q.created_at`,
      { ...readable.params, practiceId: practice.id, userId: user.id, staff: isSiteStaff(user) },
    );
    const [endorsement, questions, coAuthors] = await Promise.all([
      this.dataSource.query(`SELECT 1 FROM practice_endorsements WHERE practice_id = $1 AND user_id = $2`, [
        practice.id,
        user.id,
      ]),
      readRows<{ thread_id: string; title: string; reply_count: number; masked: boolean }>(
        this.dataSource,
        questionsSql,
        questionParams,
      ),
      this.coAuthors(found.coAuthorIds),
    ]);
    const live = practice.status === 'published' && !practice.deletedAt && !practice.hiddenAt;
    const open = !found.access?.collaborative.archivedAt;
    return {
      ...toPracticeDto(practice, coAuthors, isAuthor || canModerate),
      questions: questions.map((row) => ({
        threadId: row.thread_id,
        title: row.masked ? HIDDEN_NOTICE : row.title,
        replyCount: row.reply_count,
      })),
      viewer: {
        isAuthor,
        endorsed: endorsement.length > 0,
        canEdit: isAuthor && !practice.deletedAt && open,
        canDelete: isAuthor && !practice.deletedAt,
        canEndorse: live && open && !isAuthor,
        canComment: live && open,
        canModerate,
      },
    };
  }

  private async coAuthors(ids: string[]): Promise<PracticeDto['coAuthors']> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.getRepository(User).findBy(ids.map((id) => ({ id })));
    return users.map((user) => toPublicProfile(user));
  }

  private async requireEditable(user: AuthUser, id: string): Promise<PracticeInContext> {
    const found = await this.guard.read(user, id);
    if (!found.isAuthor) throw new ForbiddenException('Only its authors can change this case study.');
    if (found.practice.deletedAt) throw new NotFoundException('No practice with this id.');
    if (found.access?.collaborative.archivedAt)
      throw new ForbiddenException('This collaborative is archived and read-only.');
    return found;
  }

  /** Publishing needs every part a reader relies on; each missing one is named. */
  private requireComplete(practice: Practice): void {
    const missing: FieldError[] = [];
    for (const field of ['summary', 'challenge', 'approach', 'outcomes', 'lessons'] as const) {
      if (!practice[field].trim()) missing.push({ field, message: `${field} is needed before publishing` });
    }
    if (practice.themes.length === 0)
      missing.push({ field: 'themes', message: 'at least one theme is needed before publishing' });
    if (missing.length > 0) throw new ValidationProblem(missing);
  }

  private async announce(
    manager: EntityManager,
    type: 'practice.published' | 'practice.updated',
    id: string,
  ): Promise<void> {
    const practice = await manager.findOneOrFail(Practice, { where: { id }, relations: { author: true } });
    const coAuthorIds = (
      await manager.query(`SELECT user_id FROM practice_coauthors WHERE practice_id = $1`, [id])
    ).map((row: { user_id: string }) => row.user_id);
    const payload = toPracticeDto(practice, await this.coAuthors(coAuthorIds));
    await this.events.append(manager, { type, collaborativeId: practice.collaborativeId, practiceId: id, payload });
  }

  private async withUnknownUsers<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        throw new ValidationProblem([{ field: 'coAuthorIds', message: 'each co-author must be a registered user' }]);
      }
      throw error;
    }
  }
}
