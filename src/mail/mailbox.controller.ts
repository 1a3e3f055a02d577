import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Public } from '../identity/public.decorator.js';
import { MailboxQuery } from './dto/list-mail.query.js';
import { MailboxPageDto } from './dto/mailbox-message.dto.js';
import { MailboxService } from './mailbox.service.js';

@ApiTags('development')
@Controller('dev/mailbox')
export class MailboxController {
  constructor(private readonly mailbox: MailboxService) {}

  // Public: in development a person reads their confirmation code here before they can sign in.
  @Public()
  @Get()
  @ApiOperation({
    summary:
      'The development mailbox: every email the forum would have sent, newest first (only with MAIL_TRANSPORT=mailbox outside production; 404 otherwise).',
  })
  @ApiOkResponse({ type: MailboxPageDto })
  @ApiProblems(400, 404)
  list(@Query() query: MailboxQuery) {
    return this.mailbox.list(query);
  }
}
