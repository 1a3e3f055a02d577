import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { EmailPreferencesDto } from './dto/email-preferences.dto.js';
import { EmailPreferences } from './email-preferences.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/email-preferences')
export class EmailPreferencesController {
  constructor(private readonly preferences: EmailPreferences) {}

  @Get()
  @ApiOperation({
    summary:
      'How you want each kind of notification emailed: immediate, digest or never. Moderators’ notices are always emailed.',
  })
  @ApiOkResponse({ type: EmailPreferencesDto })
  @ApiProblems(401)
  get(@CurrentUser() caller: AuthUser): Promise<EmailPreferencesDto> {
    return this.preferences.get(caller.id);
  }

  @Put()
  @ApiOperation({
    summary: 'Set how each kind of notification is emailed (every kind, each immediate, digest or never).',
  })
  @ApiOkResponse({ type: EmailPreferencesDto })
  @ApiProblems(400, 401)
  put(@CurrentUser() caller: AuthUser, @Body() dto: EmailPreferencesDto): Promise<EmailPreferencesDto> {
    return this.preferences.set(caller.id, dto);
  }
}
