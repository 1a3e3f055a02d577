import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../database/database-errors.js';
import { type KeyPart, Keyset } from '../database/keyset.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { AccessService } from './access.service.js';
import { ArchivedCollaborative } from './archived-collaborative.js';
import { Collaborative } from './collaborative.entity.js';
import type { CreateJoinRequestDto, JoinRequestDto, ListJoinRequestsQuery } from './dto/membership.dto.js';
import { JoinRequest } from './join-request.entity.js';
import { upsertMember } from './membership-writes.js';

const BY_CREATION: KeyPart[] = [
  { sql: 'r.created_at', kind: 'timestamp' },
  { sql: 'r.id', kind: 'uuid' },
];
const OLDEST_FIRST = new Keyset(BY_CREATION, 'ASC');
const NEWEST_FIRST = new Keyset(BY_CREATION, 'DESC');

function toDto(request: JoinRequest): JoinRequestDto {
  return {
    id: request.id,
    collaborativeId: request.collaborativeId,
    collaborativeName: request.collaborative!.name,
    requester: toPublicProfile(request.user!),
    message: request.message,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

/** Asking to join a collaborative, and its leads' answers. */
@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly events: EventStore,
  ) {}

  private query(): SelectQueryBuilder<JoinRequest> {
    return this.dataSource
      .createQueryBuilder(JoinRequest, 'r')
      .innerJoinAndMapOne('r.collaborative', Collaborative, 'c', 'c.id = r.collaborative_id')
      .innerJoinAndMapOne('r.user', User, 'u', 'u.id = r.user_id');
  }

  private async page(
    qb: SelectQueryBuilder<JoinRequest>,
    query: PageQueryDto,
    order: Keyset,
  ): Promise<Page<JoinRequestDto>> {
    const { rows, nextCursor } = await order.fetchEntities(qb, query);
    return { items: rows.map((row) => toDto(row.entity)), nextCursor };
  }

  async request(caller: AuthUser, collaborativeId: string, dto: CreateJoinRequestDto): Promise<JoinRequestDto> {
    const access = await this.access.lookup(caller, collaborativeId);
    if (!access) throw new NotFoundException('No collaborative with this id.');
    if (access.collaborative.archivedAt) throw new ArchivedCollaborative();
    if (access.membership) throw new ConflictException('You are already a member of this collaborative.');
    let id: string;
    try {
      const result = await this.dataSource
        .getRepository(JoinRequest)
        .insert({ collaborativeId, userId: caller.id, message: dto.message ?? '' });
      id = result.identifiers[0]!.id as string;
    } catch (error) {
      if (hasSqlState(error, UNIQUE_VIOLATION)) {
        throw new ConflictException('You already asked to join; the leads have not answered yet.');
      }
      throw error;
    }
    return toDto(await this.query().where('r.id = :id', { id }).getOneOrFail());
  }

  /** For the collaborative's leads and site staff: oldest first, so nobody waits forever. */
  async listForCollaborative(
    caller: AuthUser,
    collaborativeId: string,
    query: ListJoinRequestsQuery,
  ): Promise<Page<JoinRequestDto>> {
    await this.access.requireModerate(caller, collaborativeId);
    const qb = this.query().where('r.collaborative_id = :collaborativeId AND r.status = :status', {
      collaborativeId,
      status: query.status,
    });
    return this.page(qb, query, OLDEST_FIRST);
  }

  /** The caller's own requests and their outcomes, newest first. */
  mine(caller: AuthUser, query: PageQueryDto): Promise<Page<JoinRequestDto>> {
    return this.page(this.query().where('r.user_id = :userId', { userId: caller.id }), query, NEWEST_FIRST);
  }

  async decide(
    caller: AuthUser,
    collaborativeId: string,
    requestId: string,
    approve: boolean,
  ): Promise<JoinRequestDto> {
    const { collaborative } = await this.access.requireModerate(caller, collaborativeId);
    if (collaborative.archivedAt) throw new ArchivedCollaborative();
    const status = approve ? 'approved' : 'declined';
    await this.dataSource.transaction(async (manager) => {
      const [, updated] = await manager.query(
        `UPDATE join_requests SET status = $1, decided_by_id = $2, decided_at = now()
          WHERE id = $3 AND collaborative_id = $4 AND status = 'pending'`,
        [status, caller.id, requestId, collaborativeId],
      );
      if (updated === 0) await this.explainUndecidable(manager.getRepository(JoinRequest), requestId, collaborativeId);
      const request = await manager.findOneByOrFail(JoinRequest, { id: requestId });
      if (approve) await upsertMember(manager, this.events, collaborativeId, request.userId, 'member');
      await this.events.append(manager, {
        type: 'join-request.decided',
        userId: request.userId,
        payload: { requestId, collaborativeId, collaborativeName: collaborative.name, status },
      });
    });
    return toDto(await this.query().where('r.id = :id', { id: requestId }).getOneOrFail());
  }

  private async explainUndecidable(
    requests: { findOneBy(where: object): Promise<JoinRequest | null> },
    id: string,
    collaborativeId: string,
  ) {
    const request = await requests.findOneBy({ id, collaborativeId });
    if (!request) throw new NotFoundException('No join request with this id in this collaborative.');
    throw new ConflictException(`This request was already ${request.status}.`);
  }

  async withdraw(caller: AuthUser, requestId: string): Promise<void> {
    const [, updated] = await this.dataSource.query(
      `UPDATE join_requests SET status = 'withdrawn', decided_at = now() WHERE id = $1 AND user_id = $2 AND status = 'pending'`,
      [requestId, caller.id],
    );
    if (updated === 0) throw new NotFoundException('You have no pending join request with this id.');
  }
}
