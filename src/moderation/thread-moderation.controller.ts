import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { ThreadDetailDto } from '../threads/dto/thread.dto.js';
import { MergeThreadDto, MoveThreadDto, ReasonDto } from './dto/action.dto.js';
import { ThreadModeration } from './thread-moderation.service.js';

const WHO = '(leads of its collaborative and site moderators)';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('threads/:id')
export class ThreadModerationController {
  constructor(private readonly threads: ThreadModeration) {}

  @Post('lock')
  @HttpCode(200)
  @ApiOperation({ summary: `Lock a thread: no new replies ${WHO}.` })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  lock(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.lock(user, id, dto.reason, true);
  }

  @Post('unlock')
  @HttpCode(200)
  @ApiOperation({ summary: `Unlock a thread ${WHO}.` })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unlock(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.lock(user, id, dto.reason, false);
  }

  @Post('pin')
  @HttpCode(200)
  @ApiOperation({ summary: `Pin a thread to the top of its collaborative ${WHO}.` })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  pin(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.pin(user, id, dto.reason, true);
  }

  @Post('unpin')
  @HttpCode(200)
  @ApiOperation({ summary: `Unpin a thread ${WHO}.` })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unpin(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.pin(user, id, dto.reason, false);
  }

  @Post('move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a thread to another collaborative (you must moderate both).' })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  move(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveThreadDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.move(user, id, dto.reason, dto.collaborativeId);
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge a duplicate thread into another: its posts move there and it redirects (`mergedIntoId`). Answers the thread merged into.',
  })
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  merge(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergeThreadDto,
  ): Promise<ThreadDetailDto> {
    return this.threads.merge(user, id, dto.reason, dto.intoThreadId);
  }
}
