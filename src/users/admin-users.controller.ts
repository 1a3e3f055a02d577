import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser, Roles } from '../identity/decorators.js';
import { ChangeProfileDto, ChangeRoleDto } from './dto/admin-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { OwnProfileDto, UserPageDto } from './dto/profile.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary:
      'Everyone, newest first; search by name, email, handle or organisation, or find names that pose as staff (admin only).',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change someone's site role (admin only)." })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404)
  changeRole(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<OwnProfileDto> {
    return this.users.changeRole(actor, id, dto);
  }

  @Patch(':id/profile')
  @ApiOperation({
    summary: "Set someone's handle or display name, names reserved for staff included (admin only; audited).",
  })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404, 409)
  changeProfile(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeProfileDto,
  ): Promise<OwnProfileDto> {
    return this.users.changeProfile(actor, id, dto);
  }
}
