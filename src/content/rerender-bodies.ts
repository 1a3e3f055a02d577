import type { EntityManager } from 'typeorm';

import { prepareBody } from '../common/markdown.js';
import { rowsOf } from '../database/rows-of.js';

/** A Markdown column and the columns rendered from it (any of them may be absent). */
export interface RenderedColumns {
  markdown: string;
  html?: string;
  excerpt?: string;
  mentions?: string;
}

/** A table whose rows store Markdown beside what was rendered from it. */
export interface RenderedTable {
  table: string;
  /** The primary key, walked in order (keyset): each batch starts where the last one ended. */
  key: ReadonlyArray<{ column: string; type: 'uuid' | 'integer' }>;
  columns: readonly RenderedColumns[];
  /** Only rows matching this SQL condition (the migration fills only rows not filled yet). */
  where?: string;
}

export interface RerenderProgress {
  table: string;
  /** Rows read so far, of `total` counted at the start. */
  done: number;
  total: number;
  /** Rows whose stored rendering differed and was rewritten. */
  changed: number;
}

export interface RerenderOptions {
  batchSize: number;
  onProgress?: (progress: RerenderProgress) => void;
}

const rendered = (columns: RenderedColumns) =>
  [
    columns.html && { column: columns.html, type: 'text', value: 'html' },
    columns.excerpt && { column: columns.excerpt, type: 'text', value: 'excerpt' },
    columns.mentions && { column: columns.mentions, type: 'text[]', value: 'mentions' },
  ].filter((target) => !!target) as Array<{ column: string; type: string; value: 'html' | 'excerpt' | 'mentions' }>;

/**
 * Renders every row's Markdown again and stores what changed, a batch at a time while the
 * forum is up: rows are read in key order and rendered outside any transaction, then each
 * batch is written by one UPDATE (its own short transaction) that touches only rows whose
 * Markdown is still what was rendered, so an edit committed meanwhile is never overwritten
 * with a rendering of the text it replaced.
 */
export async function rerenderTable(
  manager: EntityManager,
  spec: RenderedTable,
  options: RerenderOptions,
): Promise<RerenderProgress> {
  const keys = spec.key.map((key) => key.column);
  const where = `(${spec.where ?? 'true'})`;
  const [{ total }] = await rowsOf<{ total: number }>(
    manager,
    `SELECT count(*)::int AS total FROM ${spec.table} WHERE ${where}`,
    [],
  );
  const progress: RerenderProgress = { table: spec.table, done: 0, total, changed: 0 };
  options.onProgress?.({ ...progress });
  const select = [...keys, ...spec.columns.map((columns) => columns.markdown)].join(', ');
  const after = `(${keys.join(', ')}) > (${spec.key.map((key, index) => `$${index + 1}::${key.type}`).join(', ')})`;
  let last: Record<string, unknown> | null = null;
  for (;;) {
    const rows: Array<Record<string, unknown>> = await rowsOf<Record<string, unknown>>(
      manager,
      `SELECT ${select} FROM ${spec.table} WHERE ${where} ${last ? `AND ${after}` : ''}
        ORDER BY ${keys.join(', ')} LIMIT ${Number(options.batchSize)}`,
      last ? keys.map((key) => last![key]) : [],
    );
    if (rows.length === 0) break;
    progress.changed += await writeBatch(manager, spec, rows);
    progress.done += rows.length;
    options.onProgress?.({ ...progress });
    last = rows.at(-1)!;
  }
  return progress;
}

async function writeBatch(
  manager: EntityManager,
  spec: RenderedTable,
  rows: Array<Record<string, unknown>>,
): Promise<number> {
  const values = rows.map((row) => {
    const value: Record<string, unknown> = Object.fromEntries(spec.key.map(({ column }) => [column, row[column]]));
    spec.columns.forEach((columns, index) => {
      const markdown = row[columns.markdown] as string;
      const body = prepareBody(markdown);
      value[`m${index}`] = markdown;
      for (const target of rendered(columns)) value[`${target.value}${index}`] = body[target.value];
    });
    return value;
  });
  const recordColumns = [
    ...spec.key.map(({ column, type }) => `${column} ${type}`),
    ...spec.columns.flatMap((columns, index) => [
      `m${index} text`,
      ...rendered(columns).map((target) => `${target.value}${index} ${target.type}`),
    ]),
  ];
  const assignments = spec.columns.flatMap((columns, index) =>
    rendered(columns).map((target) => ({ column: target.column, value: `v.${target.value}${index}` })),
  );
  const changed = await rowsOf(
    manager,
    `UPDATE ${spec.table} t SET ${assignments.map((a) => `${a.column} = ${a.value}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS v(${recordColumns.join(', ')})
      WHERE ${spec.key.map(({ column }) => `t.${column} = v.${column}`).join(' AND ')}
        AND ${spec.columns.map((columns, index) => `t.${columns.markdown} = v.m${index}`).join(' AND ')}
        AND (${assignments.map((a) => `t.${a.column} IS DISTINCT FROM ${a.value}`).join(' OR ')})
     RETURNING 1`,
    [JSON.stringify(values)],
  );
  return changed.length;
}
