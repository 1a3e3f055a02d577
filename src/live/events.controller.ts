import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { ApiProblems } from '../common/api-problems.decorator.js';
import { ToLimit } from '../common/transforms.js';
import { EventEnvelope, toEnvelope } from '../events/envelope.js';
import { IsEventId } from '../events/event-id.js';
import type { AuthUser } from '../identity/auth-user.js';
import { CurrentUser } from '../identity/decorators.js';
import { EventsReader } from './events-reader.service.js';

class EventsQuery {
  @ApiPropertyOptional({
    description: 'The last event id you have; omit or 0 for everything still kept.',
    example: '1042',
  })
  @IsOptional()
  @IsEventId()
  after: string = '0';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @ToLimit(100)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

class EventPageDto {
  @ApiProperty({ type: [EventEnvelope] }) items: EventEnvelope[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for more; null when you are up to date.' })
  nextCursor: string | null;
}

@ApiTags('live')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly reader: EventsReader) {}

  @Get()
  @ApiOperation({
    summary:
      'Catch up without a socket: your notifications and the events of collaboratives you follow, after an id. 410 (resync) when that id is too old.',
  })
  @ApiOkResponse({ type: EventPageDto })
  @ApiProblems(400, 401)
  async list(@CurrentUser() caller: AuthUser, @Query() query: EventsQuery): Promise<EventPageDto> {
    await this.reader.requireRetained(query.after);
    const rows = await this.reader.visibleAfter(caller, query.after, query.limit);
    return {
      items: rows.map(toEnvelope),
      nextCursor: rows.length === query.limit ? String(rows[rows.length - 1]!.id) : null,
    };
  }
}
