import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const tables = async () =>
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
      (row: { tablename: string }) => row.tablename,
    );
  const userTypes = async () =>
    (await dataSource.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  test('run up on an empty database, then all the way down, leaving nothing behind', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(expect.arrayContaining(['collaboratives', 'migrations']));
    expect(await dataSource.showMigrations()).toBe(false);

    for (let step = 0; step < MIGRATIONS.length; step++) await dataSource.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
    expect(await userTypes()).toBe(0);

    // And up again: down really reversed up.
    expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
  });

  test('the entities match the migrated schema (nothing left for migration:generate)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
