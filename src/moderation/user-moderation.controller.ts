import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser, Roles } from '../identity/decorators.js';
import { SuspendUserDto } from '../users/dto/admin-user.dto.js';
import { OwnProfileDto } from '../users/dto/profile.dto.js';
import { SuspensionEndPipe } from '../users/suspension-end.pipe.js';
import { UsersService } from '../users/users.service.js';
import { ReasonDto } from './dto/action.dto.js';

/** Suspensions: site moderators and admins only, never of an admin, never of yourself. */
@ApiTags('moderation')
@ApiBearerAuth()
@Roles('moderator', 'admin')
@Controller('users/:id')
export class UserModerationController {
  constructor(private readonly users: UsersService) {}

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend someone until a time, or until lifted: ends their sessions and live connections.' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404, 409)
  suspend(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(SuspensionEndPipe) dto: SuspendUserDto,
  ): Promise<OwnProfileDto> {
    return this.users.suspend(actor, id, dto);
  }

  @Post('unsuspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a suspension.' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401, 403, 404, 409)
  unsuspend(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<OwnProfileDto> {
    return this.users.reinstate(actor, id, dto.reason);
  }
}
