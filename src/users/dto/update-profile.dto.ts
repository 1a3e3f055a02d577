import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';

import { Optional, Trim, TrimLower } from '../../common/transforms.js';
import { type Sector, SECTORS } from '../user.entity.js';

export const HANDLE_MAX_LENGTH = 30;

export class UpdateProfileDto {
  @ApiPropertyOptional({
    minLength: 2,
    maxLength: HANDLE_MAX_LENGTH,
    example: 'sarah-whitfield',
    description: 'Your name for @mentions.',
  })
  @Optional()
  @TrimLower()
  @IsString()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])$/, {
    message: 'handle must be 2 to 30 lower-case letters, digits or hyphens, starting and ending with a letter or digit',
  })
  handle?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 80 })
  @Optional()
  @Trim()
  @IsString()
  @Length(2, 80)
  displayName?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 150 })
  @Optional()
  @Trim()
  @IsString()
  @Length(2, 150)
  organisation?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 120 })
  @Optional()
  @Trim()
  @IsString()
  @Length(2, 120)
  jobTitle?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @Optional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: Sector;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Plain text about your role and interests.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  bio?: string;
}
