import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities read from raw SQL rows, for the hottest reads (thread lists, a thread, its
 * replies, the access check). TypeORM's query builder rebuilds the select list and walks
 * its metadata for every row of every query: a third of the CPU of a thread list. Here
 * the select list and the column-to-property pairs are worked out once, from the same
 * metadata, so a new column needs no second edit.
 *
 * Only for columns whose values `pg` already parses to what the entity holds (text,
 * uuid, enums, integers, booleans, timestamptz, text arrays, jsonb); a mapper for an entity with
 * any other column is refused when first asked for, and entity-rows.spec.ts asks for
 * every one in use, so a later column type that needs TypeORM's conversion fails a test
 * instead of reading wrongly.
 */
export class EntityRows<Entity extends ObjectLiteral> {
  /** `t.id AS t__id, t.title AS t__title, …` for `SELECT`. */
  readonly select: string;
  private readonly pairs: Array<[key: string, property: string]>;
  private readonly idKey: string;

  /**
   * One mapper per data source, entity, alias and field list, made on first use (cheap to
   * ask for on every read). With `fields`, only those columns (and the primary key) are
   * read: a list need not fetch and parse what it never shows.
   */
  static of<Entity extends ObjectLiteral>(
    dataSource: DataSource,
    target: EntityTarget<Entity>,
    alias: string,
  ): EntityRows<Entity>;
  static of<Entity extends ObjectLiteral, Field extends keyof Entity & string>(
    dataSource: DataSource,
    target: EntityTarget<Entity>,
    alias: string,
    fields: readonly Field[],
  ): EntityRows<Pick<Entity, Field>>;
  static of<Entity extends ObjectLiteral>(
    dataSource: DataSource,
    target: EntityTarget<Entity>,
    alias: string,
    fields?: readonly string[],
  ): EntityRows<ObjectLiteral> {
    let made = MADE.get(dataSource);
    if (!made) MADE.set(dataSource, (made = new Map()));
    let byKey = made.get(target);
    if (!byKey) made.set(target, (byKey = new Map()));
    const key = fields ? `${alias} ${fields.join(',')}` : alias;
    let rows = byKey.get(key);
    if (!rows) byKey.set(key, (rows = new EntityRows(dataSource, target, alias, fields)));
    return rows;
  }

  private constructor(
    dataSource: DataSource,
    target: EntityTarget<Entity>,
    readonly alias: string,
    fields?: readonly string[],
  ) {
    const metadata = dataSource.getMetadata(target);
    const columns = metadata.columns.filter(
      (column) =>
        column.isSelect && !column.isVirtual && (!fields || column.isPrimary || fields.includes(column.propertyPath)),
    );
    const unknown = fields?.filter((field) => !columns.some((column) => column.propertyPath === field));
    if (unknown?.length) throw new Error(`EntityRows: ${metadata.name} has no selectable column ${unknown.join(', ')}`);
    for (const column of columns) {
      const plain =
        PARSED_BY_PG.has(String(column.type)) && !column.transformer && !(column.isArray && column.type === 'enum');
      if (!plain)
        throw new Error(
          `EntityRows cannot read ${metadata.name}.${column.propertyName} (${String(column.type)}) without TypeORM`,
        );
    }
    this.idKey = `${alias}__${metadata.primaryColumns[0]!.databaseName}`;
    this.pairs = columns.map((column) => [`${alias}__${column.databaseName}`, column.propertyPath]);
    this.select = columns
      .map((column) => `${alias}.${column.databaseName} AS ${alias}__${column.databaseName}`)
      .join(', ');
  }

  /** The entity in `row`, or null when a LEFT JOIN found none. */
  from(row: Record<string, unknown>): Entity | null {
    if (row[this.idKey] === null) return null;
    const entity: Record<string, unknown> = {};
    for (const [key, property] of this.pairs) entity[property] = row[key];
    return entity as Entity;
  }
}

const MADE = new WeakMap<DataSource, Map<unknown, Map<string, EntityRows<ObjectLiteral>>>>();
const PARSED_BY_PG = new Set([
  'uuid',
  'text',
  'enum',
  'integer',
  'int',
  'boolean',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
]);
