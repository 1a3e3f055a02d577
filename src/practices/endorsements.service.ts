import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { EntityRows } from '../database/entity-rows.js';
import { Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { PUBLIC_PROFILE_FIELDS, User } from '../users/user.entity.js';
import type { EndorsementDto, EndorsementStateDto } from './dto/comment.dto.js';
import { PracticeAccess } from './practice-access.js';
import { PracticeEndorsement } from './practice-relations.entities.js';
import { requireMayEndorse, requireMayWithdraw } from './practice-rules.js';

/** Newest first, on practice_endorsements_list_idx (practice_id, created_at DESC, user_id DESC). */
const NEWEST_FIRST = new Keyset([
  { sql: 'e.created_at', kind: 'timestamp' },
  { sql: 'e.user_id', kind: 'uuid' },
]);

/** "We tried this too": one per person, never on your own case study, counted exactly. */
@Injectable()
export class EndorsementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loader: PracticeAccess,
    private readonly events: EventStore,
  ) {}

  async endorse(user: AuthUser, practiceId: string, note: string): Promise<EndorsementStateDto> {
    const found = await this.loader.read(user, practiceId);
    requireMayEndorse(user, found);
    const { practice } = found;
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
    const found = await this.loader.read(user, practiceId);
    requireMayWithdraw(found);
    const { practice } = found;
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

  async list(user: AuthUser, practiceId: string, page: PageQueryDto): Promise<Page<EndorsementDto>> {
    await this.loader.read(user, practiceId);
    const endorsements = EntityRows.of(this.dataSource, PracticeEndorsement, 'e');
    const endorsers = EntityRows.of(this.dataSource, User, 'u', PUBLIC_PROFILE_FIELDS);
    const { rows, nextCursor } = await NEWEST_FIRST.fetchRows(
      this.dataSource,
      {
        select: `${endorsements.select}, ${endorsers.select}`,
        from: 'practice_endorsements e JOIN users u ON u.id = e.user_id',
        where: 'e.practice_id = :practiceId',
        params: { practiceId },
      },
      page,
    );
    const items = rows.map((row) => {
      const endorsement = endorsements.from(row)!;
      return {
        user: toPublicProfile(endorsers.from(row)!),
        organisation: endorsement.organisation,
        note: endorsement.note,
        createdAt: endorsement.createdAt.toISOString(),
      };
    });
    return { items, nextCursor };
  }
}
