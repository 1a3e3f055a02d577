import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { RENDERED_TABLES, rerenderContent } from '../src/app/cli/rendered-tables.js';
import { type RerenderProgress, rerenderTable } from '../src/content/rerender-bodies.js';
import { askThread, replyTo } from './factories/thread.factory.js';
import type { TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { authorPractice, buildCast, type Cast } from './support/moderation-cast.js';
import { startTestApp } from './support/test-app.js';

/** `npm run content:rerender`: stored HTML, excerpts and mentions made again from the Markdown. */
const forum = await startTestApp();
let cast: Cast;
let handle: string;

beforeAll(async () => {
  cast = await buildCast(forum);
  handle = (await forum.http.get('/api/users/me', { token: cast.member.accessToken })).body.handle;
}, 60_000);
afterAll(() => forum.close());

const as = (user: TestUser) => ({ token: user.accessToken });
const sql = (query: string, params: unknown[] = []) => forum.app.get(DataSource).query(query, params);

describe('content:rerender', () => {
  test('restores what a faulty renderer stored, a batch at a time, reporting progress per table', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id, { body: `**Lists** shared with @${handle}` });
    const replies: Array<{ id: string }> = [];
    for (let n = 1; n <= 5; n++) replies.push(await replyTo(forum, cast.author, thread.id, { body: `Reply _${n}_` }));
    await forum.http.patch(`/api/replies/${replies[0]!.id}`, { body: 'Reply *one*, edited' }, as(cast.author));
    const { practiceId, commentId } = await authorPractice(forum, cast);
    const rendered = () =>
      sql(
        `SELECT 'thread' AS kind, body_html AS html, excerpt, mentions FROM threads WHERE id = $1
         UNION ALL SELECT 'reply ' || position, body_html, excerpt, mentions FROM replies WHERE thread_id = $2
         UNION ALL SELECT 'comment', body_html, excerpt, mentions FROM practice_comments WHERE id = $3
         UNION ALL SELECT 'practice', challenge_html || lessons_html, NULL, NULL FROM practices WHERE id = $4
         UNION ALL SELECT 'revision', body_html, NULL, NULL FROM reply_revisions WHERE reply_id = $5
         ORDER BY 1`,
        [thread.id, thread.id, commentId, practiceId, replies[0]!.id],
      );
    const before = await rendered();

    // What an old sanitiser might have let through, and an excerpt and mentions gone wrong.
    const faulty = '<p><img src=x onerror=alert(1)></p>';
    await sql(`UPDATE threads SET body_html = $2, excerpt = 'wrong', mentions = '{someone-else}' WHERE id = $1`, [
      thread.id,
      faulty,
    ]);
    await sql(`UPDATE replies SET body_html = $2, excerpt = '' WHERE thread_id = $1 AND position IN (2, 4)`, [
      thread.id,
      faulty,
    ]);
    await sql(`UPDATE practice_comments SET body_html = $2 WHERE id = $1`, [commentId, faulty]);
    await sql(`UPDATE practices SET challenge_html = $2 WHERE id = $1`, [practiceId, faulty]);
    await sql(`UPDATE reply_revisions SET body_html = $2 WHERE reply_id = $1`, [replies[0]!.id, faulty]);

    const progress: RerenderProgress[] = [];
    const outcomes = await rerenderContent(forum.app.get(DataSource).manager, {
      batchSize: 2,
      onProgress: (step) => progress.push(step),
    });

    const after = await rendered();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('onerror');

    const outcome = (table: string) => outcomes.find((row) => row.table === table)!;
    const replyRows = Number((await sql(`SELECT count(*)::int AS n FROM replies`))[0].n);
    expect(outcome('replies')).toEqual({ table: 'replies', done: replyRows, total: replyRows, changed: 2 });
    expect(outcome('threads').changed).toBe(1);
    expect(outcome('practice_comments').changed).toBe(1);
    expect(outcome('practices').changed).toBe(1);
    expect(outcome('reply_revisions').changed).toBe(1);
    expect(outcome('collaboratives').changed).toBe(0);
    // Progress for every table, from nothing done to all done, two rows a batch.
    const ofReplies = progress.filter((step) => step.table === 'replies').map((step) => step.done);
    expect(ofReplies[0]).toBe(0);
    expect(ofReplies.at(-1)).toBe(replyRows);
    expect(ofReplies.slice(1).every((done, index) => done - ofReplies[index]! <= 2)).toBe(true);
    expect(new Set(progress.map((step) => step.table))).toEqual(new Set(outcomes.map((row) => row.table)));

    // A second run finds nothing left to change.
    const again = await rerenderContent(forum.app.get(DataSource).manager, { batchSize: 100 });
    expect(again.every((row) => row.changed === 0)).toBe(true);
  });

  test('an edit committed while a batch waits for its row keeps its own rendering', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id);
    const reply = await replyTo(forum, cast.author, thread.id, { body: 'First words' });
    await sql(`UPDATE replies SET body_html = 'stale' WHERE id = $1`, [reply.id]);
    // An edit in flight: the row is locked and its new body not yet committed.
    const editor = forum.app.get(DataSource).createQueryRunner();
    await editor.connect();
    await editor.startTransaction();
    try {
      await editor.query(
        `UPDATE replies SET body = 'Edited meanwhile', body_html = '<p>Edited meanwhile</p>', excerpt = 'Edited meanwhile' WHERE id = $1`,
        [reply.id],
      );
      const replies = RENDERED_TABLES.find((table) => table.table === 'replies')!;
      const run = rerenderTable(forum.app.get(DataSource).manager, replies, { batchSize: 1000 });
      await eventually(async () => {
        const waiting = await sql(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE replies t SET%'`,
        );
        return waiting.length > 0;
      }, 'the batch to wait for the row');
      await editor.commitTransaction();
      await run;
    } finally {
      await editor.release();
    }
    // The batch rendered 'First words', but the row no longer says that: the edit stands.
    expect(await sql(`SELECT body, body_html, excerpt FROM replies WHERE id = $1`, [reply.id])).toEqual([
      { body: 'Edited meanwhile', body_html: '<p>Edited meanwhile</p>', excerpt: 'Edited meanwhile' },
    ]);
  });
});
