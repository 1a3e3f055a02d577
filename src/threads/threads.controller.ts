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
import { ShowThreadQueryDto } from './dto/show-thread.query.js';
import { ThreadDetailDto, type ThreadSummaryDto, ThreadSummaryPageDto } from './dto/thread.dto.js';
import { ThreadListQueryDto } from './dto/thread-list.query.js';
import { CreateThreadDto, UpdateThreadDto } from './dto/write-thread.dto.js';
import { ThreadListsService } from './thread-lists.service.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('threads')
@ApiBearerAuth()
@Controller()
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly lists: ThreadListsService,
  ) {}

  @Post('collaboratives/:id/threads')
  @ApiOperation({ summary: 'Ask a question or start a discussion in a collaborative.' })
  @ApiCreatedResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  ask(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateThreadDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.ask(user, id, dto);
  }

  @Get('collaboratives/:id/threads')
  @ApiOperation({
    summary: "A collaborative's threads: by activity (pinned first), newest, top or unanswered; optionally one tag.",
  })
  @ApiOkResponse({ type: ThreadSummaryPageDto })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ThreadListQueryDto,
  ): Promise<Page<ThreadSummaryDto>> {
    return this.lists.inCollaborative(user, id, query);
  }

  @Get('threads')
  @ApiOperation({ summary: 'Your feed: threads of every collaborative you follow, latest activity first.' })
  @ApiOkResponse({ type: ThreadSummaryPageDto })
  @ApiProblems(400, 401)
  feed(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<ThreadSummaryDto>> {
    return this.lists.feed(user, query);
  }

  @Get('threads/:id')
  @ApiOperation({
    summary:
      'A thread with its accepted answer, its author and what you may do; with `include=replies`, its first page of replies too.',
  })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 404)
  show(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ShowThreadQueryDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.show(user, id, query.include === 'replies' ? { replies: { limit: query.limit } } : {});
  }

  @Patch('threads/:id')
  @ApiOperation({ summary: 'Edit your thread (title, body, tags); the previous version is kept.' })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  edit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateThreadDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.edit(user, id, dto);
  }

  @Delete('threads/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete your thread (or, as a moderator, any): it becomes a tombstone and its replies stay.',
  })
  @ApiNoContentResponse({ description: 'Deleted (or already deleted).' })
  @ApiProblems(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.threads.remove(user, id);
  }
}
