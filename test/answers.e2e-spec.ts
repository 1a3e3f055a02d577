import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember } from './factories/collaborative-rows.factory.js';
import { askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import type { TestApp } from './support/test-app.js';

describe('accepted answers', () => {
  let forum: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let lead: TestUser;
  let collaborativeId: string;

  beforeAll(async () => {
    ({
      forum,
      people: [asker, peer, lead],
      collaborativeId,
    } = await startWithCollaborative(['member', 'member', 'member']));
    await addMember(forum, collaborativeId, lead, 'lead');
  });
  afterAll(() => forum?.close());

  const accept = (threadId: string, replyId: string, user: TestUser) =>
    forum.http.put(`/api/threads/${threadId}/accepted-reply`, { replyId }, { token: user.accessToken });
  const unanswered = async () =>
    (
      await forum.http.get(`/api/collaboratives/${collaborativeId}/threads?sort=unanswered&limit=100`, {
        token: peer.accessToken,
      })
    ).body.items.map((item: { id: string }) => item.id);

  test('the asker marks a reply: the thread shows it first and leaves the unanswered list', async () => {
    const question = await askThread(forum, asker, collaborativeId);
    const [first, second] = [
      await replyTo(forum, peer, question.id, { body: 'First idea' }),
      await replyTo(forum, peer, question.id, { body: 'The one that helped' }),
    ];
    expect(await unanswered()).toContain(question.id);
    const accepted = await accept(question.id, second.id, asker);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      acceptedReplyId: second.id,
      acceptedReply: { id: second.id, body: 'The one that helped', isAccepted: true, author: { id: peer.id } },
    });
    expect(await unanswered()).not.toContain(question.id);
    const replies = (await forum.http.get(`/api/threads/${question.id}/replies`, { token: peer.accessToken })).body
      .items;
    expect(replies.map((reply: { id: string; isAccepted: boolean }) => [reply.id, reply.isAccepted])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);

    // Another reply replaces it; unmarking makes the question unanswered again.
    expect((await accept(question.id, first.id, asker)).body.acceptedReplyId).toBe(first.id);
    const unmarked = await forum.http.delete(`/api/threads/${question.id}/accepted-reply`, {
      token: asker.accessToken,
    });
    expect(unmarked.status).toBe(200);
    expect(unmarked.body).toMatchObject({ acceptedReplyId: null, acceptedReply: null });
    expect(await unanswered()).toContain(question.id);
  });

  test('only the asker, a lead of the collaborative or a site moderator may choose (403 for others)', async () => {
    const question = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, question.id);
    const refused = await accept(question.id, reply.id, peer);
    expect(refused.status).toBe(403);
    expect(
      (await forum.http.get(`/api/threads/${question.id}`, { token: peer.accessToken })).body.viewer.canAcceptAnswer,
    ).toBe(false);
    expect((await accept(question.id, reply.id, lead)).status).toBe(200);
    const moderator = await createUser(forum, 'moderator');
    expect(
      (await forum.http.delete(`/api/threads/${question.id}/accepted-reply`, { token: moderator.accessToken })).status,
    ).toBe(200);
    expect(
      (await forum.http.get(`/api/threads/${question.id}`, { token: peer.accessToken })).body.acceptedReplyId,
    ).toBeNull();
  });

  test('only on questions (409 on a discussion), and only a live reply of that thread (422)', async () => {
    const discussion = await askThread(forum, asker, collaborativeId, { kind: 'discussion' });
    const discussed = await replyTo(forum, peer, discussion.id);
    const onDiscussion = await accept(discussion.id, discussed.id, asker);
    expect(onDiscussion.status).toBe(409);
    expect(onDiscussion.body.detail).toMatch(/Only a question/);

    const question = await askThread(forum, asker, collaborativeId);
    const own = await replyTo(forum, peer, question.id);
    expect((await accept(question.id, discussed.id, asker)).status).toBe(422);
    expect((await accept(question.id, '00000000-0000-4000-8000-000000000000', asker)).status).toBe(422);
    expect(
      (
        await forum.http.put(
          `/api/threads/${question.id}/accepted-reply`,
          { replyId: own.id, accepted: true },
          { token: asker.accessToken },
        )
      ).status,
    ).toBe(400);
    await forum.http.delete(`/api/replies/${own.id}`, { token: peer.accessToken });
    expect((await accept(question.id, own.id, asker)).status).toBe(422);
    expect(
      (await forum.http.get(`/api/threads/${question.id}`, { token: asker.accessToken })).body.acceptedReplyId,
    ).toBeNull();
  });

  test('deleting the accepted reply unmarks it, so the question is unanswered again', async () => {
    const question = await askThread(forum, asker, collaborativeId);
    const reply = await replyTo(forum, peer, question.id);
    await accept(question.id, reply.id, asker);
    expect((await forum.http.delete(`/api/replies/${reply.id}`, { token: peer.accessToken })).status).toBe(204);
    expect((await forum.http.get(`/api/threads/${question.id}`, { token: asker.accessToken })).body).toMatchObject({
      acceptedReplyId: null,
      acceptedReply: null,
    });
    expect(await unanswered()).toContain(question.id);
  });
});
