import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { collaborativeCounters } from './factories/collaborative-rows.factory.js';
import { allPages, askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import type { TestApp } from './support/test-app.js';

describe('replies', () => {
  let forum: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let collaborativeId: string;

  beforeAll(async () => {
    ({
      forum,
      people: [asker, peer],
      collaborativeId,
    } = await startWithCollaborative(['member', 'member']));
  });
  afterAll(() => forum?.close());

  const list = (threadId: string, user: TestUser, query = '') =>
    forum.http.get(`/api/threads/${threadId}/replies${query}`, { token: user.accessToken });

  test('a thread opens with its first page of replies in one request, the same page the replies route gives', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    for (const body of ['One', 'Two', 'Three']) await replyTo(forum, peer, thread.id, { body });
    const opened = await forum.http.get(`/api/threads/${thread.id}?include=replies&limit=2`, {
      token: peer.accessToken,
    });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ id: thread.id, title: thread.title, viewer: { canReply: true } });
    const page = (await list(thread.id, peer, '?limit=2')).body;
    expect(opened.body.replies).toEqual(page);
    expect(opened.body.replies.items.map((reply: { body: string }) => reply.body)).toEqual(['One', 'Two']);
    const rest = (await list(thread.id, peer, `?limit=2&cursor=${encodeURIComponent(opened.body.replies.nextCursor)}`))
      .body;
    expect(rest.items.map((reply: { body: string }) => reply.body)).toEqual(['Three']);

    const plain = await forum.http.get(`/api/threads/${thread.id}`, { token: peer.accessToken });
    expect(plain.body).not.toHaveProperty('replies');
    const unknown = await forum.http.get(`/api/threads/${thread.id}?include=everything`, { token: peer.accessToken });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/include must be one of replies/);
  });

  test('a reply is rendered, numbered, listed oldest first, and moves every counter', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const before = await collaborativeCounters(forum, collaborativeId);
    const first = await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'We use a **shared** list.' },
      { token: peer.accessToken },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      threadId: thread.id,
      position: 1,
      author: { id: peer.id },
      body: 'We use a **shared** list.',
      bodyHtml: '<p>We use a <strong>shared</strong> list.</p>',
      quotedReplyId: null,
      voteCount: 0,
      voted: false,
      isAccepted: false,
      editedAt: null,
      deletedAt: null,
    });
    const second = await replyTo(forum, asker, thread.id, { body: 'Thanks', quotedReplyId: first.body.id });
    expect(second).toMatchObject({ position: 2, quotedReplyId: first.body.id });
    const listed = await list(thread.id, asker);
    expect(listed.body.items.map((reply: { id: string }) => reply.id)).toEqual([first.body.id, second.id]);
    expect(listed.body.nextCursor).toBeNull();
    const shown = (await forum.http.get(`/api/threads/${thread.id}`, { token: asker.accessToken })).body;
    expect(shown.replyCount).toBe(2);
    expect(new Date(shown.lastActivityAt).getTime()).toBeGreaterThan(new Date(thread.lastActivityAt).getTime());
    const after = await collaborativeCounters(forum, collaborativeId);
    expect(after.postCount).toBe(before.postCount + 2);
    expect(after.threadCount).toBe(before.threadCount);
    expect(after.lastActivityAt.getTime()).toBeGreaterThanOrEqual(new Date(second.createdAt).getTime());
  });

  test('a quote must be a live reply of the same thread (422)', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const elsewhere = await replyTo(forum, peer, (await askThread(forum, asker, collaborativeId)).id);
    const refused = await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'x', quotedReplyId: elsewhere.id },
      { token: peer.accessToken },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/quotedReplyId/);
    expect(
      (
        await forum.http.post(
          `/api/threads/${thread.id}/replies`,
          { body: 'x', quotedReplyId: 'nope' },
          { token: peer.accessToken },
        )
      ).status,
    ).toBe(400);
    expect((await list(thread.id, peer)).body.items).toEqual([]);
  });

  test.each([['authorId'], ['threadId'], ['voteCount'], ['position'], ['deletedAt']])(
    'a reply body that sets %s is refused',
    async (field) => {
      const thread = await askThread(forum, asker, collaborativeId);
      const refused = await forum.http.post(
        `/api/threads/${thread.id}/replies`,
        { body: 'x', [field]: 1 },
        { token: peer.accessToken },
      );
      expect(refused.status).toBe(400);
      expect((await list(thread.id, peer)).body.items).toEqual([]);
      const reply = await replyTo(forum, peer, thread.id);
      expect(
        (await forum.http.patch(`/api/replies/${reply.id}`, { body: 'y', [field]: 1 }, { token: peer.accessToken }))
          .status,
      ).toBe(400);
    },
  );

  test('only the author edits a reply (403 otherwise); the edit shows editedAt', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, thread.id, { body: 'First draft' });
    const refused = await forum.http.patch(
      `/api/replies/${reply.id}`,
      { body: 'Not mine' },
      { token: asker.accessToken },
    );
    expect(refused.status).toBe(403);
    const edited = await forum.http.patch(
      `/api/replies/${reply.id}`,
      { body: 'Second _draft_' },
      { token: peer.accessToken },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      body: 'Second _draft_',
      bodyHtml: '<p>Second <em>draft</em></p>',
      position: 1,
    });
    expect(edited.body.editedAt).not.toBeNull();
  });

  test('deleting a reply leaves a tombstone in place; the counters fall by one, once', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const [first, second, third] = [
      await replyTo(forum, peer, thread.id, { body: 'Private detail' }),
      await replyTo(forum, asker, thread.id),
      await replyTo(forum, peer, thread.id),
    ];
    const before = await collaborativeCounters(forum, collaborativeId);
    expect((await forum.http.delete(`/api/replies/${first.id}`, { token: asker.accessToken })).status).toBe(403);
    expect((await forum.http.delete(`/api/replies/${first.id}`, { token: peer.accessToken })).status).toBe(204);
    expect((await forum.http.delete(`/api/replies/${first.id}`, { token: peer.accessToken })).status).toBe(204);
    const listed = await list(thread.id, asker);
    expect(listed.body.items.map((reply: { id: string }) => reply.id)).toEqual([first.id, second.id, third.id]);
    expect(listed.body.items[0]).toMatchObject({ body: '', bodyHtml: '', author: null });
    expect(listed.body.items[0].deletedAt).not.toBeNull();
    expect(listed.text).not.toContain('Private detail');
    expect((await forum.http.get(`/api/threads/${thread.id}`, { token: asker.accessToken })).body.replyCount).toBe(2);
    expect((await collaborativeCounters(forum, collaborativeId)).postCount).toBe(before.postCount - 1);
    expect(
      (await forum.http.patch(`/api/replies/${first.id}`, { body: 'Undelete' }, { token: peer.accessToken })).status,
    ).toBe(409);
    expect(
      (
        await forum.http.post(
          `/api/threads/${thread.id}/replies`,
          { body: 'x', quotedReplyId: first.id },
          { token: asker.accessToken },
        )
      ).status,
    ).toBe(422);
  });

  test("a moderator deletes someone else's reply with a reason: audited, its author told why; the plain DELETE says so", async () => {
    const moderator = await createUser(forum, 'moderator');
    const admin = await createUser(forum, 'admin');
    const thread = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, thread.id, { body: 'Call me on 07700 900123 about the rota.' });
    const plain = await forum.http.delete(`/api/replies/${reply.id}`, { token: moderator.accessToken });
    expect(plain.status).toBe(403);
    expect(plain.body.detail).toContain(`POST /api/replies/{id}/delete`);
    expect(
      (await forum.http.post(`/api/replies/${reply.id}/delete`, {}, { token: moderator.accessToken })).status,
    ).toBe(400);

    const reason = 'Personal phone numbers stay out of the forum.';
    expect(
      (await forum.http.post(`/api/replies/${reply.id}/delete`, { reason }, { token: moderator.accessToken })).status,
    ).toBe(204);
    const shown = (await forum.http.get(`/api/threads/${thread.id}/replies`, { token: asker.accessToken })).body
      .items[0];
    expect(shown).toMatchObject({ id: reply.id, body: '', author: null });
    expect(shown.deletedAt).not.toBeNull();
    const audit = await forum.http.get(`/api/moderation/audit-log?targetId=${reply.id}&action=reply.delete`, {
      token: admin.accessToken,
    });
    expect(audit.body.items).toMatchObject([{ actorId: moderator.id, reason, before: { body: reply.body } }]);
    const notice = await eventually(async () => {
      const list = await forum.http.get('/api/notifications', { token: peer.accessToken });
      return list.body.items.find((item: { type: string }) => item.type === 'moderation');
    }, 'the moderation notice');
    expect(notice.excerpt).toContain(reason);
    // Its tombstone is there to see, but there is nothing left to delete.
    const again = await forum.http.post(
      `/api/replies/${reply.id}/delete`,
      { reason },
      { token: moderator.accessToken },
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/was deleted/);
  });

  test('paging through replies while new ones arrive skips and repeats none', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    const writers = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(forum)));
    for (let index = 0; index < 12; index++)
      await replyTo(forum, writers[index % 5]!, thread.id, { body: `Early ${index}` });

    // Five writers reply in parallel while three readers page through, two replies at a time.
    const written = Promise.all(
      writers.map(async (writer, index) => {
        for (let round = 0; round < 8; round++)
          await replyTo(forum, writer, thread.id, { body: `Late ${index}.${round}` });
      }),
    );
    const readers = await Promise.all(
      [1, 2, 3].map(() => allPages(forum, peer, `/api/threads/${thread.id}/replies`, 2)),
    );
    await written;

    const final = await allPages(forum, peer, `/api/threads/${thread.id}/replies`, 100);
    expect(final.items).toHaveLength(52);
    expect(final.items.map((reply) => reply.position)).toEqual(
      Array.from({ length: 52 }, (_value, index) => index + 1),
    );
    // Each reader saw the replies in order, from the first, with none missing or twice:
    // exactly the start of the final list, however far it got before reaching the end.
    for (const reader of readers) {
      expect(reader.items.length).toBeGreaterThanOrEqual(12);
      expect(reader.items.map((reply) => reply.id)).toEqual(
        final.items.slice(0, reader.items.length).map((reply) => reply.id),
      );
    }
  });
});
