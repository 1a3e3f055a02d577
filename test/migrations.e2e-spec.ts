import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { RedactionIndexesAndScrub1795600000005 } from '../migrations/1795600000005-RedactionIndexesAndScrub.js';
import { MIGRATIONS } from '../migrations/index.js';
import { dataSourceOptions } from '../src/app/data-source-options.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const tables = async () =>
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
      (row: { tablename: string }) => row.tablename,
    );
  const userTypes = async () =>
    (
      await dataSource.query(
        `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
      )
    ).length;

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

  test('upgrading scrubs the words of content deleted before deleting redacted them', async () => {
    await dataSource.runMigrations();
    // Back to before RedactionIndexesAndScrub, through whatever came after it.
    const later = MIGRATIONS.length - MIGRATIONS.indexOf(RedactionIndexesAndScrub1795600000005);
    for (let step = 0; step < later; step++) await dataSource.undoLastMigration();
    const words = 'Bed 9 patient Alex Example';
    const [user] = await dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, organisation, job_title, sector, handle)
       VALUES ('old@nhs.net', 'x', 'Old Poster', 'Trust', 'Director', 'acute', 'old-poster') RETURNING id`,
    );
    const [space] = await dataSource.query(
      `INSERT INTO collaboratives (name, slug, type) VALUES ('Older days', 'older-days', 'horizontal') RETURNING id`,
    );
    const [thread] = await dataSource.query(
      `INSERT INTO threads (collaborative_id, author_id, title, body, body_html, deleted_at) VALUES ($1, $2, '[deleted]', '', '', now()) RETURNING id`,
      [space.id, user.id],
    );
    const [reply] = await dataSource.query(
      `INSERT INTO replies (thread_id, position, author_id, body, body_html) VALUES ($1, 1, $2, 'Still here', '<p>Still here</p>') RETURNING id`,
      [thread.id, user.id],
    );
    const [created] = await dataSource.query(
      `INSERT INTO events (type, collaborative_id, thread_id, payload) VALUES ('thread.created', $1, $2::uuid, jsonb_build_object('id', $2::text, 'title', $3::text)) RETURNING id`,
      [space.id, thread.id, words],
    );
    await dataSource.query(
      `INSERT INTO events (type, collaborative_id, thread_id, payload) VALUES ('reply.created', $1, $2, jsonb_build_object('id', $3::text, 'body', 'Still here'))`,
      [space.id, thread.id, reply.id],
    );
    const [notification] = await dataSource.query(
      `INSERT INTO notifications (user_id, type, thread_id, event_id, data) VALUES ($1, 'new-thread', $2, $3, jsonb_build_object('title', $4::text, 'excerpt', $4::text)) RETURNING id`,
      [user.id, thread.id, created.id, words],
    );
    await dataSource.query(
      `INSERT INTO events (type, user_id, payload) VALUES ('notification.created', $1, jsonb_build_object('id', $2::text, 'title', $3::text, 'excerpt', $3::text))`,
      [user.id, notification.id, words],
    );
    const [practice] = await dataSource.query(
      `INSERT INTO practices (author_id, title, deleted_at) VALUES ($1, $2, now()) RETURNING id`,
      [user.id, words],
    );
    await dataSource.query(
      `INSERT INTO practice_revisions (practice_id, number, editor_id, snapshot) VALUES ($1, 1, $2, jsonb_build_object('title', $3::text))`,
      [practice.id, user.id, words],
    );

    expect(await dataSource.runMigrations()).toHaveLength(later);
    const stored = JSON.stringify(
      await dataSource.query(
        `SELECT payload FROM events UNION ALL SELECT data FROM notifications UNION ALL SELECT snapshot FROM practice_revisions`,
      ),
    );
    expect(stored).not.toContain(words);
    // A live reply of the deleted thread keeps its words: only deleted content is scrubbed.
    expect(stored).toContain('Still here');
    expect(await dataSource.query(`SELECT data FROM notifications WHERE id = $1`, [notification.id])).toEqual([
      { data: { title: 'Activity in a thread that was deleted' } },
    ]);
  });

  test('the entities match the migrated schema (nothing left for migration:generate)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
