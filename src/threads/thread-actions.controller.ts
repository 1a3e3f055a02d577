import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { type Page, PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { AnswersService } from './answers.service.js';
import {
  type ReplyRevisionDto,
  ReplyRevisionPageDto,
  type ThreadRevisionDto,
  ThreadRevisionPageDto,
} from './dto/revision.dto.js';
import { ThreadDetailDto } from './dto/thread.dto.js';
import { VoteStateDto } from './dto/vote.dto.js';
import { AcceptReplyDto } from './dto/write-reply.dto.js';
import { RevisionsService } from './revisions.service.js';
import { VotesService } from './votes.service.js';

/** What people do to a thread or reply besides writing it: answers, votes, history. Pinning and locking are moderation's. */
@ApiTags('threads')
@ApiBearerAuth()
@Controller()
export class ThreadActionsController {
  constructor(
    private readonly answers: AnswersService,
    private readonly votes: VotesService,
    private readonly revisions: RevisionsService,
  ) {}

  @Put('threads/:id/accepted-reply')
  @ApiOperation({ summary: 'Mark the accepted answer of your question (leads and moderators may too).' })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptReplyDto,
  ): Promise<ThreadDetailDto> {
    return this.answers.choose(user, id, dto.replyId);
  }

  @Delete('threads/:id/accepted-reply')
  @ApiOperation({ summary: 'Unmark the accepted answer.' })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unaccept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ThreadDetailDto> {
    return this.answers.choose(user, id, null);
  }

  @Put('threads/:id/vote')
  @ApiOperation({ summary: 'Vote for a thread (once; not your own).' })
  @ApiOkResponse({ type: VoteStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  voteThread(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<VoteStateDto> {
    return this.votes.onThread(user, id, true);
  }

  @Delete('threads/:id/vote')
  @ApiOperation({ summary: 'Withdraw your vote for a thread.' })
  @ApiOkResponse({ type: VoteStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unvoteThread(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<VoteStateDto> {
    return this.votes.onThread(user, id, false);
  }

  @Put('replies/:id/vote')
  @ApiOperation({ summary: 'Vote for a reply (once; not your own).' })
  @ApiOkResponse({ type: VoteStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  voteReply(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<VoteStateDto> {
    return this.votes.onReply(user, id, true);
  }

  @Delete('replies/:id/vote')
  @ApiOperation({ summary: 'Withdraw your vote for a reply.' })
  @ApiOkResponse({ type: VoteStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unvoteReply(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<VoteStateDto> {
    return this.votes.onReply(user, id, false);
  }

  @Get('threads/:id/revisions')
  @ApiOperation({ summary: "A thread's earlier versions, newest first." })
  @ApiOkResponse({ type: ThreadRevisionPageDto })
  @ApiProblems(400, 401, 404)
  threadRevisions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ThreadRevisionDto>> {
    return this.revisions.ofThread(user, id, query);
  }

  @Get('replies/:id/revisions')
  @ApiOperation({ summary: "A reply's earlier versions, newest first." })
  @ApiOkResponse({ type: ReplyRevisionPageDto })
  @ApiProblems(400, 401, 404)
  replyRevisions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReplyRevisionDto>> {
    return this.revisions.ofReply(user, id, query);
  }
}
