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
import { type Page, PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { ReplyPageDto, ReplyViewDto } from './dto/reply.dto.js';
import { CreateReplyDto, UpdateReplyDto } from './dto/write-reply.dto.js';
import { RepliesService } from './replies.service.js';

@ApiTags('replies')
@ApiBearerAuth()
@Controller()
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post('threads/:id/replies')
  @ApiOperation({
    summary:
      'Reply to a thread, optionally quoting another reply of it. Not on a locked thread or in an archived collaborative.',
  })
  @ApiCreatedResponse({ type: ReplyViewDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateReplyDto,
  ): Promise<ReplyViewDto> {
    return this.replies.reply(user, id, dto);
  }

  @Get('threads/:id/replies')
  @ApiOperation({ summary: "A thread's replies, oldest first; deleted ones stay in place as tombstones." })
  @ApiOkResponse({ type: ReplyPageDto })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReplyViewDto>> {
    return this.replies.list(user, id, query);
  }

  @Patch('replies/:id')
  @ApiOperation({ summary: 'Edit your reply; the previous version is kept.' })
  @ApiOkResponse({ type: ReplyViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateReplyDto,
  ): Promise<ReplyViewDto> {
    return this.replies.edit(user, id, dto);
  }

  @Delete('replies/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your reply (or, as a moderator, any): it becomes a tombstone.' })
  @ApiNoContentResponse({ description: 'Deleted (or already deleted).' })
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.replies.remove(user, id);
  }
}
