import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { CommentDto } from '../practices/dto/comment.dto.js';
import { PracticeDetailDto } from '../practices/dto/practice.dto.js';
import { ReplyViewDto } from '../threads/dto/reply.dto.js';
import { ContentModeration } from './content-moderation.service.js';
import { ReasonDto } from './dto/action.dto.js';

/** Hide and restore replies, case studies and comments, and delete those and threads: leads of their collaborative and site moderators. */
@ApiTags('moderation')
@ApiBearerAuth()
@ApiExtraModels(ReplyViewDto, PracticeDetailDto, CommentDto)
@Controller()
export class ContentModerationController {
  constructor(private readonly content: ContentModeration) {}

  @Post('replies/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a reply: readers see a notice; its author and moderators still see it.' })
  @ApiOkResponse({ type: ReplyViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  hideReply(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.hide(user, 'reply', id, dto.reason) as Promise<ReplyViewDto>;
  }

  @Post('replies/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a hidden reply again.' })
  @ApiOkResponse({ type: ReplyViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  restoreReply(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.restore(user, 'reply', id, dto.reason) as Promise<ReplyViewDto>;
  }

  @Post('practices/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a case study: readers see a notice; its authors and moderators still see it.' })
  @ApiOkResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  hidePractice(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.hide(user, 'practice', id, dto.reason) as Promise<PracticeDetailDto>;
  }

  @Post('practices/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a hidden case study again.' })
  @ApiOkResponse({ type: PracticeDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  restorePractice(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.restore(user, 'practice', id, dto.reason) as Promise<PracticeDetailDto>;
  }

  @Post('comments/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hide a comment: readers see a notice; its author and moderators still see it.' })
  @ApiOkResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  hideComment(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.hide(user, 'comment', id, dto.reason) as Promise<CommentDto>;
  }

  @Post('comments/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Show a hidden comment again.' })
  @ApiOkResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  restoreComment(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.content.restore(user, 'comment', id, dto.reason) as Promise<CommentDto>;
  }

  @Post('threads/:id/delete')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a thread as a moderator: a tombstone for everyone; the words stay only in the audit record, and its author is told the reason.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  deleteThread(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<void> {
    return this.content.delete(user, 'thread', id, dto.reason);
  }

  @Post('replies/:id/delete')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a reply as a moderator: a tombstone for everyone; the words stay only in the audit record, and its author is told the reason.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  deleteReply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<void> {
    return this.content.delete(user, 'reply', id, dto.reason);
  }

  @Post('practices/:id/delete')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a case study as a moderator: a tombstone for everyone; the words stay only in the audit record, and its author is told the reason.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  deletePractice(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<void> {
    return this.content.delete(user, 'practice', id, dto.reason);
  }

  @Post('comments/:id/delete')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a comment as a moderator: a tombstone for everyone; the words stay only in the audit record, and its author is told the reason.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  deleteComment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<void> {
    return this.content.delete(user, 'comment', id, dto.reason);
  }
}
