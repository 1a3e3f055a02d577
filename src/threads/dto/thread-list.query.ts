import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';
import { TagFilter } from './content-fields.js';

export const THREAD_SORTS = ['activity', 'new', 'top', 'unanswered'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

export class ThreadListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: THREAD_SORTS,
    default: 'activity',
    description:
      '`activity`: pinned first, then latest activity; `new`: newest first; `top`: most votes; `unanswered`: questions without an accepted answer, newest first.',
  })
  @IsOptional()
  @IsIn(THREAD_SORTS, { message: `sort must be one of ${THREAD_SORTS.join(', ')}` })
  sort: ThreadSort = 'activity';

  @TagFilter() tag?: string;
}
