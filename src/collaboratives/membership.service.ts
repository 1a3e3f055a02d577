import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { decodeCursor, exactTimestamp, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { AccessService } from './access.service.js';
import { ArchivedCollaborative } from './archived-collaborative.js';
import type { AddMemberDto, MemberDto } from './dto/membership.dto.js';
import { Membership } from './membership.entity.js';
import { deleteMember, upsertMember } from './membership-writes.js';

const FOREIGN_KEY_VIOLATION = '23503';

/** Who belongs to a collaborative, and in which role. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly events: EventStore,
  ) {}

  async list(caller: AuthUser, collaborativeId: string, query: PageQueryDto): Promise<Page<MemberDto>> {
    await this.access.requireRead(caller, collaborativeId);
    const qb = this.dataSource
      .createQueryBuilder(Membership, 'm')
      .innerJoinAndMapOne('m.user', User, 'u', 'u.id = m.user_id')
      .addSelect(exactTimestamp('m.created_at'), 'sort_key')
      .where('m.collaborative_id = :collaborativeId', { collaborativeId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.user_id', 'ASC')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [time, userId] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(m.created_at, m.user_id) > (CAST(:time AS timestamptz), :userId)', { time, userId });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((membership, index) => ({ membership, sortKey: raw[index]!.sort_key }));
    return toPage(
      rows,
      query.limit,
      (row) => [row.sortKey, row.membership.userId],
      ({ membership }) => ({
        user: toPublicProfile(membership.user!),
        role: membership.role,
        joinedAt: membership.createdAt.toISOString(),
      }),
    );
  }

  /** Admins, site moderators and this collaborative's leads add members or change their role. */
  async add(caller: AuthUser, collaborativeId: string, dto: AddMemberDto): Promise<MemberDto> {
    const { collaborative } = await this.access.requireModerate(caller, collaborativeId);
    if (collaborative.archivedAt) throw new ArchivedCollaborative();
    try {
      await this.dataSource.transaction((manager) =>
        upsertMember(manager, this.events, collaborativeId, dto.userId, dto.role ?? 'member'),
      );
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
        throw new NotFoundException('No user with this id.');
      throw error;
    }
    const membership = await this.dataSource.getRepository(Membership).findOneOrFail({
      where: { collaborativeId, userId: dto.userId },
      relations: { user: true },
    });
    return {
      user: toPublicProfile(membership.user!),
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
    };
  }

  /** Leads and site staff remove anyone; any member may leave. */
  async remove(caller: AuthUser, collaborativeId: string, userId: string): Promise<void> {
    const { collaborative } =
      userId === caller.id
        ? await this.access.requireRead(caller, collaborativeId)
        : await this.access.requireModerate(caller, collaborativeId);
    if (collaborative.archivedAt) throw new ArchivedCollaborative();
    const removed = await this.dataSource.transaction((manager) =>
      deleteMember(manager, this.events, collaborativeId, userId, collaborative.visibility === 'members'),
    );
    if (!removed) throw new NotFoundException('This person is not a member of this collaborative.');
  }
}
