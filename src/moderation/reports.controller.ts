import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { CreateReportDto, ReportDto } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Report a thread, reply, case study, comment or profile you can read (one open report per item).',
  })
  @ApiCreatedResponse({ type: ReportDto })
  @ApiProblems(400, 401, 404, 409)
  report(@CurrentUser() user: AuthUser, @Body() dto: CreateReportDto): Promise<ReportDto> {
    return this.reports.report(user, dto);
  }
}
