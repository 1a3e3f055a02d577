import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length, MaxLength } from 'class-validator';

import { PageOf } from '../../common/pagination.js';
import { Optional, Trim } from '../../common/transforms.js';
import { HIDDEN_NOTICE_HTML } from '../../content/hidden-notice.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import type { PracticeComment } from '../practice-relations.entities.js';

export class WriteCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 10000, description: 'Markdown' })
  @IsString()
  @Length(1, 10000)
  body: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) practiceId: string;
  @ApiProperty({ type: PublicProfileDto, nullable: true }) author: PublicProfileDto | null;
  @ApiProperty() body: string;
  @ApiProperty() bodyHtml: string;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class CommentPageDto extends PageOf(CommentDto) {}

export class CommentRevisionDto {
  @ApiProperty() number: number;
  @ApiProperty() body: string;
  @ApiProperty({ type: PublicProfileDto }) editor: PublicProfileDto;
  @ApiProperty({ format: 'date-time' }) editedAt: string;
}

export class CommentRevisionPageDto extends PageOf(CommentRevisionDto) {}

export class EndorseDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'One line: "We tried this too", "Found useful"…' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class EndorsementDto {
  @ApiProperty({ type: PublicProfileDto }) user: PublicProfileDto;
  @ApiProperty() organisation: string;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EndorsementPageDto extends PageOf(EndorsementDto) {}

export class EndorsementStateDto {
  @ApiProperty() endorsed: boolean;
  @ApiProperty() endorsementCount: number;
}

export class AskAuthorsDto {
  @ApiProperty({ minLength: 5, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(5, 200)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 20000, description: 'Markdown' })
  @IsString()
  @Length(1, 20000)
  body: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Where to ask; defaults to the case study's collaborative (needed when it has none).",
  })
  @Optional()
  @IsUUID('all', { message: 'collaborativeId must be a collaborative id (UUID)' })
  collaborativeId?: string;
}

/** `comment.author` must be loaded; hidden comments show a notice except to `showHidden` readers. */
export function toCommentDto(comment: PracticeComment, showHidden = false): CommentDto {
  const deleted = comment.deletedAt !== null;
  const masked = deleted || (comment.hiddenAt !== null && !showHidden);
  return {
    id: comment.id,
    practiceId: comment.practiceId,
    author: deleted || !comment.author ? null : toPublicProfile(comment.author),
    body: masked ? '' : comment.body,
    bodyHtml: deleted ? '' : masked ? HIDDEN_NOTICE_HTML : comment.bodyHtml,
    hidden: comment.hiddenAt !== null,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    deletedAt: comment.deletedAt?.toISOString() ?? null,
  };
}
