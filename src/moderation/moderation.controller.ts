import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { type Page, PageQueryDto } from '../common/pagination.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditPageDto, AuditQueryDto, type AuditRecordDto } from './dto/audit.dto.js';
import { type QueueItemDto, QueuePageDto, ResolutionDto, ResolveReportDto } from './dto/report.dto.js';
import { QueueService } from './queue.service.js';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ModerationController {
  constructor(
    private readonly queue: QueueService,
    private readonly audit: AuditLogService,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary: 'Open reports grouped by item, oldest first (site moderators: all; leads: their collaboratives).',
  })
  @ApiOkResponse({ type: QueuePageDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<QueueItemDto>> {
    return this.queue.list(user, query);
  }

  @Post('reports/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide a report: dismiss, hide, delete or edit-request; applies to every open report on the item.',
  })
  @ApiOkResponse({ type: ResolutionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveReportDto,
  ): Promise<ResolutionDto> {
    return this.queue.resolve(user, id, dto);
  }

  @Get('audit-log')
  @ApiOperation({
    summary:
      'Moderation actions and role changes, newest first (admins and site moderators: all; leads: their collaboratives).',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400, 401, 403)
  auditLog(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<Page<AuditRecordDto>> {
    return this.audit.list(user, query);
  }
}
