import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Client, type ClientInfo } from '../common/client-info.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { ChangeEmailDto, ConfirmEmailChangeDto } from './dto/change-email.dto.js';
import { MailSentDto } from './dto/one-time-code.dto.js';
import { EmailChangeService } from './email-change.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/email')
export class EmailChangeController {
  constructor(private readonly changes: EmailChangeService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start moving your account to another address (needs your current password): a code goes to the new address, and nothing changes until it comes back.',
  })
  @ApiAcceptedResponse({ type: MailSentDto })
  @ApiProblems(400, 401, 422, 429)
  start(@CurrentUser() caller: AuthUser, @Body() dto: ChangeEmailDto, @Client() client: ClientInfo) {
    return this.changes.start(caller, dto, client);
  }

  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Move your account to the new address with the code sent there (or its link's token). The old address is told, your other sessions end and pending password resets die.",
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 429)
  confirm(@CurrentUser() caller: AuthUser, @Body() dto: ConfirmEmailChangeDto, @Client() client: ClientInfo) {
    return this.changes.confirm(caller, dto, client);
  }
}
