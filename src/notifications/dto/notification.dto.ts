import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, Equals, IsArray, IsBoolean, IsUUID, ValidateIf } from 'class-validator';

import { PageOf } from '../../common/pagination.js';
import { Optional } from '../../common/transforms.js';
import type { Notification } from '../notification.entity.js';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'reply',
    description: 'reply, answer-accepted, new-thread, new-practice, mention, join-request, moderation',
  })
  type: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional() excerpt?: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborativeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) threadId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) practiceId: string | null;
  @ApiProperty() read: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto extends PageOf(NotificationDto) {}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 500 })
  @ValidateIf((dto: MarkReadDto) => dto.all === undefined)
  @IsArray()
  @ArrayNotEmpty({ message: 'send ids (a non-empty list) or all: true' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each id must be a notification id (UUID)' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Mark every notification read.' })
  @Optional()
  @IsBoolean()
  @Equals(true, { message: 'all must be true when sent' })
  all?: boolean;
}

export function toNotificationDto(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    type: notification.type,
    title: notification.data.title,
    ...(notification.data.excerpt ? { excerpt: notification.data.excerpt } : {}),
    actorId: notification.actorId,
    actorName: notification.actor?.displayName ?? null,
    collaborativeId: notification.collaborativeId,
    threadId: notification.threadId,
    practiceId: notification.practiceId,
    read: notification.readAt !== null,
    createdAt: notification.createdAt.toISOString(),
  };
}
