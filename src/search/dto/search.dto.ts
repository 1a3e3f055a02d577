import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

import { PageOf, PageQueryDto } from '../../common/pagination.js';
import { Trim } from '../../common/transforms.js';
import { TagFilter } from '../../threads/dto/content-fields.js';
import { PublicProfileDto } from '../../users/dto/profile.dto.js';

export const SEARCH_TYPES = ['thread', 'reply', 'practice', 'all'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: '"waiting list" -orthopaedics',
    description: 'Words to find. "Quoted words" must appear together; -word excludes; or between words matches either.',
  })
  @Trim()
  @IsString()
  @Length(1, 200)
  q: string;

  @ApiPropertyOptional({ enum: SEARCH_TYPES, default: 'all' })
  @IsOptional()
  @IsIn(SEARCH_TYPES, { message: `type must be one of ${SEARCH_TYPES.join(', ')}` })
  type: SearchType = 'all';

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this collaborative.' })
  @IsOptional()
  @IsUUID()
  collaborativeId?: string;

  @TagFilter() tag?: string;
}

export class SearchHitDto {
  @ApiProperty({ enum: ['thread', 'reply', 'practice'] }) type: 'thread' | 'reply' | 'practice';
  @ApiProperty({ format: 'uuid', description: 'The thread, reply or case study.' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a case study.' }) threadId:
    string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for a case study in no collaborative.',
  })
  collaborativeId: string | null;
  @ApiProperty({ description: "The thread's title (of the reply's thread for a reply), or the case study's." })
  threadTitle: string;
  @ApiProperty({ description: 'The title, HTML-escaped, with the matched words in <mark>.' }) titleHtml: string;
  @ApiProperty({
    description: 'Fragments of the body around the matches, HTML-escaped, with the matched words in <mark>.',
  })
  snippetHtml: string;
  @ApiProperty({ type: PublicProfileDto }) author: PublicProfileDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SearchPageDto extends PageOf(SearchHitDto) {}
