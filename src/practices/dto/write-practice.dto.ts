import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { Optional, Trim, TrimLower } from '../../common/transforms.js';
import { SECTORS } from '../../users/user.entity.js';
import { THEMES } from '../practice.entity.js';

const SECTION_MAX = 20_000;

export class OutcomeMeasureDto {
  @ApiProperty({ example: 'Diagnostic waits over 6 weeks', maxLength: 120 })
  @Trim()
  @IsString()
  @Length(1, 120)
  label: string;

  @ApiProperty({ example: 31 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'before must be a number' })
  before: number;

  @ApiProperty({ example: 12 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'after must be a number' })
  after: number;

  @ApiProperty({ example: '%', maxLength: 20 })
  @Trim()
  @IsString()
  @Length(1, 20)
  unit: string;
}

export class CreatePracticeDto {
  @ApiProperty({ minLength: 5, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(5, 200)
  title: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'One paragraph.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  summary?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Markdown: the problem.' })
  @Optional()
  @IsString()
  @MaxLength(SECTION_MAX)
  challenge?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Markdown: what was done.' })
  @Optional()
  @IsString()
  @MaxLength(SECTION_MAX)
  approach?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Markdown: what changed.' })
  @Optional()
  @IsString()
  @MaxLength(SECTION_MAX)
  outcomes?: string;

  @ApiPropertyOptional({ maxLength: SECTION_MAX, description: 'Markdown: what it took, what to avoid.' })
  @Optional()
  @IsString()
  @MaxLength(SECTION_MAX)
  lessons?: string;

  @ApiPropertyOptional({ type: [OutcomeMeasureDto], maxItems: 20 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'outcomeMeasures can have at most 20 measures' })
  @ValidateNested({ each: true })
  @Type(() => OutcomeMeasureDto)
  outcomeMeasures?: OutcomeMeasureDto[];

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SECTORS, { each: true, message: `each sector must be one of ${SECTORS.join(', ')}` })
  sectors?: string[];

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(THEMES, { each: true, message: `each theme must be one of ${THEMES.join(', ')}` })
  themes?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10, description: 'Lower-case slugs.' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @TrimLower()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    each: true,
    message: 'each tag must be lower-case letters and digits joined by hyphens',
  })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  organisations?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Whom to ask: name, role, how to reach them.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The collaborative it belongs to; omit for one every signed-in user may read.',
  })
  @Optional()
  @IsUUID('all', { message: 'collaborativeId must be a collaborative id (UUID)' })
  collaborativeId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'Registered users who wrote it with you.',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each co-author must be a user id (UUID)' })
  coAuthorIds?: string[];
}

/** Everything can change but the collaborative, which decides who may read it. */
export class UpdatePracticeDto extends PartialType(OmitType(CreatePracticeDto, ['collaborativeId'] as const)) {}
