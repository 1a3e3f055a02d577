import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

import { PageQueryDto } from '../../common/pagination.js';
import { ToBoolean, Trim } from '../../common/transforms.js';
import { SECTORS } from '../../users/user.entity.js';
import { COLLABORATIVE_TYPES, type CollaborativeType } from '../collaborative.entity.js';

export const DIRECTORY_SORTS = ['name', 'activity'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export class ListCollaborativesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words to find in the name, organisations, region or description.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: COLLABORATIVE_TYPES })
  @IsOptional()
  @IsIn(COLLABORATIVE_TYPES, { message: `type must be one of ${COLLABORATIVE_TYPES.join(', ')}` })
  type?: CollaborativeType;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: string;

  @ApiPropertyOptional({ description: 'Part of the region or ICS name, e.g. "South West" or "Dorset".' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'Only collaboratives you follow.' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'following must be true or false' })
  following?: boolean;

  @ApiPropertyOptional({ description: 'Only collaboratives you are a member of.' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'member must be true or false' })
  member?: boolean;

  @ApiPropertyOptional({ enum: DIRECTORY_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(DIRECTORY_SORTS, { message: `sort must be one of ${DIRECTORY_SORTS.join(', ')}` })
  sort: DirectorySort = 'name';
}
