import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsString, IsUUID, MaxDate, MaxLength, MinDate } from 'class-validator';

import type { AuditRecord } from '../../audit/audit-record.entity.js';
import { PageOf, PageQueryDto } from '../../common/pagination.js';
import { Optional, ToDate } from '../../common/transforms.js';

// PostgreSQL's range is narrower than JavaScript's: out-of-range dates are a 400, never a database error.
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Who acted.' })
  @Optional()
  @IsUUID('all', { message: 'actorId must be a user id (UUID)' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'reply', description: 'thread, reply, practice, comment or user.' })
  @Optional()
  @IsString()
  @MaxLength(20)
  targetType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId?: string;

  @ApiPropertyOptional({ example: 'reply.hide' })
  @Optional()
  @IsString()
  @MaxLength(40)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'collaborativeId must be a collaborative id (UUID)' })
  collaborativeId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'On or after this time.' })
  @Optional()
  @ToDate()
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  @MinDate(EARLIEST, { message: 'from must be in the year 2000 or later' })
  @MaxDate(LATEST, { message: 'from must be before the year 10000' })
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Before this time.' })
  @Optional()
  @ToDate()
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  @MinDate(EARLIEST, { message: 'to must be in the year 2000 or later' })
  @MaxDate(LATEST, { message: 'to must be before the year 10000' })
  to?: Date;
}

export class AuditRecordDto {
  @ApiProperty({ description: 'Increasing id, as a decimal string.' }) id: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null when the forum acted by itself (hidden after reports).',
  })
  actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ example: 'reply.hide' }) action: string;
  @ApiProperty() targetType: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborativeId: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Object, description: 'The changed fields before.' }) before: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'The changed fields after.' }) after: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditPageDto extends PageOf(AuditRecordDto) {}

export function toAuditRecordDto(record: AuditRecord, actorName: string | null): AuditRecordDto {
  return {
    id: String(record.id),
    actorId: record.actorId,
    actorName,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    collaborativeId: record.collaborativeId,
    reason: record.reason,
    before: record.before,
    after: record.after,
    createdAt: record.createdAt.toISOString(),
  };
}
