import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { FOREIGN_KEY_VIOLATION, hasSqlState } from '../database/database-errors.js';
import { Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { AccessService } from './access.service.js';
import { ArchivedCollaborative } from './archived-collaborative.js';
import type { AddMemberDto, MemberDto } from './dto/membership.dto.js';
import { Membership } from './membership.entity.js';
import { deleteMember, upsertMember } from './membership-writes.js';

// A person is a member once per collaborative: the user id is the unique tiebreak.
const OLDEST_FIRST = new Keyset(
  [
    { sql: 'm.created_at', kind: 'timestamp' },
    { sql: 'm.user_id', kind: 'uuid' },
  ],
  'ASC',
);

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
      .where('m.collaborative_id = :collaborativeId', { collaborativeId });
    const { rows, nextCursor } = await OLDEST_FIRST.fetchEntities(qb, query);
    return {
      items: rows.map(({ entity: membership }) => ({
        user: toPublicProfile(membership.user!),
        role: membership.role,
        joinedAt: membership.createdAt.toISOString(),
      })),
      nextCursor,
    };
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
      if (hasSqlState(error, FOREIGN_KEY_VIOLATION)) throw new NotFoundException('No user with this id.');
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
