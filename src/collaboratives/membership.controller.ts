import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import {
  AddMemberDto,
  CreateJoinRequestDto,
  JoinRequestDto,
  JoinRequestPageDto,
  ListJoinRequestsQuery,
  MemberDto,
  MemberPageDto,
} from './dto/membership.dto.js';
import { JoinRequestsService } from './join-requests.service.js';
import { MembershipService } from './membership.service.js';

@ApiTags('membership')
@ApiBearerAuth()
@Controller('collaboratives/:id')
export class MembershipController {
  constructor(
    private readonly members: MembershipService,
    private readonly joinRequests: JoinRequestsService,
  ) {}

  @Get('members')
  @ApiOperation({ summary: 'Members and leads, in the order they joined.' })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.members.list(caller, id, query);
  }

  @Post('members')
  @ApiOperation({ summary: 'Add a member or change their role (admin, site moderator or a lead).' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiProblems(400, 401, 403, 404, 409)
  add(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddMemberDto) {
    return this.members.add(caller, id, dto);
  }

  @Delete('members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (admin, site moderator or a lead), or leave yourself.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ) {
    return this.members.remove(caller, id, userId);
  }

  @Post('join-requests')
  @ApiOperation({ summary: 'Ask to join; the leads decide.' })
  @ApiCreatedResponse({ type: JoinRequestDto })
  @ApiProblems(400, 401, 404, 409)
  requestToJoin(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateJoinRequestDto,
  ) {
    return this.joinRequests.request(caller, id, dto);
  }

  @Get('join-requests')
  @ApiOperation({ summary: 'Join requests, oldest first (leads and site staff).' })
  @ApiOkResponse({ type: JoinRequestPageDto })
  @ApiProblems(400, 401, 403, 404)
  listJoinRequests(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListJoinRequestsQuery,
  ) {
    return this.joinRequests.listForCollaborative(caller, id, query);
  }

  @Post('join-requests/:requestId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a join request: the person becomes a member.' })
  @ApiOkResponse({ type: JoinRequestDto })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
  ) {
    return this.joinRequests.decide(caller, id, requestId, true);
  }

  @Post('join-requests/:requestId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a join request.' })
  @ApiOkResponse({ type: JoinRequestDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
  ) {
    return this.joinRequests.decide(caller, id, requestId, false);
  }
}
