import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { ChangeRoleDto, SuspendUserDto } from './dto/admin-user.dto.js';
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
  @ApiOperation({ summary: 'Everyone, newest first; search by name, email, handle or organisation (admin only).' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change someone's site role (admin only)." })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404)
  changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto): Promise<OwnProfileDto> {
    return this.users.changeRole(id, dto);
  }

  @Post(':id/suspension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend someone, until a date or indefinitely (admin only).' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404, 409)
  suspend(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SuspendUserDto): Promise<OwnProfileDto> {
    return this.users.suspend(id, dto);
  }

  @Delete(':id/suspension')
  @ApiOperation({ summary: 'Lift a suspension (admin only).' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404)
  reinstate(@Param('id', ParseUUIDPipe) id: string): Promise<OwnProfileDto> {
    return this.users.reinstate(id);
  }
}
