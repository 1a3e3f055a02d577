import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';

/**
 * Runs one read straight on the pool TypeORM holds. `DataSource.query` builds a query
 * runner, broadcasts before and after, and wraps the result, on every call: on the reads
 * every request makes (the session check, the access check, a page) that was measurable.
 * Writes and transactions still go through TypeORM. pg's errors keep their SQLSTATE, which
 * is what `isDatabaseUnavailable` and the problem-details filter read.
 */
export async function readRows<Row>(dataSource: DataSource, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const { rows } = await pool.query(sql, params as unknown[]);
  return rows as Row[];
}
