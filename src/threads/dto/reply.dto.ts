import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import type { Reply } from '../reply.entity.js';

/** A reply as every reader sees it (and as live events carry it). */
export class ReplyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ description: '1 for the first reply of the thread, then 2, 3…' }) position: number;
  @ApiProperty({ type: PublicProfileDto, nullable: true, description: 'Null once deleted.' }) author: PublicProfileDto | null;
  @ApiProperty({ description: 'Markdown as written; empty once deleted.' }) body: string;
  @ApiProperty({ description: 'Sanitised HTML rendered from the body.' }) bodyHtml: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) quotedReplyId: string | null;
  @ApiProperty() voteCount: number;
  @ApiProperty({ description: 'The accepted answer of its question.' }) isAccepted: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

/** A reply as the caller sees it. */
export class ReplyViewDto extends ReplyDto {
  @ApiProperty({ description: 'Whether you voted for it.' }) voted: boolean;
}

/** `reply.author` must be loaded; `acceptedReplyId` is its thread's. */
export function toReplyDto(reply: Reply, acceptedReplyId: string | null): ReplyDto {
  const deleted = reply.deletedAt !== null;
  return {
    id: reply.id,
    threadId: reply.threadId,
    position: reply.position,
    author: !deleted && reply.author ? toPublicProfile(reply.author) : null,
    body: reply.body,
    bodyHtml: reply.bodyHtml,
    quotedReplyId: reply.quotedReplyId,
    voteCount: reply.voteCount,
    isAccepted: reply.id === acceptedReplyId,
    createdAt: reply.createdAt.toISOString(),
    editedAt: reply.editedAt?.toISOString() ?? null,
    deletedAt: reply.deletedAt?.toISOString() ?? null,
  };
}

export class ReplyPageDto extends PageOf(ReplyViewDto) {}
