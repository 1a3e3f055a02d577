import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';

import { decodeCursor, exactTimestamp, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type MarkReadDto, type NotificationDto, toNotificationDto } from './dto/notification.dto.js';
import { Notification } from './notification.entity.js';

/** A person's own notifications: newest first, unread count, marking read. */
@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async list(caller: AuthUser, query: PageQueryDto): Promise<Page<NotificationDto>> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .leftJoinAndSelect('n.actor', 'actor')
      .addSelect(exactTimestamp('n.created_at'), 'sort_key')
      .where('n.user_id = :userId', { userId: caller.id })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(query.limit + 1);
    if (query.cursor) {
      const [time, id] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(n.created_at, n.id) < (CAST(:time AS timestamptz), :id)', { time, id });
    }
    const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((notification, index) => ({ notification, sortKey: raw[index]!.sort_key }));
    return toPage(
      rows,
      query.limit,
      (row) => [row.sortKey, row.notification.id],
      (row) => toNotificationDto(row.notification),
    );
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
