import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { Client, type ClientInfo } from '../common/client-info.decorator.js';
import { Public } from '../common/public.decorator.js';
import { OwnProfileDto } from '../users/dto/profile.dto.js';
import { RegisterDto } from '../users/dto/register.dto.js';
import type { User } from '../users/user.entity.js';
import { AuthAttemptsService } from './auth-attempts.service.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './decorators.js';
import { LoginDto, RefreshDto, SessionListDto, TokensDto } from './dto/auth.dto.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LocalAuthGuard } from './guards/local-auth.guard.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from '../users/users.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly attempts: AuthAttemptsService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account (work email; see ALLOWED_EMAIL_DOMAINS).' })
  @ApiCreatedResponse({ type: OwnProfileDto })
  @ApiProblems(400, 409, 422, 429)
  async register(@Body() dto: RegisterDto, @Client() client: ClientInfo): Promise<OwnProfileDto> {
    await this.attempts.take(this.auth.registerLimit(client.ip));
    return this.users.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with email and password.' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(400, 401, 403, 429)
  // The body is read by LocalAuthGuard; declaring it here keeps it a validated DTO like every other body.
  login(@CurrentUser() user: AuthUser, @Body() _credentials: LoginDto, @Client() client: ClientInfo): Promise<TokensDto> {
    // LocalAuthGuard puts the verified User entity where the caller usually goes.
    return this.auth.signIn(user as unknown as User, client);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap a refresh token for new tokens. Reusing an old one ends the session.' })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(400, 401, 403)
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session.' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  logout(@CurrentUser() caller: AuthUser): Promise<void> {
    return this.sessions.end(caller.sessionId, 'logout');
  }

  @Get('sessions')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your active sessions, most recently used first.' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiProblems(401)
  async listSessions(@CurrentUser() caller: AuthUser): Promise<SessionListDto> {
    return { items: await this.sessions.listActive(caller) };
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out everywhere: end all your sessions, this one included.' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  endAllSessions(@CurrentUser() caller: AuthUser): Promise<void> {
    return this.sessions.endAllFor(caller.id, 'ended-by-user');
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End one of your sessions (another device, say).' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  endSession(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sessions.endOwn(caller, id);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every other session ends.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 429)
  changePassword(@CurrentUser() caller: AuthUser, @Body() dto: ChangePasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.auth.changePassword(caller, dto, client);
  }
}
