import type { Pool } from 'pg';
import { type DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * Runs one statement on the request path and returns its rows: a read, or a single
 * statement that also writes (counting a thread view), which commits on its own.
 * Inside a transaction (a manager with a query runner) it goes through TypeORM on the
 * transaction's connection; otherwise straight on the pool TypeORM holds.
 * `DataSource.query` builds a query runner, broadcasts before and after, and wraps the
 * result on every call, which showed on the reads every request makes (session check,
 * access check, a page). The query is still logged through TypeORM's logger, and a
 * failure is still a `QueryFailedError`, as on TypeORM's own path.
 */
export async function readRows<Row>(
  db: DataSource | EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  if (db instanceof EntityManager && db.queryRunner) return db.query(sql, params as unknown[]);
  const dataSource = db instanceof EntityManager ? db.dataSource : db;
  dataSource.logger.logQuery(sql, params as unknown[]);
  // pool.query, not connect/release by hand: it listens for the connection's 'error' while
  // the query runs (an unheard one kills the process when the server goes away) and drops
  // a connection that failed. These reads take validated input, so failures are rare.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await pool.query(sql, params as unknown[])).rows as Row[];
  } catch (error) {
    throw new QueryFailedError(sql, params as unknown[], error as Error);
  }
}
