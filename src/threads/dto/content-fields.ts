import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { Trim, TrimLower } from '../../common/transforms.js';

export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG_MESSAGE = 'each tag must be a lower-case slug of letters, digits and single hyphens (e.g. elective-recovery)';
export const MAX_BODY = 20_000;

/** Validators of the fields threads and replies share, so create and edit cannot drift apart. */
export const TitleField = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      minLength: 5,
      maxLength: 200,
      example: 'How are you sharing diagnostic capacity across sites?',
    }),
    ...(optional ? [IsOptional()] : []),
    Trim(),
    IsString(),
    Length(5, 200),
  );

export const BodyField = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      minLength: 1,
      maxLength: MAX_BODY,
      description: 'Markdown. Raw HTML is shown as text.',
    }),
    ...(optional ? [IsOptional()] : []),
    // Only the end: leading spaces can be Markdown (an indented code block).
    Transform(({ value }) => (typeof value === 'string' ? value.trimEnd() : value)),
    IsString(),
    Length(1, MAX_BODY),
  );

/** 0–5 tags; each is trimmed and lower-cased, then must be a slug. */
export const TagsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      maxItems: 5,
      example: ['diagnostics', 'elective-recovery'],
      description: 'Lower-case slugs.',
    }),
    IsOptional(),
    Transform(({ value }) =>
      Array.isArray(value) ? value.map((tag) => (typeof tag === 'string' ? tag.trim().toLowerCase() : tag)) : value,
    ),
    IsArray(),
    ArrayMaxSize(5),
    ArrayUnique(),
    IsString({ each: true }),
    MaxLength(40, { each: true }),
    Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE }),
  );

/** One tag in a query string. */
export const TagFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'diagnostics', description: 'Only threads with this tag.' }),
    IsOptional(),
    TrimLower(),
    IsString(),
    MaxLength(40),
    Matches(TAG_PATTERN, { message: 'tag must be a lower-case slug' }),
  );
