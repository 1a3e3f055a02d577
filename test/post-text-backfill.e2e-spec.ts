import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource, type QueryRunner } from 'typeorm';

import { StorePostExcerptsAndMentions1795600000006 } from '../migrations/1795600000006-StorePostExcerptsAndMentions.js';
import { dataSourceOptions } from '../src/app/data-source-options.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** The migration that added each post's excerpt and mentions fills them in for posts written before it. */
describe('StorePostExcerptsAndMentions', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await dataSource.runMigrations();
    runner = dataSource.createQueryRunner();
  });
  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await database?.drop();
  });

  test('fills every existing post in batches, then no post can be written without them', async () => {
    // Back to the schema before it: posts without an excerpt or mentions.
    await new StorePostExcerptsAndMentions1795600000006().down(runner);
    const [user] = await runner.query(
      `INSERT INTO users (email, password_hash, display_name, organisation, job_title, sector, handle)
       VALUES ('earlier@nhs.net', 'x', 'Earlier Poster', 'Trust', 'Director', 'acute', 'earlier-poster') RETURNING id`,
    );
    const [space] = await runner.query(
      `INSERT INTO collaboratives (name, slug, type) VALUES ('Earlier days', 'earlier-days', 'horizontal') RETURNING id`,
    );
    const [thread] = await runner.query(
      `INSERT INTO threads (collaborative_id, author_id, title, body, body_html) VALUES ($1, $2, 'Older', $3, '<p>x</p>') RETURNING id`,
      [space.id, user.id, '**Weekend** lists, ask @Sam-K'],
    );
    // Seven replies, so a batch of two leaves a short last batch; one deleted, one hidden.
    for (let position = 1; position <= 7; position++) {
      await runner.query(
        `INSERT INTO replies (thread_id, position, author_id, body, body_html, deleted_at, hidden_at)
         VALUES ($1, $2, $3, $4, '<p>x</p>', $5, $6)`,
        [
          thread.id,
          position,
          user.id,
          position === 3 ? '' : `Reply _${position}_ for @ana-${position}`,
          position === 3 ? new Date() : null,
          position === 5 ? new Date() : null,
        ],
      );
    }
    const [practice] = await runner.query(
      `INSERT INTO practices (author_id, title) VALUES ($1, 'Shared lists') RETURNING id`,
      [user.id],
    );
    const [comment] = await runner.query(
      `INSERT INTO practice_comments (practice_id, author_id, body, body_html) VALUES ($1, $2, '> We did too', '<p>x</p>') RETURNING id`,
      [practice.id, user.id],
    );

    await new StorePostExcerptsAndMentions1795600000006(2).up(runner);

    expect(await runner.query(`SELECT excerpt, mentions FROM threads WHERE id = $1`, [thread.id])).toEqual([
      { excerpt: 'Weekend lists, ask @sam-k', mentions: ['sam-k'] },
    ]);
    const replies = await runner.query(`SELECT position, excerpt, mentions FROM replies ORDER BY position`);
    expect(replies).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((position) =>
        position === 3
          ? { position, excerpt: '', mentions: [] }
          : { position, excerpt: `Reply ${position} for @ana-${position}`, mentions: [`ana-${position}`] },
      ),
    );
    expect(await runner.query(`SELECT excerpt, mentions FROM practice_comments WHERE id = $1`, [comment.id])).toEqual([
      { excerpt: 'We did too', mentions: [] },
    ]);
    // The stored HTML is left as it was: only the new columns are filled.
    expect(await runner.query(`SELECT DISTINCT body_html FROM replies`)).toEqual([{ body_html: '<p>x</p>' }]);

    const nullable = await runner.query(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns
        WHERE column_name IN ('excerpt', 'mentions') AND table_name IN ('threads', 'replies', 'practice_comments')
        ORDER BY table_name, column_name`,
    );
    expect(nullable).toHaveLength(6);
    expect(nullable.every((column: { is_nullable: string }) => column.is_nullable === 'NO')).toBe(true);
    await expect(
      runner.query(
        `INSERT INTO replies (thread_id, position, author_id, body, body_html) VALUES ($1, 8, $2, 'No excerpt', '')`,
        [thread.id, user.id],
      ),
    ).rejects.toThrow(/excerpt/);
  });
});
