import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';

import { PageOf } from '../../common/pagination.js';
import { Optional, Trim } from '../../common/transforms.js';
import { PublicProfileDto } from '../../users/dto/profile.dto.js';
import {
  REPORT_REASONS,
  REPORT_STATUSES,
  type ReportReason,
  type ReportStatus,
  type Resolution,
  RESOLUTIONS,
  TARGET_TYPES,
  type TargetType,
} from '../report.entity.js';

export class CreateReportDto {
  @ApiProperty({ enum: TARGET_TYPES })
  @IsIn(TARGET_TYPES, { message: `targetType must be one of ${TARGET_TYPES.join(', ')}` })
  targetType: TargetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'targetId must be the id (UUID) of what you report' })
  targetId: string;

  @ApiProperty({
    enum: REPORT_REASONS,
    description: '`patient-identifiable-data` hides the item at once, pending review.',
  })
  @IsIn(REPORT_REASONS, { message: `reason must be one of ${REPORT_REASONS.join(', ')}` })
  reason: ReportReason;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What moderators should know.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  details?: string;
}

export class ResolveReportDto {
  @ApiProperty({
    enum: RESOLUTIONS,
    description: '`edit-request` asks the author to change it. Applies to every open report on the same item.',
  })
  @IsIn(RESOLUTIONS, { message: `action must be one of ${RESOLUTIONS.join(', ')}` })
  action: Resolution;

  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Recorded in the audit log and sent to the author.' })
  @Trim()
  @IsString()
  @Length(3, 1000)
  note: string;
}

/** A report as its reporter and moderators see it. */
export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: TargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty() details: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: RESOLUTIONS, nullable: true }) resolution: Resolution | null;
  @ApiProperty({ description: 'Whether the item is hidden now (reports can hide it at once).' }) targetHidden: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class QueueReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PublicProfileDto }) reporter: PublicProfileDto;
  @ApiProperty({ enum: REPORT_REASONS }) reason: ReportReason;
  @ApiProperty() details: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuthorActionDto {
  @ApiProperty() action: string;
  @ApiProperty() targetType: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** One reported item with every open report on it. */
export class QueueItemDto {
  @ApiProperty({ enum: TARGET_TYPES }) targetType: TargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) collaborativeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) threadId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) practiceId: string | null;
  @ApiProperty({ type: PublicProfileDto, nullable: true }) author: PublicProfileDto | null;
  @ApiProperty({ type: Object, description: 'The content under review (title, body; a profile’s name and bio).' })
  content: Record<string, unknown>;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the oldest open report arrived.' }) oldestReportAt: string;
  @ApiProperty({ type: [QueueReportDto] }) reports: QueueReportDto[];
  @ApiProperty({
    type: [AuthorActionDto],
    description: "Moderators' earlier actions on the author's content or account, newest first (up to 10).",
  })
  authorHistory: AuthorActionDto[];
}

export class QueuePageDto extends PageOf(QueueItemDto) {}

export class ResolutionDto {
  @ApiProperty({ enum: RESOLUTIONS }) action: Resolution;
  @ApiProperty({ description: 'How many open reports on the item this resolved.' }) resolvedReports: number;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: TargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() targetHidden: boolean;
  @ApiProperty() targetDeleted: boolean;
  @ApiProperty() note: string;
}
