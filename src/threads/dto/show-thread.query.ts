import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';

export const THREAD_INCLUDES = ['replies'] as const;

/** Opening a thread is the forum's commonest page: with `include=replies` it takes one request, not two. */
export class ShowThreadQueryDto extends PickType(PageQueryDto, ['limit'] as const) {
  @ApiPropertyOptional({
    enum: THREAD_INCLUDES,
    description:
      '`replies`: also return the first page of replies (`limit` of them, oldest first), shaped exactly as `GET /api/threads/{id}/replies` answers it; later pages come from that route with its `nextCursor`.',
  })
  @IsOptional()
  @IsIn(THREAD_INCLUDES, { message: `include must be one of ${THREAD_INCLUDES.join(', ')}` })
  include?: (typeof THREAD_INCLUDES)[number];
}
