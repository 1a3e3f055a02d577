import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { MarkReadDto, NotificationPageDto, UnreadCountDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first. New ones also arrive live as `notification.created`.' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401)
  list(@CurrentUser() caller: AuthUser, @Query() query: PageQueryDto) {
    return this.notifications.list(caller, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many are unread.' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblems(401)
  async unreadCount(@CurrentUser() caller: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(caller) };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark `{ ids }` or `{ all: true }` read; answers the unread count left.' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblems(400, 401)
  async markRead(@CurrentUser() caller: AuthUser, @Body() dto: MarkReadDto): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(caller, dto) };
  }
}
