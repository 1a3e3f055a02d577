import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { SeedService } from '../src/app/seed/seed.service.js';
import { DEMO_THREADS } from '../src/threads/threads.demo-data.js';
import { demoThreadId } from '../src/threads/threads.seed.js';
import { signIn } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('demo threads', () => {
  let forum: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    forum = await startTestApp();
    db = forum.app.get(DataSource);
    await forum.app.get(SeedService).seedDemo();
  });
  afterAll(() => forum?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);

  test('every demo thread is in place, with replies, accepted answers and unanswered questions', async () => {
    expect(await count(`SELECT count(*) AS n FROM threads`)).toBe(DEMO_THREADS.length);
    expect(await count(`SELECT count(*) AS n FROM replies`)).toBe(
      DEMO_THREADS.reduce((sum, demo) => sum + demo.replies.length, 0),
    );
    expect(await count(`SELECT count(*) AS n FROM threads WHERE accepted_reply_id IS NOT NULL`)).toBe(
      DEMO_THREADS.filter((demo) => demo.accepted).length,
    );
    expect(
      await count(`SELECT count(*) AS n FROM threads WHERE kind = 'question' AND accepted_reply_id IS NULL`),
    ).toBeGreaterThanOrEqual(2);
    expect(await count(`SELECT count(DISTINCT collaborative_id) AS n FROM threads`)).toBeGreaterThanOrEqual(5);
  });

  test('counters match the rows they count', async () => {
    const threads = await db.query(`
      SELECT t.id FROM threads t
       WHERE t.reply_count <> (SELECT count(*) FROM replies r WHERE r.thread_id = t.id AND r.deleted_at IS NULL)
          OR t.vote_count <> (SELECT count(*) FROM thread_votes v WHERE v.thread_id = t.id)
          OR t.reply_seq <> (SELECT count(*) FROM replies r WHERE r.thread_id = t.id)
          OR t.last_activity_at < (SELECT max(r.created_at) FROM replies r WHERE r.thread_id = t.id)`);
    expect(threads).toEqual([]);
    const replies = await db.query(
      `SELECT r.id FROM replies r WHERE r.vote_count <> (SELECT count(*) FROM reply_votes v WHERE v.reply_id = r.id)`,
    );
    expect(replies).toEqual([]);
    const collaboratives = await db.query(`
      SELECT c.slug FROM collaboratives c
       WHERE c.thread_count <> (SELECT count(*) FROM threads t WHERE t.collaborative_id = c.id AND t.deleted_at IS NULL)
          OR c.post_count <> (SELECT count(*) FROM threads t WHERE t.collaborative_id = c.id AND t.deleted_at IS NULL)
                           + (SELECT count(*) FROM replies r JOIN threads t ON t.id = r.thread_id WHERE t.collaborative_id = c.id AND r.deleted_at IS NULL)`);
    expect(collaboratives).toEqual([]);
  });

  test('seeding again adds nothing and keeps edits and deletions', async () => {
    const [edited, deleted] = [demoThreadId(DEMO_THREADS[0]!.key), demoThreadId(DEMO_THREADS[1]!.key)];
    await db.query(`UPDATE threads SET title = 'Edited by its author' WHERE id = $1`, [edited]);
    await db.query(`UPDATE threads SET deleted_at = now(), title = '[deleted]' WHERE id = $1`, [deleted]);
    await forum.app.get(SeedService).seedDemo();
    expect(await count(`SELECT count(*) AS n FROM threads`)).toBe(DEMO_THREADS.length);
    expect((await db.query(`SELECT title FROM threads WHERE id = $1`, [edited]))[0].title).toBe('Edited by its author');
    expect((await db.query(`SELECT deleted_at FROM threads WHERE id = $1`, [deleted]))[0].deleted_at).not.toBeNull();
  });

  test('a demo member reads a demo thread with its accepted answer through the API', async () => {
    const { accessToken } = await signIn(forum.http, 'helen.clarke@example.nhs.uk', 'Collaborate-and-learn-2026');
    const withAnswer = DEMO_THREADS.find((demo) => demo.accepted && demo.key !== DEMO_THREADS[1]!.key)!;
    const shown = await forum.http.get(`/api/threads/${demoThreadId(withAnswer.key)}`, { token: accessToken });
    expect(shown.status).toBe(200);
    expect(shown.body.acceptedReply).not.toBeNull();
    expect(shown.body.acceptedReply.isAccepted).toBe(true);
  });
});
