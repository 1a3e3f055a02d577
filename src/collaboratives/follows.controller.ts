import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { CollaborativesService } from './collaboratives.service.js';
import { CollaborativePageDto } from './dto/collaborative.dto.js';
import { ListCollaborativesQuery } from './dto/list-collaboratives.query.js';
import { FollowLevelDto, JoinRequestPageDto } from './dto/membership.dto.js';
import { FollowsService } from './follows.service.js';
import { JoinRequestsService } from './join-requests.service.js';

/** The caller's own relationship to collaboratives: follows and join requests. */
@ApiTags('following')
@ApiBearerAuth()
@Controller()
export class FollowsController {
  constructor(
    private readonly follows: FollowsService,
    private readonly collaboratives: CollaborativesService,
    private readonly joinRequests: JoinRequestsService,
  ) {}

  @Put('collaboratives/:id/follow')
  @HttpCode(204)
  @ApiOperation({ summary: 'Follow a collaborative (idempotent). Members-only ones need membership.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  follow(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.follows.follow(caller, id);
  }

  @Patch('collaboratives/:id/follow')
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose which new posts of a followed collaborative notify you.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  setLevel(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FollowLevelDto) {
    return this.follows.setLevel(caller, id, dto.level);
  }

  @Delete('collaboratives/:id/follow')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following (idempotent).' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  unfollow(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.follows.unfollow(caller, id);
  }

  @Get('users/me/follows')
  @ApiOperation({ summary: 'The collaboratives you follow, by name.' })
  @ApiOkResponse({ type: CollaborativePageDto })
  @ApiProblems(400, 401)
  myFollows(@CurrentUser() caller: AuthUser, @Query() page: PageQueryDto) {
    const query = Object.assign(new ListCollaborativesQuery(), {
      limit: page.limit,
      cursor: page.cursor,
      following: true,
    });
    return this.collaboratives.list(caller, query);
  }

  @Get('users/me/join-requests')
  @ApiOperation({ summary: 'Your join requests and their outcomes, newest first.' })
  @ApiOkResponse({ type: JoinRequestPageDto })
  @ApiProblems(400, 401)
  myJoinRequests(@CurrentUser() caller: AuthUser, @Query() query: PageQueryDto) {
    return this.joinRequests.mine(caller, query);
  }

  @Delete('users/me/join-requests/:requestId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a pending join request.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  withdraw(@CurrentUser() caller: AuthUser, @Param('requestId', ParseUUIDPipe) requestId: string) {
    return this.joinRequests.withdraw(caller, requestId);
  }
}
