import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { ToLimit } from './transforms.js';
import { UUID } from './uuid.js';

const DEFAULT_LIMIT = 20;

/** `?limit=&cursor=` for every list. Extend it for lists with filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'How many items to return.' })
  @IsOptional()
  @ToLimit(DEFAULT_LIMIT)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = DEFAULT_LIMIT;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type CursorValue = string | number | boolean | null;

/** Cursors are opaque to clients: the sort key of the last item and its unique tiebreak. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Exactly what `exactTimestamp` writes, naming a real instant. `Date.parse` alone accepts
 * "1", "Tue", 30 February and year 0, which PostgreSQL refuses: that was a 500.
 */
function isCursorTimestamp(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) || value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * Reads a cursor back, checking it has the expected shape (`kinds` names the type of
 * each position), so a forged or stale cursor is a 400, never a database error.
 */
/** `count`: a whole number carried as text (a column read with `::text`). */
export function decodeCursor(
  cursor: string,
  kinds: Array<'string' | 'number' | 'uuid' | 'date' | 'count'>,
): CursorValue[] {
  const invalid = () => new BadRequestException('The cursor is not valid for this list. Start again without a cursor.');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalid();
  kinds.forEach((kind, index) => {
    const value: unknown = values[index];
    const ok =
      kind === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string' &&
          // PostgreSQL cannot take U+0000 in text; a cursor we made never has one.
          !value.includes('\u0000') &&
          (kind === 'string' ||
            (kind === 'uuid' && UUID.test(value)) ||
            (kind === 'date' && isCursorTimestamp(value)) ||
            (kind === 'count' && /^\d{1,9}$/.test(value)));
    if (!ok) throw invalid();
  });
  return values as CursorValue[];
}

/**
 * SQL for a timestamptz as exact ISO text (microseconds kept). Cursors must carry this,
 * not a JavaScript Date: Dates keep milliseconds only, which skips or repeats rows.
 */
export function exactTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Escapes LIKE wildcards in user text, for `ILIKE '%' || :text || '%'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** The OpenAPI shape of a page of `Item`: `class ThreadPageDto extends PageOf(ThreadDto) {}`. */
export function PageOf<Item>(item: new (...args: never[]) => Item) {
  class PageDto implements Page<Item> {
    @ApiProperty({ type: [item] }) items: Item[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page.',
    })
    nextCursor: string | null;
  }
  return PageDto;
}
