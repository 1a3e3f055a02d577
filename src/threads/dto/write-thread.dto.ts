import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { THREAD_KINDS, type ThreadKind } from '../thread.entity.js';
import { BodyField, TagsField, TitleField } from './content-fields.js';

export class CreateThreadDto {
  @TitleField() title: string;
  @BodyField() body: string;
  @TagsField() tags?: string[];

  @ApiPropertyOptional({
    enum: THREAD_KINDS,
    default: 'question',
    description: 'A question can have an accepted answer.',
  })
  @IsOptional()
  @IsIn(THREAD_KINDS, { message: `kind must be one of ${THREAD_KINDS.join(', ')}` })
  kind?: ThreadKind;
}

/** The author's edit: any of title, body and tags. The previous version is kept. */
export class UpdateThreadDto {
  @TitleField(true) title?: string;
  @BodyField(true) body?: string;
  @TagsField() tags?: string[];
}
