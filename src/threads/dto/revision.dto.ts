import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import type { ReplyRevision, ThreadRevision } from '../revision.entities.js';

/** The content as it was before edit `number`, which `editor` made at `editedAt`. */
export class ReplyRevisionDto {
  @ApiProperty({ description: '1 for the first edit, then 2, 3…' }) number: number;
  @ApiProperty() body: string;
  @ApiProperty() bodyHtml: string;
  @ApiProperty({ type: PublicProfileDto, description: 'Who made the edit.' }) editor: PublicProfileDto;
  @ApiProperty({ format: 'date-time', description: 'When the edit replaced this version.' }) editedAt: string;
}

export class ThreadRevisionDto extends ReplyRevisionDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) tags: string[];
}

export class ThreadRevisionPageDto extends PageOf(ThreadRevisionDto) {}
export class ReplyRevisionPageDto extends PageOf(ReplyRevisionDto) {}

export function toReplyRevision(revision: ReplyRevision | ThreadRevision): ReplyRevisionDto {
  return {
    number: revision.number,
    body: revision.body,
    bodyHtml: revision.bodyHtml,
    editor: toPublicProfile(revision.editor!),
    editedAt: revision.createdAt.toISOString(),
  };
}

export function toThreadRevision(revision: ThreadRevision): ThreadRevisionDto {
  return { ...toReplyRevision(revision), title: revision.title, tags: revision.tags };
}
