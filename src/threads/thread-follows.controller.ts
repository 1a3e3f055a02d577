import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { ThreadFollowsService } from './thread-follows.service.js';

@ApiTags('threads')
@ApiBearerAuth()
@Controller('threads/:id/follow')
export class ThreadFollowsController {
  constructor(private readonly follows: ThreadFollowsService) {}

  @Put()
  @HttpCode(204)
  @ApiOperation({ summary: 'Follow a thread: its new replies notify you (idempotent).' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  follow(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.follows.follow(user, id);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following a thread (idempotent).' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  unfollow(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.follows.unfollow(user, id);
  }
}
