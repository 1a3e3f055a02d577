import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { decodeCursor, exactTimestamp, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import type { EndorsementDto, EndorsementStateDto } from './dto/comment.dto.js';
import { PracticeGuard } from './practice-guard.service.js';
import { PracticeEndorsement } from './practice-relations.entities.js';

/** "We tried this too": one per person, never on your own case study, counted exactly. */
@Injectable()
export class EndorsementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: PracticeGuard,
    private readonly events: EventStore,
  ) {}

  async endorse(user: AuthUser, practiceId: string, note: string): Promise<EndorsementStateDto> {
    const { isAuthor, practice } = await this.guard.published(user, practiceId);
    if (isAuthor) throw new ForbiddenException('You cannot endorse your own case study.');
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO practice_endorsements (practice_id, user_id, note, organisation)
         SELECT $1, $2, $3, organisation FROM users WHERE id = $2
         ON CONFLICT (practice_id, user_id) DO UPDATE SET note = EXCLUDED.note
         RETURNING (xmax = 0) AS inserted`,
        [practiceId, user.id, note],
      );
      return this.count(manager, practiceId, practice.collaborativeId, row.inserted ? 1 : 0);
    });
  }

  async withdraw(user: AuthUser, practiceId: string): Promise<EndorsementStateDto> {
    const { practice } = await this.guard.read(user, practiceId);
    return this.dataSource.transaction(async (manager) => {
      const [, deleted] = await manager.query(
        `DELETE FROM practice_endorsements WHERE practice_id = $1 AND user_id = $2`,
        [practiceId, user.id],
      );
      const state = await this.count(manager, practiceId, practice.collaborativeId, deleted > 0 ? -1 : 0);
      return { ...state, endorsed: false };
    });
  }

  /** Applies the change to the counter and announces it only when something changed. */
  private async count(
    manager: EntityManager,
    practiceId: string,
    collaborativeId: string | null,
    change: number,
  ): Promise<EndorsementStateDto> {
    const [[row]] = await manager.query(
      `UPDATE practices SET endorsement_count = endorsement_count + $2 WHERE id = $1 RETURNING endorsement_count`,
      [practiceId, change],
    );
    if (change !== 0) {
      await this.events.append(manager, {
        type: 'endorsements.changed',
        collaborativeId,
        practiceId,
        payload: { practiceId, endorsementCount: row.endorsement_count },
      });
    }
    return { endorsed: change >= 0, endorsementCount: row.endorsement_count };
  }

  async list(user: AuthUser, practiceId: string, query: PageQueryDto): Promise<Page<EndorsementDto>> {
    await this.guard.read(user, practiceId);
    const qb = this.dataSource
      .createQueryBuilder(PracticeEndorsement, 'e')
      .innerJoinAndSelect('e.user', 'u')
      .addSelect(exactTimestamp('e.created_at'), 'sort_key')
      .where('e.practice_id = :practiceId', { practiceId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.user_id', 'DESC')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [time, userId] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(e.created_at, e.user_id) < (CAST(:time AS timestamptz), :userId)', { time, userId });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((endorsement, index) => ({ endorsement, sortKey: raw[index]!.sort_key }));
    return toPage(
      rows,
      query.limit,
      (row) => [row.sortKey, row.endorsement.userId],
      ({ endorsement }) => ({
        user: toPublicProfile(endorsement.user!),
        organisation: endorsement.organisation,
        note: endorsement.note,
        createdAt: endorsement.createdAt.toISOString(),
      }),
    );
  }
}
