import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { Roles } from '../identity/decorators.js';
import { ListMailQuery } from './dto/list-mail.query.js';
import { MailMessageDto, MailMessagePageDto } from './dto/mail-message.dto.js';
import { MailAdminService } from './mail-admin.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/mail')
export class MailAdminController {
  constructor(private readonly mail: MailAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'Every email the forum queued, newest first; ?status=failed for those it gave up on (admin only).',
  })
  @ApiOkResponse({ type: MailMessagePageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListMailQuery) {
    return this.mail.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a failed email again, with the same Message-ID (admin only).' })
  @ApiOkResponse({ type: MailMessageDto })
  @ApiProblems(400, 401, 403, 404, 409)
  retry(@Param('id', ParseUUIDPipe) id: string) {
    return this.mail.retry(id);
  }
}
