import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Client, type ClientInfo } from '../common/client-info.decorator.js';
import { Public } from '../identity/public.decorator.js';
import { AddressConfirmation } from './address-confirmation.service.js';
import { AuthService } from './auth.service.js';
import { TokensDto } from './dto/auth.dto.js';
import { CodeProofDto, EmailOnlyDto, MailSentDto } from './dto/one-time-code.dto.js';
import { REFRESH_COOKIE, RefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth/confirm-address')
export class AddressConfirmationController {
  constructor(
    private readonly confirmation: AddressConfirmation,
    private readonly auth: AuthService,
    private readonly refreshCookie: RefreshCookie,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: `Confirms your email address with the emailed code (and the address) or the link's token, and signs you in: sets the ${REFRESH_COOKIE} cookie as sign-in does.`,
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(400, 403, 429)
  async confirm(
    @Body() dto: CodeProofDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokensDto> {
    const user = await this.confirmation.confirm(dto, client);
    const issued = await this.auth.signInConfirmed(user, client);
    this.refreshCookie.set(reply, issued.refreshToken, issued.sessionExpiresAt);
    return issued.body;
  }

  @Public()
  @Post('resend')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Sends a new confirmation code to an account whose address is not confirmed yet. The answer is the same for any address.',
  })
  @ApiAcceptedResponse({ type: MailSentDto })
  @ApiProblems(400, 429)
  resend(@Body() dto: EmailOnlyDto, @Client() client: ClientInfo): Promise<MailSentDto> {
    return this.confirmation.resend(dto.email, client);
  }
}
