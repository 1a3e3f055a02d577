import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { askThread, replyTo } from './factories/thread.factory.js';
import type { TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { whileNotificationsWorkerHeld } from './support/hold-worker.js';
import { authorPractice, buildCast, type Cast } from './support/moderation-cast.js';
import { startTestApp } from './support/test-app.js';

/**
 * Each post stores the excerpt notifications quote and the handles it mentions, rendered
 * with its HTML when it is written; the notifications worker reads them and renders nothing.
 */
const forum = await startTestApp();
let cast: Cast;
let memberHandle: string;
let leadHandle: string;

beforeAll(async () => {
  cast = await buildCast(forum);
  const handleOf = async (user: TestUser) =>
    (await forum.http.get('/api/users/me', { token: user.accessToken })).body.handle as string;
  [memberHandle, leadHandle] = await Promise.all([handleOf(cast.member), handleOf(cast.lead)]);
}, 60_000);
afterAll(() => forum.close());

const as = (user: TestUser) => ({ token: user.accessToken });
const sql = (query: string, params: unknown[] = []) => forum.app.get(DataSource).query(query, params);
const stored = async (table: string, id: string) =>
  (await sql(`SELECT excerpt, mentions FROM ${table} WHERE id = $1`, [id]))[0] as {
    excerpt: string;
    mentions: string[];
  };

function notificationOf(user: TestUser, type: string, where: (item: Record<string, unknown>) => boolean) {
  return eventually(async () => {
    const list = await forum.http.get('/api/notifications?limit=100', as(user));
    return list.body.items.find((item: Record<string, unknown>) => item.type === type && where(item));
  }, `a ${type} notification for ${user.id}`);
}

describe('stored with each post', () => {
  test('a thread stores its excerpt and mentions when asked, and again when its body is edited', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id, {
      body: `**Weekend** CT lists, with @${memberHandle}\n\n- shared\n- across _three_ trusts`,
    });
    expect(await stored('threads', thread.id)).toEqual({
      excerpt: `Weekend CT lists, with @${memberHandle} shared across three trusts`,
      mentions: [memberHandle],
    });

    // A title alone leaves the body's rendering as it was.
    await forum.http.patch(`/api/threads/${thread.id}`, { title: 'Weekend CT lists, a year on' }, as(cast.author));
    expect((await stored('threads', thread.id)).mentions).toEqual([memberHandle]);

    const edited = await forum.http.patch(
      `/api/threads/${thread.id}`,
      { body: `Now with @${leadHandle} and \`@${memberHandle}\` in code` },
      as(cast.author),
    );
    expect(edited.status).toBe(200);
    expect(await stored('threads', thread.id)).toEqual({
      excerpt: `Now with @${leadHandle} and @${memberHandle} in code`,
      mentions: [leadHandle],
    });
  });

  test('a reply and a comment store theirs on create and on edit', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id);
    const reply = await replyTo(forum, cast.author, thread.id, { body: `Ask @${memberHandle} about it` });
    expect(await stored('replies', reply.id)).toEqual({
      excerpt: `Ask @${memberHandle} about it`,
      mentions: [memberHandle],
    });
    await forum.http.patch(`/api/replies/${reply.id}`, { body: '> Quoted\n\nNo one to ask now' }, as(cast.author));
    expect(await stored('replies', reply.id)).toEqual({ excerpt: 'Quoted No one to ask now', mentions: [] });

    const { commentId } = await authorPractice(forum, cast);
    expect(await stored('practice_comments', commentId)).toEqual({ excerpt: 'We found the same.', mentions: [] });
    await forum.http.patch(
      `/api/comments/${commentId}`,
      { body: `We found *the same*, @${leadHandle}` },
      as(cast.author),
    );
    expect(await stored('practice_comments', commentId)).toEqual({
      excerpt: `We found the same, @${leadHandle}`,
      mentions: [leadHandle],
    });
  });

  test('deleting a thread, a reply or a comment clears its excerpt and mentions with its body', async () => {
    const words = `Ward 7 patient Jo Example, ask @${memberHandle}`;
    const thread = await askThread(forum, cast.author, cast.home.id, { body: words });
    const other = await askThread(forum, cast.author, cast.home.id);
    const reply = await replyTo(forum, cast.author, other.id, { body: words });
    const { commentId } = await authorPractice(forum, cast);
    await forum.http.patch(`/api/comments/${commentId}`, { body: words }, as(cast.author));

    for (const path of [`/api/threads/${thread.id}`, `/api/replies/${reply.id}`, `/api/comments/${commentId}`]) {
      expect((await forum.http.delete(path, as(cast.author))).status).toBe(204);
    }
    const tombstone = { excerpt: '', mentions: [] };
    expect(await stored('threads', thread.id)).toEqual(tombstone);
    expect(await stored('replies', reply.id)).toEqual(tombstone);
    expect(await stored('practice_comments', commentId)).toEqual(tombstone);
  });

  test('a thread merged into another carries its excerpt and mentions to the reply it becomes', async () => {
    const source = await askThread(forum, cast.author, cast.home.id, { body: `Merging, with @${memberHandle}` });
    const into = await askThread(forum, cast.author, cast.home.id);
    const merged = await forum.http.post(
      `/api/threads/${source.id}/merge`,
      { intoThreadId: into.id, reason: 'Same question.' },
      as(cast.moderator),
    );
    expect(merged.status).toBe(200);
    expect(
      await sql(`SELECT excerpt, mentions FROM replies WHERE thread_id = $1 AND body = $2`, [
        into.id,
        `Merging, with @${memberHandle}`,
      ]),
    ).toEqual([{ excerpt: `Merging, with @${memberHandle}`, mentions: [memberHandle] }]);
    expect(await stored('threads', source.id)).toEqual({ excerpt: '', mentions: [] });
  });
});

describe('notifications read what was stored', () => {
  test('a reply notifies those it mentions and quotes its excerpt, as stored', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id);
    const reply = await replyTo(forum, cast.member, thread.id, { body: `**Yes**: ask @${leadHandle} first` });
    const mention = await notificationOf(cast.lead, 'mention', (item) => item.threadId === thread.id);
    expect(mention.excerpt).toBe(`Yes: ask @${leadHandle} first`);
    const toAsker = await notificationOf(cast.author, 'reply', (item) => item.threadId === thread.id);
    expect(toAsker.excerpt).toBe(`Yes: ask @${leadHandle} first`);
    expect(reply.id).toBeDefined();
  });

  test('the worker takes the excerpt and the mentioned people from the row, not from the Markdown', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id);
    await whileNotificationsWorkerHeld(forum, async () => {
      const reply = await replyTo(forum, cast.member, thread.id, { body: 'Plain words, nobody mentioned' });
      // Had the worker rendered the body again, it would quote it and mention nobody.
      await sql(`UPDATE replies SET excerpt = 'What was stored', mentions = $2 WHERE id = $1`, [
        reply.id,
        [leadHandle],
      ]);
    });
    const mention = await notificationOf(cast.lead, 'mention', (item) => item.threadId === thread.id);
    expect(mention.excerpt).toBe('What was stored');
    const toAsker = await notificationOf(cast.author, 'reply', (item) => item.threadId === thread.id);
    expect(toAsker.excerpt).toBe('What was stored');
  });

  test('a new thread and a comment quote their stored excerpts', async () => {
    await forum.http.put(`/api/collaboratives/${cast.home.id}/follow`, undefined, as(cast.lead));
    const thread = await askThread(forum, cast.author, cast.home.id, { body: 'A _new_ **question** for everyone' });
    const created = await notificationOf(cast.lead, 'new-thread', (item) => item.threadId === thread.id);
    expect(created.excerpt).toBe('A new question for everyone');

    const { practiceId } = await authorPractice(forum, cast);
    await forum.http.post(`/api/practices/${practiceId}/comments`, { body: 'We *tried* this too' }, as(cast.member));
    const comment = await notificationOf(cast.author, 'comment', (item) => item.practiceId === practiceId);
    expect(comment.excerpt).toBe('We tried this too');
  });

  test('a reply hidden before the worker reaches it is quoted by no notification and mentions nobody', async () => {
    const thread = await askThread(forum, cast.author, cast.home.id);
    await whileNotificationsWorkerHeld(forum, async () => {
      const reply = await replyTo(forum, cast.member, thread.id, { body: `Bed 3 details, @${leadHandle}` });
      // As a hide does to the row (the hide itself would wait for the held worker).
      await sql(`UPDATE replies SET hidden_at = now() WHERE id = $1`, [reply.id]);
    });
    const toAsker = await notificationOf(cast.author, 'reply', (item) => item.threadId === thread.id);
    expect(toAsker.excerpt).toBeUndefined();
    const list = await forum.http.get('/api/notifications?limit=100', as(cast.lead));
    const mentions = list.body.items.filter(
      (item: { type: string; threadId: string }) => item.type === 'mention' && item.threadId === thread.id,
    );
    expect(mentions).toEqual([]);
  });
});
