import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { CommentsService } from './comments.service.js';
import { CommentDto, CommentPageDto, CommentRevisionPageDto, WriteCommentDto } from './dto/comment.dto.js';

@ApiTags('practices')
@ApiBearerAuth()
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post('practices/:id/comments')
  @ApiOperation({ summary: 'Comment on a published case study.' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WriteCommentDto) {
    return this.comments.comment(user, id, dto.body);
  }

  @Get('practices/:id/comments')
  @ApiOperation({ summary: 'Comments, oldest first.' })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.comments.list(user, id, query);
  }

  @Patch('comments/:id')
  @ApiOperation({ summary: 'Edit your comment; the previous text is kept.' })
  @ApiOkResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  edit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WriteCommentDto) {
    return this.comments.edit(user, id, dto.body);
  }

  @Delete('comments/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete your comment: a tombstone stays (moderators: POST /api/comments/{id}/delete, with a reason).',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.comments.remove(user, id);
  }

  @Get('comments/:id/revisions')
  @ApiOperation({
    summary: "A comment's earlier versions, newest first (while it is hidden: for its author and moderators only).",
  })
  @ApiOkResponse({ type: CommentRevisionPageDto })
  @ApiProblems(400, 401, 404)
  revisions(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.comments.revisions(user, id, query);
  }
}
