import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { createCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { whileNotificationsWorkerHeld } from './support/hold-worker.js';
import { connectLive } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('notifications', () => {
  let forum: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  const unread = async (user: TestUser) =>
    (await forum.http.get('/api/notifications/unread-count', { token: user.accessToken })).body.unread;

  test('a join-request outcome notifies the requester, persisted and live, and can be marked read', async () => {
    const space = await createCollaborative(forum, admin, { visibility: 'members' });
    const requester = await createUser(forum);
    const live = await connectLive(forum.baseUrl, { token: requester.accessToken });
    const asked = await forum.http.post(
      `/api/collaboratives/${space.id}/join-requests`,
      {},
      { token: requester.accessToken },
    );
    await forum.http.post(`/api/collaboratives/${space.id}/join-requests/${asked.body.id}/approve`, undefined, {
      token: admin.accessToken,
    });

    await live.waitFor((received) => received.some((event) => event.type === 'notification.created'));
    const pushed = live.received.find((event) => event.type === 'notification.created')!;
    expect(pushed.data).toMatchObject({
      type: 'join-request',
      read: false,
      title: expect.stringContaining('was approved'),
    });
    live.close();

    expect(await unread(requester)).toBe(1);
    const listed = await forum.http.get('/api/notifications', { token: requester.accessToken });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].id).toBe(pushed.data.id);
    expect(await unread(admin)).toBe(0); // the actor is never notified

    const someoneElse = await createUser(forum);
    const notMine = await forum.http.post(
      '/api/notifications/read',
      { ids: [pushed.data.id] },
      { token: someoneElse.accessToken },
    );
    expect(notMine.body.unread).toBe(0);
    expect(await unread(requester)).toBe(1);
    const marked = await forum.http.post(
      '/api/notifications/read',
      { ids: [pushed.data.id] },
      { token: requester.accessToken },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(0);
    expect((await forum.http.get('/api/notifications', { token: requester.accessToken })).body.items[0].read).toBe(
      true,
    );
  });

  test('mark-read bodies are validated', async () => {
    const user = await createUser(forum);
    for (const body of [{}, { ids: [] }, { ids: ['nope'] }, { all: false }, { all: true, extra: 1 }]) {
      expect((await forum.http.post('/api/notifications/read', body, { token: user.accessToken })).status).toBe(400);
    }
    expect((await forum.http.post('/api/notifications/read', { all: true }, { token: user.accessToken })).body).toEqual(
      { unread: 0 },
    );
  });

  test('each notification is made once, even when the worker runs again', async () => {
    const space = await createCollaborative(forum, admin, { visibility: 'members' });
    const requester = await createUser(forum);
    const asked = await forum.http.post(
      `/api/collaboratives/${space.id}/join-requests`,
      {},
      { token: requester.accessToken },
    );
    await forum.http.post(`/api/collaboratives/${space.id}/join-requests/${asked.body.id}/decline`, undefined, {
      token: admin.accessToken,
    });
    await eventually(async () => (await unread(requester)) === 1);
    const { NotificationsWorker } = await import('../src/notifications/notifications.worker.js');
    await forum.app.get(NotificationsWorker).drain();
    expect(await unread(requester)).toBe(1);
  });

  test('handles: made from the display name, unique, editable, and findable', async () => {
    const first = await createUser(forum, 'member', { displayName: 'Zoë Ní Bhriain' });
    const second = await createUser(forum, 'member', { displayName: 'Zoe Ni Bhriain' });
    const handleOf = async (person: TestUser) =>
      (await forum.http.get('/api/users/me', { token: person.accessToken })).body.handle;
    expect(await handleOf(first)).toBe('zoe-ni-bhriain');
    expect(await handleOf(second)).toBe('zoe-ni-bhriain-2');
    const user = await createUser(forum);
    const taken = await forum.http.patch('/api/users/me', { handle: 'Zoe-Ni-Bhriain' }, { token: user.accessToken });
    expect(taken.status).toBe(409);
    expect((await forum.http.patch('/api/users/me', { handle: '-bad-' }, { token: user.accessToken })).status).toBe(
      400,
    );
    const changed = await forum.http.patch('/api/users/me', { handle: 'elective-lead' }, { token: user.accessToken });
    expect(changed.body.handle).toBe('elective-lead');
    expect((await forum.http.get('/api/users/by-handle/Elective-Lead', { token: admin.accessToken })).body.id).toBe(
      user.id,
    );
  });

  test('follow levels are set per collaborative', async () => {
    const space = await createCollaborative(forum, admin);
    const reader = await createUser(forum);
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${space.id}/follow`,
          { level: 'none' },
          { token: reader.accessToken },
        )
      ).status,
    ).toBe(404);
    await forum.http.put(`/api/collaboratives/${space.id}/follow`, undefined, { token: reader.accessToken });
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${space.id}/follow`,
          { level: 'loud' },
          { token: reader.accessToken },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${space.id}/follow`,
          { level: 'questions-and-practices' },
          { token: reader.accessToken },
        )
      ).status,
    ).toBe(204);
    const detail = await forum.http.get(`/api/collaboratives/${space.id}`, { token: reader.accessToken });
    expect(detail.body.viewer).toMatchObject({ following: true, followLevel: 'questions-and-practices' });
  });
  test('a reply notifies those who replied before it, not those who replied after, however late the worker runs', async () => {
    const space = await createCollaborative(forum, admin);
    const [asker, first, second] = await Promise.all([1, 2, 3].map(() => createUser(forum)));
    const asked = await forum.http.post(
      `/api/collaboratives/${space.id}/threads`,
      { title: 'Who replies first?', body: 'Order matters.' },
      { token: asker!.accessToken },
    );
    await whileNotificationsWorkerHeld(forum, async () => {
      expect(
        (
          await forum.http.post(
            `/api/threads/${asked.body.id}/replies`,
            { body: 'First.' },
            { token: first!.accessToken },
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await forum.http.post(
            `/api/threads/${asked.body.id}/replies`,
            { body: 'Second.' },
            { token: second!.accessToken },
          )
        ).status,
      ).toBe(201);
    });
    const repliesFrom = async (user: TestUser) =>
      (
        (await forum.http.get('/api/notifications', { token: user.accessToken })).body.items as Array<{
          type: string;
          threadId: string;
          actorId: string;
        }>
      )
        .filter((n) => n.type === 'reply' && n.threadId === asked.body.id)
        .map((n) => n.actorId);
    await eventually(async () => (await repliesFrom(asker!)).length === 2);
    expect(await repliesFrom(first!)).toEqual([second!.id]);
    expect(await repliesFrom(second!)).toEqual([]);
  });

  test("a notification's excerpt is the reply's words without their Markdown", async () => {
    const space = await createCollaborative(forum, admin);
    const [asker, replier] = await Promise.all([1, 2].map(() => createUser(forum)));
    const asked = await forum.http.post(
      `/api/collaboratives/${space.id}/threads`,
      { title: 'Formatting in excerpts', body: 'Go on.' },
      { token: asker!.accessToken },
    );
    await forum.http.post(
      `/api/threads/${asked.body.id}/replies`,
      { body: '> Go on.\n\nOur **PTL** review, see [the guide](https://example.nhs.uk).' },
      { token: replier!.accessToken },
    );
    const notice = await eventually(async () => {
      const items = (await forum.http.get('/api/notifications', { token: asker!.accessToken })).body.items as Array<{
        type: string;
        excerpt: string;
      }>;
      return items.find((item) => item.type === 'reply');
    }, 'the reply notification');
    expect(notice.excerpt).toBe('Go on. Our PTL review, see the guide.');
  });

  test('a reply deleted before the worker reached it notifies nobody, and the worker goes on with the next', async () => {
    const space = await createCollaborative(forum, admin);
    const [asker, regretful, later] = await Promise.all([1, 2, 3].map(() => createUser(forum)));
    const asked = await forum.http.post(
      `/api/collaboratives/${space.id}/threads`,
      { title: 'Deleted in a hurry', body: 'Go on.' },
      { token: asker!.accessToken },
    );
    const sql = (query: string, params: unknown[]) => forum.app.get(DataSource).query(query, params);
    let regretted = '';
    await whileNotificationsWorkerHeld(forum, async () => {
      regretted = (
        await forum.http.post(
          `/api/threads/${asked.body.id}/replies`,
          { body: 'Sent too soon.' },
          { token: regretful!.accessToken },
        )
      ).body.id;
      // What a delete leaves of the stored event (the delete itself waits for the worker, which this test holds).
      await sql(
        `UPDATE events SET payload = jsonb_build_object('id', $1::text, 'deleted', true) WHERE type = 'reply.created' AND payload->>'id' = $1`,
        [regretted],
      );
    });
    expect(
      (
        await forum.http.post(
          `/api/threads/${asked.body.id}/replies`,
          { body: 'Still here.' },
          { token: later!.accessToken },
        )
      ).status,
    ).toBe(201);
    const reply = await eventually(async () => {
      const items = (await forum.http.get('/api/notifications', { token: asker!.accessToken })).body.items as Array<{
        type: string;
        actorId: string;
      }>;
      return items.find((item) => item.type === 'reply' && item.actorId === later!.id);
    }, 'the notification of the reply after the deleted one');
    expect(reply).toBeDefined();
    expect(await sql(`SELECT 1 FROM notifications WHERE actor_id = $1`, [regretful!.id])).toEqual([]);
  });
});
