import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import type { MailMessage } from '../../outbox/mail-message.entity.js';
import { MAIL_CATEGORIES, MAIL_STATUSES, type MailCategory, type MailStatus } from '../../outbox/mail-templates.js';

/** A queued email as admins see it: where it went and how sending went, never its variables. */
export class MailMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The Message-ID header, the same on every attempt.' }) messageId: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: MAIL_CATEGORIES }) category: MailCategory;
  @ApiProperty() template: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status: MailStatus;
  @ApiProperty({ type: String, nullable: true, description: 'smtp or mailbox, once sent.' }) transport: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class MailMessagePageDto extends PageOf(MailMessageDto) {}

export function toMailMessageDto(message: MailMessage): MailMessageDto {
  return {
    id: message.id,
    messageId: message.messageId,
    to: message.toAddress,
    category: message.category,
    template: message.template,
    status: message.status,
    transport: message.transport,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}
