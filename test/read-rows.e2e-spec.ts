import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';

import { readRows } from '../src/database/read-rows.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Regression: readRows once took a pool connection by hand, with nobody listening for the
 * connection's 'error'. When PostgreSQL dropped it mid-query (a restart, a failover), the
 * unheard 'error' event killed the whole server; the database-outage reliability suite
 * caught it once in CI. This kills one read's backend on purpose.
 */
let forum: TestApp;
let db: DataSource;
beforeAll(async () => {
  forum = await startTestApp();
  db = forum.app.get(DataSource);
});
afterAll(() => forum?.close());

test('a read whose connection dies mid-query fails as a QueryFailedError, and the next read works', async () => {
  const marker = `read-rows-${Date.now()}`;
  const read = readRows(db, `SELECT pg_sleep(30), '${marker}' AS marker`);
  let killed = false;
  for (let attempt = 0; attempt < 100 && !killed; attempt++) {
    const [row] = await db.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
      [`%'${marker}'%`],
    );
    killed = row?.killed === true;
    if (!killed) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(killed).toBe(true);
  const failure = await read.catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(QueryFailedError);
  expect((failure as QueryFailedError & { driverError: { code?: string } }).driverError.code).toBe('57P01');
  expect(await readRows<{ one: number }>(db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
});
