import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import type { Page } from '../common/pagination.js';
import { Keyset } from '../database/keyset.js';
import { MailMessage } from '../outbox/mail-message.entity.js';
import type { ListMailQuery } from './dto/list-mail.query.js';
import { type MailMessageDto, toMailMessageDto } from './dto/mail-message.dto.js';
import { MailQueue } from './mail-queue.service.js';

const NEWEST_FIRST = new Keyset([
  { sql: 'm.created_at', kind: 'timestamp' },
  { sql: 'm.id', kind: 'uuid' },
]);

/** What admins see of the mail channel: every message's fate, and a second chance for failed ones. */
@Injectable()
export class MailAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
    private readonly clock: Clock,
  ) {}

  async list(query: ListMailQuery): Promise<Page<MailMessageDto>> {
    const qb = this.dataSource.getRepository(MailMessage).createQueryBuilder('m');
    if (query.status) qb.where('m.status = :status', { status: query.status });
    const { rows, nextCursor } = await NEWEST_FIRST.fetchEntities(qb, query);
    return { items: rows.map((row) => toMailMessageDto(row.entity)), nextCursor };
  }

  /** Queues a failed message again, with its Message-ID, and MAIL_GIVE_UP_HOURS from now. */
  async retry(id: string): Promise<MailMessageDto> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager
        .getRepository(MailMessage)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id })
        .getOne();
      if (!message) throw new NotFoundException('No email has this id.');
      if (message.status !== 'failed') {
        throw new ConflictException(
          `Only a failed email can be retried; this one is ${message.status === 'sent' ? 'already sent' : 'still being tried'}.`,
        );
      }
      if (message.data === null) {
        throw new ConflictException('This email can no longer be sent again: its content was cleared.');
      }
      const now = this.clock.now();
      await manager.update(MailMessage, { id }, { status: 'pending', retriedAt: now, nextAttemptAt: now });
      await this.queue.reschedule(manager, id);
      return toMailMessageDto({ ...message, status: 'pending' });
    });
  }
}
