import { ApiProperty } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import { HIDDEN_NOTICE_HTML } from '../../content/hidden-notice.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import type { Reply } from '../reply.entity.js';

/** A reply as every reader sees it (and as live events carry it). */
export class ReplyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ description: '1 for the first reply of the thread, then 2, 3…' }) position: number;
  @ApiProperty({ type: PublicProfileDto, nullable: true, description: 'Null once deleted.' })
  author: PublicProfileDto | null;
  @ApiProperty({ description: 'Markdown as written; empty once deleted.' }) body: string;
  @ApiProperty({ description: 'Sanitised HTML rendered from the body.' }) bodyHtml: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) quotedReplyId: string | null;
  @ApiProperty() voteCount: number;
  @ApiProperty({ description: 'The accepted answer of its question.' }) isAccepted: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({
    description: 'Hidden by moderators: readers see a notice; its author and moderators see the content.',
  })
  hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden; only for its author and moderators.' })
  hiddenReason: string | null;
}

/** A reply as the caller sees it. */
export class ReplyViewDto extends ReplyDto {
  @ApiProperty({ description: 'Whether you voted for it.' }) voted: boolean;
}

/**
 * `reply.author` must be loaded; `acceptedReplyId` is its thread's. A hidden reply
 * shows a notice unless `showHidden` (its author, moderators).
 */
export function toReplyDto(reply: Reply, acceptedReplyId: string | null, showHidden = false): ReplyDto {
  const deleted = reply.deletedAt !== null;
  const masked = !deleted && reply.hiddenAt !== null && !showHidden;
  return {
    id: reply.id,
    threadId: reply.threadId,
    position: reply.position,
    author: !deleted && reply.author ? toPublicProfile(reply.author) : null,
    body: masked ? '' : reply.body,
    bodyHtml: masked ? HIDDEN_NOTICE_HTML : reply.bodyHtml,
    quotedReplyId: reply.quotedReplyId,
    voteCount: reply.voteCount,
    isAccepted: reply.id === acceptedReplyId,
    createdAt: reply.createdAt.toISOString(),
    editedAt: reply.editedAt?.toISOString() ?? null,
    deletedAt: reply.deletedAt?.toISOString() ?? null,
    hidden: reply.hiddenAt !== null,
    hiddenReason: showHidden ? reply.hiddenReason : null,
  };
}

export class ReplyPageDto extends PageOf(ReplyViewDto) {}
