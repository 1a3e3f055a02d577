import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { ValidationProblem } from '../common/problem-details.js';
import { requireLive } from '../content/content-rules.js';
import { ContentWrites } from '../content/content-writes.js';
import { HIDDEN_NOTICE } from '../content/hidden-notice.js';
import { NO_REVISIONS, revisionPage } from '../content/revision-page.js';
import { FOREIGN_KEY_VIOLATION, hasSqlState } from '../database/database-errors.js';
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
import { PracticeAccess, type PracticeInContext } from './practice-access.js';
import { PracticeRevision } from './practice-relations.entities.js';
import {
  isPracticeAuthor,
  mayDeletePractice,
  mayEditPractice,
  mayEndorse,
  mayRespond,
  requireComplete,
  requireMayDeletePractice,
  requireMayEditPractice,
  seesHiddenPractice,
} from './practice-rules.js';
import { contentChanges, setCoAuthors, snapshot } from './practice-writes.js';

/** The case study as it is under its row lock, for the rest of the transaction. */
async function lockPractice(manager: EntityManager, id: string): Promise<Practice> {
  // NO KEY UPDATE: comments, endorsements and co-authors (key-share locks) are not blocked by it.
  await manager.query(`SELECT 1 FROM practices WHERE id = $1 FOR NO KEY UPDATE`, [id]);
  return manager.findOneOrFail(Practice, { where: { id } });
}

/** Writing, publishing, reading and deleting one case study. */
@Injectable()
export class PracticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly loader: PracticeAccess,
    private readonly events: EventStore,
    private readonly content: ContentWrites,
  ) {}

  /** Always starts as a draft that only its authors can see. */
  async create(user: AuthUser, dto: CreatePracticeDto): Promise<PracticeDetailDto> {
    if (dto.collaborativeId) await this.access.requirePost(user, dto.collaborativeId);
    const changes = contentChanges(dto);
    const id = await this.withUnknownUsers(() =>
      this.dataSource.transaction(async (manager) => {
        const result = await manager.insert(Practice, {
          ...changes,
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

  /**
   * Edits under the case study's row lock, as replies are edited: concurrent edits queue,
   * each revision is numbered and filled from the row as it was under the lock, and an
   * edit that lost the race to a delete is refused instead of writing into its history.
   */
  async update(user: AuthUser, id: string, dto: UpdatePracticeDto): Promise<PracticeDetailDto> {
    const found = await this.loader.read(user, id);
    requireMayEditPractice(user, found);
    // Rendered before the row lock is taken: the lock is held only for the writes.
    const changes = contentChanges(dto);
    await this.withUnknownUsers(() =>
      this.dataSource.transaction(async (manager) => {
        const current = await lockPractice(manager, id);
        requireLive(current, 'case study');
        await manager.query(
          `INSERT INTO practice_revisions (practice_id, number, editor_id, snapshot)
           SELECT $1, COALESCE((SELECT max(number) FROM practice_revisions WHERE practice_id = $1), 0) + 1, $2, $3::jsonb`,
          [id, user.id, JSON.stringify(snapshot(current))],
        );
        await manager.update(Practice, { id }, { ...changes, editedAt: () => 'now()' });
        if (dto.coAuthorIds) await setCoAuthors(manager, id, current.authorId, dto.coAuthorIds);
        if (current.status === 'published') await this.announce(manager, 'practice.updated', id);
      }),
    );
    return this.show(user, id, false);
  }

  /** A draft becomes visible to every reader of its collaborative once it is complete. */
  async publish(user: AuthUser, id: string): Promise<PracticeDetailDto> {
    const found = await this.loader.read(user, id);
    requireMayEditPractice(user, found);
    const { practice } = found;
    if (practice.status === 'published') return this.show(user, id, false);
    requireComplete(practice);
    if (practice.collaborativeId) await this.access.requirePost(user, practice.collaborativeId);
    await this.dataSource.transaction(async (manager) => {
      const current = await lockPractice(manager, id);
      requireLive(current, 'case study');
      if (current.status === 'published') return;
      requireComplete(current);
      await manager.update(
        Practice,
        { id },
        { status: 'published', publishedAt: () => 'now()', lastActivityAt: () => 'now()' },
      );
      await this.announce(manager, 'practice.published', id);
    });
    return this.show(user, id, false);
  }

  /** Soft delete by an author (moderators: ContentModeration.delete): a tombstone stays where links point. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const found = await this.loader.read(user, id);
    requireMayDeletePractice(user, found);
    const { practice } = found;
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
    const found = await this.loader.read(user, id);
    if (countView && found.practice.status === 'published' && !isPracticeAuthor(user, found)) {
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
    const found = await this.loader.read(user, id);
    // Hidden words are for its authors and moderators only (a deleted one has no revisions left).
    if (found.practice.hiddenAt && !seesHiddenPractice(user, found)) return NO_REVISIONS;
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
    const { practice } = found;
    const isAuthor = isPracticeAuthor(user, found);
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
    return {
      ...toPracticeDto(practice, coAuthors, seesHiddenPractice(user, found)),
      questions: questions.map((row) => ({
        threadId: row.thread_id,
        title: row.masked ? HIDDEN_NOTICE : row.title,
        replyCount: row.reply_count,
      })),
      viewer: {
        isAuthor,
        endorsed: endorsement.length > 0,
        canEdit: mayEditPractice(user, found),
        canDelete: mayDeletePractice(user, found),
        canEndorse: mayEndorse(user, found),
        canComment: mayRespond(found),
        canModerate: found.access.canModerate,
      },
    };
  }

  private async coAuthors(ids: string[]): Promise<PracticeDto['coAuthors']> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.getRepository(User).findBy(ids.map((id) => ({ id })));
    return users.map((user) => toPublicProfile(user));
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
      if (hasSqlState(error, FOREIGN_KEY_VIOLATION)) {
        throw new ValidationProblem([{ field: 'coAuthorIds', message: 'each co-author must be a registered user' }]);
      }
      throw error;
    }
  }
}
