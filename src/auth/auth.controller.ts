import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Client, type ClientInfo } from '../common/client-info.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { Public } from '../identity/public.decorator.js';
import { RegisterDto } from '../users/dto/register.dto.js';
import type { User } from '../users/user.entity.js';
import { AuthService, type IssuedTokens } from './auth.service.js';
import { AuthAttemptsService } from './auth-attempts.service.js';
import { LoginDto, SessionListDto, TokensDto } from './dto/auth.dto.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { MailSentDto } from './dto/one-time-code.dto.js';
import { LocalAuthGuard } from './guards/local-auth.guard.js';
import { SameOriginGuard } from './guards/same-origin.guard.js';
import { REFRESH_COOKIE, RefreshCookie } from './refresh-cookie.js';
import { RegistrationService } from './registration.service.js';
import { SessionsService } from './sessions.service.js';

const SETS_REFRESH_COOKIE = {
  'Set-Cookie': {
    description: `\`${REFRESH_COOKIE}\`: the refresh token (HttpOnly, SameSite=Strict, Path=/api/auth, Secure over HTTPS), for the session's remaining life. Works once.`,
    schema: { type: 'string' },
  },
};

const NO_REFRESH_COOKIE = `No ${REFRESH_COOKIE} cookie came with this request: sign in first (POST /api/auth/login sets it), and send the cookie back as browsers do (curl: -c and -b with a cookie file).`;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
    private readonly attempts: AuthAttemptsService,
    private readonly refreshCookie: RefreshCookie,
  ) {}

  /** The refresh token goes into its cookie, never the body, where a script could read it. */
  private handOut(reply: FastifyReply, issued: IssuedTokens): TokensDto {
    this.refreshCookie.set(reply, issued.refreshToken, issued.sessionExpiresAt);
    return issued.body;
  }

  @Public()
  @Post('register')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Create an account (work email; see ALLOWED_EMAIL_DOMAINS). A code goes to the address; the account signs in once it is confirmed (POST /api/auth/confirm-address). An address that already has an account gets the same answer, and its owner an email.',
  })
  @ApiAcceptedResponse({ type: MailSentDto })
  @ApiProblems(400, 422, 429)
  async register(@Body() dto: RegisterDto, @Client() client: ClientInfo): Promise<MailSentDto> {
    await this.attempts.take(this.auth.registerLimit(client.ip));
    return this.registration.register(dto, client);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with email and password.' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokensDto, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, 403, 429)
  // The body is read by LocalAuthGuard; declaring it here keeps it a validated DTO like every other body.
  async login(
    @CurrentUser() user: AuthUser,
    @Body() _credentials: LoginDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensDto> {
    // LocalAuthGuard puts the verified User entity where the caller usually goes.
    return this.handOut(reply, await this.auth.signIn(user as unknown as User, client));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @UseGuards(SameOriginGuard)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary: `Swap the ${REFRESH_COOKIE} cookie for a new access token and a new cookie. Reusing an old cookie ends the session. Refused (403) when sent from another site.`,
  })
  @ApiOkResponse({ type: TokensDto, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, 403)
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokensDto> {
    const token = this.refreshCookie.read(request);
    if (!token) throw new UnauthorizedException(NO_REFRESH_COOKIE);
    try {
      return this.handOut(reply, await this.auth.refresh(token));
    } catch (error) {
      // A refused token stays refused: drop it, so the browser stops sending it. Any other
      // failure (the database is down, say) keeps it for another try.
      if (error instanceof UnauthorizedException || error instanceof ForbiddenException)
        this.refreshCookie.clear(reply);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session.' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logout(@CurrentUser() caller: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(caller.sessionId, 'logout');
    this.refreshCookie.clear(reply);
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
  async endAllSessions(
    @CurrentUser() caller: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.endAllFor(caller.id, 'ended-by-user');
    this.refreshCookie.clear(reply);
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
  changePassword(
    @CurrentUser() caller: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.auth.changePassword(caller, dto, client);
  }
}
