import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';

import type { Page, PageQueryDto } from '../common/pagination.js';
import { Keyset } from '../database/keyset.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type MarkReadDto, type NotificationDto, toNotificationDto } from './dto/notification.dto.js';
import { Notification } from './notification.entity.js';

const NEWEST_FIRST = new Keyset([
  { sql: 'n.created_at', kind: 'timestamp' },
  { sql: 'n.id', kind: 'uuid' },
]);

/** A person's own notifications: newest first, unread count, marking read. */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async list(caller: AuthUser, query: PageQueryDto): Promise<Page<NotificationDto>> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .leftJoinAndSelect('n.actor', 'actor')
      .where('n.user_id = :userId', { userId: caller.id });
    const { rows, nextCursor } = await NEWEST_FIRST.fetchEntities(qb, query);
    return { items: rows.map((row) => toNotificationDto(row.entity)), nextCursor };
  }

  async unreadCount(caller: AuthUser): Promise<number> {
    return this.notifications.countBy({ userId: caller.id, readAt: IsNull() });
  }

  /** Marks the given ones (only the caller's own count) or all read; answers the new unread count. */
  async markRead(caller: AuthUser, dto: MarkReadDto): Promise<number> {
    const where = dto.all
      ? { userId: caller.id, readAt: IsNull() }
      : { userId: caller.id, readAt: IsNull(), id: In(dto.ids ?? []) };
    await this.notifications.update(where, { readAt: new Date() });
    return this.unreadCount(caller);
  }
}
