import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Client, type ClientInfo } from '../common/client-info.decorator.js';
import { Public } from '../identity/public.decorator.js';
import { EmailOnlyDto, MailSentDto, ResetPasswordDto } from './dto/one-time-code.dto.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forgot your password: emails a code and a link to reset it, if the address has an account. The answer is the same either way.',
  })
  @ApiAcceptedResponse({ type: MailSentDto })
  @ApiProblems(400, 429)
  request(@Body() dto: EmailOnlyDto, @Client() client: ClientInfo): Promise<MailSentDto> {
    return this.resets.request(dto.email, client);
  }

  @Public()
  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Sets a new password with the emailed code (and the address) or the link's token. Every session of the account ends; sign in again.",
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 429)
  confirm(@Body() dto: ResetPasswordDto, @Client() client: ClientInfo): Promise<void> {
    return this.resets.reset(dto, client);
  }
}
