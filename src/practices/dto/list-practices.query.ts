import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';
import { Trim, TrimLower } from '../../common/transforms.js';
import { SECTORS } from '../../users/user.entity.js';
import { THEMES } from '../practice.entity.js';

export const PRACTICE_SORTS = ['newest', 'endorsed', 'discussed'] as const;
export type PracticeSort = (typeof PRACTICE_SORTS)[number];

export class ListPracticesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words to find (title weighs most, then summary, then sections).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` })
  theme?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'collaborativeId must be a collaborative id (UUID)' })
  collaborativeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimLower()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'tag must be lower-case letters and digits joined by hyphens' })
  tag?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Written (or co-written) by this user.' })
  @IsOptional()
  @IsUUID('all', { message: 'author must be a user id (UUID)' })
  author?: string;

  @ApiPropertyOptional({
    enum: ['published', 'draft'],
    default: 'published',
    description: 'draft: your own drafts only.',
  })
  @IsOptional()
  @IsIn(['published', 'draft'], { message: 'status must be published or draft' })
  status: 'published' | 'draft' = 'published';

  @ApiPropertyOptional({ enum: PRACTICE_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(PRACTICE_SORTS, { message: `sort must be one of ${PRACTICE_SORTS.join(', ')}` })
  sort: PracticeSort = 'newest';
}
