import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { addMember, createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { connectLive, ids, isIncreasing, type LiveClient } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Threads and replies through the live stream and notifications. */
describe('threads live and notified', () => {
  let forum: TestApp;
  let admin: TestUser;
  let asker: TestUser;
  let space: TestCollaborative;
  let secret: TestCollaborative;
  const clients: LiveClient[] = [];
  const live = async (user: TestUser, auth: Record<string, unknown> = {}) => {
    const client = await connectLive(forum.baseUrl, { token: user.accessToken, ...auth });
    clients.push(client);
    return client;
  };
  const ask = async (user: TestUser, collaborativeId: string, body = 'How did you share diagnostic capacity?') =>
    (
      await forum.http.post(
        `/api/collaboratives/${collaborativeId}/threads`,
        { title: 'Sharing CT capacity across trusts', body },
        { token: user.accessToken },
      )
    ).body;
  const reply = async (user: TestUser, threadId: string, body = 'We pooled weekend lists.') =>
    forum.http.post(`/api/threads/${threadId}/replies`, { body }, { token: user.accessToken });
  const notifications = async (user: TestUser) =>
    (await forum.http.get('/api/notifications?limit=100', { token: user.accessToken })).body.items as Array<{
      type: string;
      threadId: string;
      title: string;
    }>;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
    asker = await createUser(forum);
    space = await createCollaborative(forum, admin, { name: 'Diagnostics network' });
    secret = await createCollaborative(forum, admin, { name: 'Finance (members)', visibility: 'members' });
    await addMember(forum, admin, secret.id, asker);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await forum?.close();
  });

  test('thread and reply events reach the collaborative room and thread subscribers, never outsiders of a members-only space', async () => {
    const follower = await createUser(forum);
    await forum.http.put(`/api/collaboratives/${space.id}/follow`, undefined, { token: follower.accessToken });
    const followerLive = await live(follower);
    const thread = await ask(asker, space.id);
    await followerLive.waitFor((received) =>
      received.some((e) => e.type === 'thread.created' && e.threadId === thread.id),
    );

    const subscriber = await createUser(forum);
    const subscriberLive = await live(subscriber);
    expect(await subscriberLive.request('subscribe', { threadId: thread.id })).toEqual({ ok: true });
    const replier = await createUser(forum);
    await reply(replier, thread.id);
    await subscriberLive.waitFor((received) =>
      received.some((e) => e.type === 'reply.created' && e.threadId === thread.id),
    );
    const event = subscriberLive.received.find((e) => e.type === 'reply.created')!;
    expect(event.data).toMatchObject({ threadId: thread.id, body: 'We pooled weekend lists.' });
    expect(JSON.stringify(event.data)).not.toContain('@nhs.net');

    const secretThread = await ask(asker, secret.id, 'Our deficit plan');
    const outsider = await live(follower);
    expect(await outsider.request('subscribe', { threadId: secretThread.id })).toEqual({
      ok: false,
      error: 'not found',
    });
    expect(await outsider.request('subscribe', { threadId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: 'not found',
    });
    await reply(asker, secretThread.id, 'Confidential figures');
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const client of [followerLive, subscriberLive, outsider])
      expect(client.received.some((e) => e.threadId === secretThread.id)).toBe(false);
  });

  test('100 replies while disconnected: a subscriber catches up on them once, in order', async () => {
    const thread = await ask(asker, space.id);
    const reader = await createUser(forum);
    const first = await live(reader);
    await first.request('subscribe', { threadId: thread.id });
    await reply(asker, thread.id, 'first');
    await first.waitFor((received) => received.some((e) => e.type === 'reply.created'));
    const lastEventId = first.received[first.received.length - 1]!.id;
    first.close();
    const repliers = await Promise.all(Array.from({ length: 5 }, () => createUser(forum)));
    for (let index = 0; index < 100; index++)
      expect((await reply(repliers[index % 5]!, thread.id, `reply ${index}`)).status).toBe(201);
    const second = await live(reader);
    expect(await second.request('subscribe', { threadId: thread.id, lastEventId })).toEqual({ ok: true });
    await second.waitFor((received) => received.filter((e) => e.type === 'reply.created').length >= 100, 20_000);
    const replies = second.received.filter((e) => e.type === 'reply.created');
    expect(replies.map((e) => e.data.body)).toEqual(Array.from({ length: 100 }, (_, index) => `reply ${index}`));
    expect(isIncreasing(ids(second.received))).toBe(true);
  });

  test('events carry their payload version, live and replayed; a reply deleted since replays as { id, deleted: true, v: 1 }', async () => {
    const reader = await createUser(forum);
    await forum.http.put(`/api/collaboratives/${space.id}/follow`, undefined, { token: reader.accessToken });
    const thread = await ask(asker, space.id);
    const first = await live(reader);
    const [{ before }] = await forum.app.get(DataSource).query(`SELECT max(id)::text AS before FROM events`);
    const kept = (await reply(asker, thread.id, 'kept')).body;
    const gone = (await reply(asker, thread.id, 'to be deleted')).body;
    await first.waitFor((received) => received.filter((e) => e.type === 'reply.created').length >= 2);
    expect(first.received.filter((e) => e.type === 'reply.created').map((e) => e.data)).toEqual([
      expect.objectContaining({ id: kept.id, body: 'kept', v: 1 }),
      expect.objectContaining({ id: gone.id, body: 'to be deleted', v: 1 }),
    ]);

    // Stored before payloads had versions: still delivered, as version 1.
    await forum.app
      .get(DataSource)
      .query(`UPDATE events SET payload = payload - 'v' WHERE type = 'reply.created' AND payload->>'id' = $1`, [
        kept.id,
      ]);
    expect((await forum.http.delete(`/api/replies/${gone.id}`, { token: asker.accessToken })).status).toBe(204);

    const expected = [
      { type: 'reply.created', data: expect.objectContaining({ id: kept.id, body: 'kept', v: 1 }) },
      { type: 'reply.created', data: { id: gone.id, deleted: true, v: 1 } },
      { type: 'reply.deleted', data: { replyId: gone.id, threadId: thread.id, v: 1 } },
    ];
    const replayed = await live(reader, { lastEventId: before });
    await replayed.waitFor((received) => received.some((e) => e.type === 'reply.deleted'));
    const replay = replayed.received.filter((e) => e.threadId === thread.id);
    expect(replay).toMatchObject(expected);
    expect(replay[1]!.data).toEqual({ id: gone.id, deleted: true, v: 1 });
    const rest = await forum.http.get(`/api/events?after=${before}`, { token: reader.accessToken });
    const page = rest.body.items.filter((e: { threadId?: string }) => e.threadId === thread.id);
    expect(page).toMatchObject(expected);
    expect(page[1].data).toEqual({ id: gone.id, deleted: true, v: 1 });
  });

  test('notifications: replies reach the asker, earlier repliers and followers, mentions, accepted answers; none for self or unreadable content', async () => {
    const thread = await ask(asker, space.id);
    const early = await createUser(forum);
    const watcher = await createUser(forum);
    const mentioned = await createUser(forum);
    const handle = (await forum.http.get('/api/users/me', { token: mentioned.accessToken })).body.handle;
    await reply(early, thread.id, 'An early thought');
    expect(
      (await forum.http.put(`/api/threads/${thread.id}/follow`, undefined, { token: watcher.accessToken })).status,
    ).toBe(204);
    const late = await createUser(forum);
    const lateReply = await reply(late, thread.id, `Adding @${handle} who ran this in Bolton`);

    const has = async (user: TestUser, type: string) =>
      (await notifications(user)).some((n) => n.type === type && n.threadId === thread.id);
    await eventually(
      async () =>
        (await has(asker, 'reply')) &&
        (await has(early, 'reply')) &&
        (await has(watcher, 'reply')) &&
        (await has(mentioned, 'mention')),
    );
    expect(await has(late, 'reply')).toBe(false); // never about your own action

    await forum.http.put(
      `/api/threads/${thread.id}/accepted-reply`,
      { replyId: lateReply.body.id },
      { token: asker.accessToken },
    );
    await eventually(() => has(late, 'answer-accepted'));

    // Mentioning someone in a members-only space they cannot read notifies nobody.
    const secretThread = await ask(asker, secret.id, `Asking @${handle} to look`);
    await reply(asker, secretThread.id, `@${handle} any view?`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await notifications(mentioned)).some((n) => n.threadId === secretThread.id)).toBe(false);
  });

  test('follow levels decide who hears of new threads', async () => {
    const everything = await createUser(forum);
    const questionsOnly = await createUser(forum);
    const quiet = await createUser(forum);
    for (const [user, level] of [
      [everything, 'all'],
      [questionsOnly, 'questions-and-practices'],
      [quiet, 'none'],
    ] as const) {
      await forum.http.put(`/api/collaboratives/${space.id}/follow`, undefined, { token: user.accessToken });
      await forum.http.patch(`/api/collaboratives/${space.id}/follow`, { level }, { token: user.accessToken });
    }
    const discussion = (
      await forum.http.post(
        `/api/collaboratives/${space.id}/threads`,
        { title: 'A discussion on workforce', body: 'Thoughts?', kind: 'discussion' },
        { token: asker.accessToken },
      )
    ).body;
    const question = await ask(asker, space.id);
    const got = async (user: TestUser, threadId: string) =>
      (await notifications(user)).some((n) => n.type === 'new-thread' && n.threadId === threadId);
    await eventually(
      async () =>
        (await got(everything, discussion.id)) &&
        (await got(everything, question.id)) &&
        (await got(questionsOnly, question.id)),
    );
    expect(await got(questionsOnly, discussion.id)).toBe(false);
    expect(await got(quiet, question.id)).toBe(false);
  });
});
