import { BadRequestException } from '@nestjs/common';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { decodeCursor, encodeCursor, exactTimestamp } from '../common/pagination.js';
import { readRows } from './read-rows.js';

/** How a sort key travels in a cursor and is cast back in SQL. */
export type KeyKind = 'bool' | 'int' | 'bigint' | 'real' | 'timestamp' | 'uuid' | 'text';

export interface KeyPart {
  /** The SQL of the sort key, e.g. `t.created_at`. */
  sql: string;
  kind: KeyKind;
}

// Booleans travel as 0 and 1; bigints as digits in text (a JavaScript number would round them).
const CASTS: Record<KeyKind, string> = {
  bool: 'integer::boolean',
  int: 'integer',
  bigint: 'bigint',
  real: 'real',
  timestamp: 'timestamptz',
  uuid: 'uuid',
  text: 'text',
};
const DECODE_AS = {
  bool: 'number',
  int: 'number',
  bigint: 'string',
  real: 'number',
  timestamp: 'date',
  uuid: 'uuid',
  text: 'string',
} as const;
const SELECTS: Partial<Record<KeyKind, (sql: string) => string>> = {
  bool: (sql) => `(${sql})::int`,
  bigint: (sql) => `(${sql})::text`,
  timestamp: exactTimestamp,
};
const INT_LIMIT = 2 ** 31;
// Non-negative and below 2^63: a forged one never overflows the cast.
const BIGINT = /^\d{1,18}$/;
// Room for any text a 512-character cursor (PageQueryDto) can carry, such as a 150-character name.
const TEXT_LIMIT = 512;
const EXACT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * A keyset ordering: sort keys in one direction, the last of them unique, so a page
 * starts strictly after the previous page's last row (no OFFSET, no skipped or repeated
 * rows). Cursors carry each key exactly (timestamps with microseconds) and are checked
 * before they reach SQL, so a forged cursor is a 400, never a database error.
 */
export class Keyset {
  constructor(
    private readonly parts: KeyPart[],
    private readonly direction: 'ASC' | 'DESC' = 'DESC',
  ) {}

  /** `ORDER BY` terms. */
  get order(): Array<[string, 'ASC' | 'DESC']> {
    return this.parts.map((part) => [part.sql, this.direction]);
  }

  /**
   * Extra select list entries that carry the keys as `keyset0`, `keyset1`…, each key as
   * its cursor holds it (booleans as 0 and 1, timestamps as exact text).
   */
  get selects(): Array<[string, string]> {
    return this.parts.map((part, index) => [SELECTS[part.kind]?.(part.sql) ?? `(${part.sql})`, `keyset${index}`]);
  }

  /** `selects` as one select list: `expression AS keyset0, …`. */
  get selectSql(): string {
    return this.selects.map(([sql, alias]) => `${sql} AS ${alias}`).join(', ');
  }

  /** `order` as one `ORDER BY` list. */
  get orderSql(): string {
    return this.order.map(([sql, direction]) => `${sql} ${direction}`).join(', ');
  }

  /** The condition "after the cursor", with named parameters; null without a cursor. */
  after(cursor: string | undefined): { sql: string; params: Record<string, unknown> } | null {
    if (cursor === undefined) return null;
    const values = this.decode(cursor);
    const columns = this.parts.map((part) => part.sql).join(', ');
    const placeholders = this.parts.map((part, index) => `:keyset${index}::${CASTS[part.kind]}`).join(', ');
    const params = Object.fromEntries(values.map((value, index) => [`keyset${index}`, value]));
    return { sql: `(${columns}) ${this.direction === 'DESC' ? '<' : '>'} (${placeholders})`, params };
  }

  /**
   * Runs a query one page at a time: adds the keys, the cursor condition, the order and
   * `LIMIT limit + 1` (the extra row only says whether another page exists). `select`,
   * `from` and `where` are raw SQL with named parameters (`:name`); joins must be
   * many-to-one, so each row is one item. Rows come back raw, for EntityRows to map.
   */
  async fetchRows<Row extends Record<string, unknown>>(
    dataSource: DataSource,
    query: { select: string; from: string; where: string; params: Record<string, unknown> },
    page: { limit: number; cursor?: string },
  ): Promise<{ rows: Row[]; nextCursor: string | null }> {
    const after = this.after(page.cursor);
    const sql = `SELECT ${query.select}, ${this.selectSql} FROM ${query.from}
                  WHERE ${query.where}${after ? ` AND ${after.sql}` : ''} ORDER BY ${this.orderSql} LIMIT :pageLimit`;
    const params = { ...query.params, ...after?.params, pageLimit: page.limit + 1 };
    const rows = await readRows<Row>(dataSource, ...dataSource.driver.escapeQueryWithParameters(sql, params));
    return this.pageOf(rows, page.limit);
  }

  /**
   * `fetchRows` for a TypeORM query builder of entities: adds the same keys, cursor
   * condition, order and `LIMIT limit + 1`, and pairs each entity with its raw row (for
   * extra selects). Joins must be many-to-one, so raw rows and entities pair by position.
   * The builder's own order, if any, is replaced.
   */
  async fetchEntities<Entity extends ObjectLiteral, Raw extends object = Record<string, unknown>>(
    qb: SelectQueryBuilder<Entity>,
    page: { limit: number; cursor?: string },
  ): Promise<{ rows: Array<{ entity: Entity; raw: Raw }>; nextCursor: string | null }> {
    const after = this.after(page.cursor);
    for (const [sql, alias] of this.selects) qb.addSelect(sql, alias);
    if (after) qb.andWhere(after.sql, after.params);
    this.order.forEach(([sql, direction], index) =>
      index === 0 ? qb.orderBy(sql, direction) : qb.addOrderBy(sql, direction),
    );
    const { entities, raw } = await qb.limit(page.limit + 1).getRawAndEntities<Record<string, unknown>>();
    const { rows, nextCursor } = this.pageOf(raw, page.limit);
    return { rows: rows.map((row, index) => ({ entity: entities[index]!, raw: row as Raw })), nextCursor };
  }

  /**
   * Splits the `limit + 1` rows a page query read (selected with `selects`) into the
   * page and the cursor of the next one: null when the extra row is not there.
   */
  pageOf<Row extends Record<string, unknown>>(rows: Row[], limit: number): { rows: Row[]; nextCursor: string | null } {
    if (rows.length <= limit) return { rows, nextCursor: null };
    return { rows: rows.slice(0, limit), nextCursor: this.cursorOf(rows[limit - 1]!) };
  }

  /** The cursor of a raw row selected with `selects`. */
  cursorOf(raw: Record<string, unknown>): string {
    return encodeCursor(this.parts.map((_part, index) => raw[`keyset${index}`] as string | number));
  }

  private decode(cursor: string): Array<string | number> {
    const values = decodeCursor(
      cursor,
      this.parts.map((part) => DECODE_AS[part.kind]),
    ) as Array<string | number>;
    this.parts.forEach((part, index) => {
      if (!fits(part.kind, values[index]!))
        throw new BadRequestException('The cursor is not valid for this list. Start again without a cursor.');
    });
    return values;
  }
}

function fits(kind: KeyKind, value: string | number): boolean {
  if (kind === 'bool') return value === 0 || value === 1;
  if (kind === 'int') return Number.isSafeInteger(value) && Math.abs(value as number) < INT_LIMIT;
  if (kind === 'bigint') return BIGINT.test(value as string);
  if (kind === 'text') return (value as string).length <= TEXT_LIMIT;
  if (kind !== 'timestamp') return true;
  const text = value as string;
  // Date.parse accepts 31 February; PostgreSQL would not. Round-trip to be sure.
  return EXACT_TIMESTAMP.test(text) && new Date(text).toISOString().slice(0, 23) === text.slice(0, 23);
}
