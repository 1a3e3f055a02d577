import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { Public } from '../identity/public.decorator.js';
import { EMAIL_KIND_LABELS } from '../notifications/email-kinds.js';
import { EmailPreferences } from '../notifications/email-preferences.service.js';
import { OneClickDto, UnsubscribeDto } from './dto/unsubscribe.dto.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/** Far longer than any token made here. */
const MAX_TOKEN_LENGTH = 300;

/** A link whose token was altered, cut short or never signed here. */
export class InvalidUnsubscribeLink extends BadRequestException {
  constructor() {
    super(
      'This unsubscribe link is not valid: it may have been cut short or changed. Copy the whole link from the email, or sign in and change your email preferences in your account.',
    );
  }
}

/**
 * One-click unsubscribing (RFC 8058), without signing in: the token itself proves which person
 * and which kind of email. GET only says what the link would turn off (mail scanners such as
 * NHSmail's Safe Links open every link); POST, from the confirm page or the mail client's
 * List-Unsubscribe-Post, turns it off.
 */
@ApiTags('notifications')
@Public()
@Controller('email-preferences/unsubscribe/:token')
export class UnsubscribeController {
  constructor(
    private readonly preferences: EmailPreferences,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What an unsubscribe link turns off; changes nothing.' })
  @ApiOkResponse({ type: UnsubscribeDto })
  @ApiProblems(400)
  @ApiParam({ name: 'token', description: 'The token from the link in the email.' })
  async show(@Param('token') token: string): Promise<UnsubscribeDto> {
    const { userId, kind } = this.read(token);
    const chosen = await this.preferences.get(userId);
    return { kind, label: EMAIL_KIND_LABELS[kind], frequency: chosen[kind] };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn off the kind of email the link names (RFC 8058 one-click: no sign-in, any body is ignored).',
  })
  @ApiOkResponse({ type: UnsubscribeDto })
  @ApiProblems(400)
  @ApiParam({ name: 'token', description: 'The token from the link in the email.' })
  // The body says nothing the token does not; it is declared so a one-click POST's form passes.
  async unsubscribe(@Param('token') token: string, @Body() _oneClick: OneClickDto): Promise<UnsubscribeDto> {
    const { userId, kind } = this.read(token);
    const chosen = await this.preferences.set(userId, { [kind]: 'never' });
    return { kind, label: EMAIL_KIND_LABELS[kind], frequency: chosen[kind] };
  }

  private read(token: string) {
    const named = token.length <= MAX_TOKEN_LENGTH ? readUnsubscribeToken(this.config.jwtSecret, token) : null;
    if (!named) throw new InvalidUnsubscribeLink();
    return named;
  }
}
