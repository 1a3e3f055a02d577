import { Body, Controller, Get, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { OwnProfileDto, PublicProfileDto } from './dto/profile.dto.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'Your own profile, with your email and status.' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(401)
  me(@CurrentUser() caller: AuthUser): Promise<OwnProfileDto> {
    return this.users.me(caller);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Change your display name, organisation, job title, sector or bio.' })
  @ApiOkResponse({ type: OwnProfileDto })
  @ApiProblems(400, 401)
  update(@CurrentUser() caller: AuthUser, @Body() dto: UpdateProfileDto): Promise<OwnProfileDto> {
    return this.users.updateProfile(caller, dto);
  }

  @Get('by-handle/:handle')
  @ApiOperation({ summary: "Someone's public profile by their @handle." })
  @ApiOkResponse({ type: PublicProfileDto })
  @ApiProblems(401, 404)
  byHandle(@CurrentUser() caller: AuthUser, @Param('handle') handle: string): Promise<PublicProfileDto> {
    return this.users.profileByHandle(caller, handle);
  }

  @Get(':id')
  @ApiOperation({ summary: "Someone's public profile (the email only for yourself or an admin)." })
  @ApiOkResponse({ type: PublicProfileDto })
  @ApiProblems(400, 401, 404)
  profile(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PublicProfileDto> {
    return this.users.profile(caller, id);
  }
}
