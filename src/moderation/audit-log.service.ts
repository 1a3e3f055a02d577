import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditRecord } from '../audit/audit-record.entity.js';
import { AccessService } from '../collaboratives/access.service.js';
import type { Page } from '../common/pagination.js';
import { Keyset } from '../database/keyset.js';
import type { AuthUser } from '../identity/auth-user.js';
import { User } from '../users/user.entity.js';
import { type AuditQueryDto, type AuditRecordDto, toAuditRecordDto } from './dto/audit.dto.js';

// Ids increase in insertion order: the id alone is an exact keyset.
const NEWEST_FIRST = new Keyset([{ sql: 'a.id', kind: 'bigint' }]);

/**
 * Reading the audit log, newest first. Admins and site moderators read every record
 * (moderators act everywhere, so they need the whole history to act consistently);
 * leads read the records of collaboratives they lead; everyone else is refused. There is
 * no way to change a record: no route writes here, and the table refuses UPDATE and DELETE.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditRecordDto>> {
    const led = await this.access.moderatedCollaborativeIds(user);
    if (led !== null && led.length === 0)
      throw new ForbiddenException('The audit log is for admins, site moderators and collaborative leads.');
    const qb = this.dataSource
      .createQueryBuilder(AuditRecord, 'a')
      .leftJoin(User, 'actor', 'actor.id = a.actorId')
      .addSelect('actor.displayName', 'actor_name');
    if (led !== null) qb.andWhere('a.collaborative_id = ANY(:led::uuid[])', { led });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.targetType) qb.andWhere('a.target_type = :targetType', { targetType: query.targetType });
    if (query.targetId) qb.andWhere('a.target_id = :targetId', { targetId: query.targetId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.collaborativeId)
      qb.andWhere('a.collaborative_id = :collaborativeId', { collaborativeId: query.collaborativeId });
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at < :to', { to: query.to });
    const { rows, nextCursor } = await NEWEST_FIRST.fetchEntities<AuditRecord, { actor_name: string | null }>(
      qb,
      query,
    );
    return {
      items: rows.map((row) => toAuditRecordDto(row.entity, row.raw.actor_name ?? null)),
      nextCursor,
    };
  }
}
