import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

import { Optional, Trim, TrimLower } from '../../common/transforms.js';
import { NOT_A_UUID } from '../../common/uuid.js';
import { SECTORS } from '../../users/user.entity.js';
import { COLLABORATIVE_TYPES, type CollaborativeType, VISIBILITIES, type Visibility } from '../collaborative.entity.js';

export class CreateCollaborativeDto {
  @ApiProperty({ minLength: 3, maxLength: 150, example: 'Cheshire and Merseyside acute collaborative' })
  @Trim()
  @IsString()
  @Length(3, 150)
  name: string;

  @ApiPropertyOptional({
    description: 'Lower-case words joined by hyphens; made from the name when omitted.',
    example: 'cheshire-merseyside-acute',
  })
  @Optional()
  @TrimLower()
  @IsString()
  @Length(3, 80)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters and digits joined by single hyphens',
  })
  // Addresses take an id or a slug, and anything shaped like an id is looked up as one.
  @Matches(NOT_A_UUID, { message: 'slug must not be shaped like an id (a UUID)' })
  slug?: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'Markdown' })
  @Optional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiProperty({ enum: COLLABORATIVE_TYPES })
  @IsIn(COLLABORATIVE_TYPES, { message: `type must be one of ${COLLABORATIVE_TYPES.join(', ')}` })
  type: CollaborativeType;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true, message: `each sector must be one of ${SECTORS.join(', ')}` })
  sectors?: string[];

  // region and ics are nullable: null clears them.
  @ApiPropertyOptional({ maxLength: 100, example: 'North West', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 100)
  region?: string;

  @ApiPropertyOptional({ maxLength: 150, example: 'Cheshire and Merseyside ICS', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 150)
  ics?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 60, description: 'Member organisations (trust names).' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  organisations?: string[];

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'public' })
  @Optional()
  @IsIn(VISIBILITIES, { message: `visibility must be one of ${VISIBILITIES.join(', ')}` })
  visibility?: Visibility;
}

/** Everything but the slug, which links point at, can change. */
// skipNullProperties: false, so a null name or type is refused rather than written.
export class UpdateCollaborativeDto extends PartialType(OmitType(CreateCollaborativeDto, ['slug'] as const), {
  skipNullProperties: false,
}) {}
