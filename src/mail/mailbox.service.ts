import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { Page } from '../common/pagination.js';
import { AppConfig } from '../config/app-config.js';
import { Keyset } from '../database/keyset.js';
import { MailMessage } from '../outbox/mail-message.entity.js';
import type { MailTemplateName } from '../outbox/mail-templates.js';
import type { MailboxQuery } from './dto/list-mail.query.js';
import type { MailboxMessageDto } from './dto/mailbox-message.dto.js';
import { MailTemplates } from './mail-templates.service.js';

const NEWEST_FIRST = new Keyset([
  { sql: 'm.created_at', kind: 'timestamp' },
  { sql: 'm.id', kind: 'uuid' },
]);

/**
 * The development mailbox: what the forum would have emailed, rendered from the stored
 * variables. Only with MAIL_TRANSPORT=mailbox and outside production, since it shows
 * everyone's codes and links to anyone who asks.
 */
@Injectable()
export class MailboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
    private readonly config: AppConfig,
  ) {}

  get isOpen(): boolean {
    return this.config.mail.transport === 'mailbox' && this.config.nodeEnv !== 'production';
  }

  async list(query: MailboxQuery): Promise<Page<MailboxMessageDto>> {
    if (!this.isOpen) {
      throw new NotFoundException(
        'The development mailbox is off: it exists only with MAIL_TRANSPORT=mailbox outside production.',
      );
    }
    const qb = this.dataSource
      .getRepository(MailMessage)
      .createQueryBuilder('m')
      .where(`m.transport = 'mailbox'`)
      .andWhere('m.data IS NOT NULL');
    if (query.to) qb.andWhere('m.to_address = :to', { to: query.to });
    const { rows, nextCursor } = await NEWEST_FIRST.fetchEntities(qb, query);
    return { items: rows.map((row) => this.rendered(row.entity)), nextCursor };
  }

  private rendered(message: MailMessage): MailboxMessageDto {
    const { subject, text } = this.templates.render(message.template as MailTemplateName, message.data as never, {
      to: message.toAddress,
      publicUrl: this.config.publicUrl,
    });
    return {
      id: message.id,
      messageId: message.messageId,
      to: message.toAddress,
      subject,
      text,
      createdAt: message.createdAt.toISOString(),
    };
  }
}
