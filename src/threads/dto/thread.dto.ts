import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { PageOf } from '../../common/pagination.js';
import { HIDDEN_NOTICE, HIDDEN_NOTICE_HTML } from '../../content/hidden-notice.js';
import { PublicProfileDto, toPublicProfile } from '../../users/dto/profile.dto.js';
import { type Thread, THREAD_KINDS, type ThreadKind } from '../thread.entity.js';
import { ReplyPageDto, ReplyViewDto } from './reply.dto.js';

/** A thread in a list: everything but the body. */
export class ThreadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) collaborativeId: string;
  @ApiProperty({ enum: THREAD_KINDS }) kind: ThreadKind;
  @ApiProperty({ description: '`[deleted]` once deleted.' }) title: string;
  @ApiProperty({ type: [String], example: ['elective-recovery', 'diagnostics'] }) tags: string[];
  @ApiProperty({ type: PublicProfileDto, nullable: true, description: 'Null once deleted.' })
  author: PublicProfileDto | null;
  @ApiProperty() replyCount: number;
  @ApiProperty() voteCount: number;
  @ApiProperty({ description: 'Distinct signed-in readers other than the author.' }) viewCount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acceptedReplyId: string | null;
  @ApiProperty() isPinned: boolean;
  @ApiProperty({ description: 'A locked thread takes no new replies.' }) isLocked: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'Creation or the latest reply.' }) lastActivityAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
  @ApiProperty({
    description: 'Hidden by moderators: readers see a notice; its author and moderators see the content.',
  })
  hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was hidden; only for its author and moderators.' })
  hiddenReason: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Merged into this thread by moderators: follow it there.',
  })
  mergedIntoId: string | null;
}

/** A whole thread, as every reader sees it (and as live events carry it). */
export class ThreadDto extends ThreadSummaryDto {
  @ApiProperty({ description: 'Markdown as written; empty once deleted.' }) body: string;
  @ApiProperty({ description: 'Sanitised HTML rendered from the body.' }) bodyHtml: string;
}

/** What the caller has done and may do here. */
export class ThreadViewerDto {
  @ApiProperty() voted: boolean;
  @ApiProperty({ description: 'Whether you follow the thread’s collaborative.' }) followsCollaborative: boolean;
  @ApiProperty({ description: 'Whether you follow this thread (PUT /api/threads/:id/follow).' }) followsThread: boolean;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canDelete: boolean;
  @ApiProperty() canReply: boolean;
  @ApiProperty({ description: 'Mark or unmark the accepted answer (questions only).' }) canAcceptAnswer: boolean;
  @ApiProperty({ description: 'Pin and lock (leads of the collaborative and site moderators).' }) canModerate: boolean;
}

export class ThreadDetailDto extends ThreadDto {
  @ApiProperty({ type: ReplyViewDto, nullable: true, description: 'The accepted answer, shown first.' })
  acceptedReply: ReplyViewDto | null;
  @ApiProperty({ type: ThreadViewerDto }) viewer: ThreadViewerDto;
  @ApiPropertyOptional({
    type: () => ReplyPageDto,
    description:
      'Only with `?include=replies`: the first page of replies, as `GET /api/threads/{id}/replies` gives it.',
  })
  replies?: ReplyPageDto;
}

/** The columns a summary is made from (no body): all a list of threads reads. */
export const THREAD_SUMMARY_FIELDS = [
  'id',
  'collaborativeId',
  'authorId',
  'kind',
  'title',
  'tags',
  'replyCount',
  'voteCount',
  'viewCount',
  'acceptedReplyId',
  'isPinned',
  'isLocked',
  'createdAt',
  'lastActivityAt',
  'editedAt',
  'deletedAt',
  'hiddenAt',
  'hiddenReason',
  'mergedIntoId',
] as const satisfies ReadonlyArray<keyof Thread>;
export type ThreadSummarySource = Pick<Thread, (typeof THREAD_SUMMARY_FIELDS)[number] | 'author'>;

/**
 * `author` is the thread's author as loaded with it; a deleted thread shows none. A
 * hidden thread shows a notice unless `showHidden` (its author, moderators).
 */
export function toThreadSummary(thread: ThreadSummarySource, showHidden = false): ThreadSummaryDto {
  const deleted = thread.deletedAt !== null;
  const masked = !deleted && thread.hiddenAt !== null && !showHidden;
  return {
    id: thread.id,
    collaborativeId: thread.collaborativeId,
    kind: thread.kind,
    title: masked ? HIDDEN_NOTICE : thread.title,
    tags: masked ? [] : thread.tags,
    author: !deleted && thread.author ? toPublicProfile(thread.author) : null,
    replyCount: thread.replyCount,
    voteCount: thread.voteCount,
    viewCount: thread.viewCount,
    acceptedReplyId: thread.acceptedReplyId,
    isPinned: thread.isPinned,
    isLocked: thread.isLocked,
    createdAt: thread.createdAt.toISOString(),
    lastActivityAt: thread.lastActivityAt.toISOString(),
    editedAt: thread.editedAt?.toISOString() ?? null,
    deletedAt: thread.deletedAt?.toISOString() ?? null,
    hidden: thread.hiddenAt !== null,
    hiddenReason: showHidden ? thread.hiddenReason : null,
    mergedIntoId: thread.mergedIntoId,
  };
}

export function toThreadDto(thread: Thread, showHidden = false): ThreadDto {
  const masked = thread.deletedAt === null && thread.hiddenAt !== null && !showHidden;
  return {
    ...toThreadSummary(thread, showHidden),
    body: masked ? '' : thread.body,
    bodyHtml: masked ? HIDDEN_NOTICE_HTML : thread.bodyHtml,
  };
}

export class ThreadSummaryPageDto extends PageOf(ThreadSummaryDto) {}
