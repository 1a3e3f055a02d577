import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, archiveCollaborative, insertCollaborative } from './factories/collaborative-rows.factory.js';
import { askThread, replyTo } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('who may read and post in threads', () => {
  let forum: TestApp;
  let member: TestUser;
  let otherMember: TestUser;
  let outsider: TestUser;
  let moderator: TestUser;
  let privateSpace: string;
  let thread: { id: string };
  let reply: { id: string };

  beforeAll(async () => {
    forum = await startTestApp();
    [member, otherMember, outsider, moderator] = await Promise.all([
      createUser(forum),
      createUser(forum),
      createUser(forum),
      createUser(forum, 'moderator'),
    ]);
    privateSpace = await insertCollaborative(forum, { visibility: 'members' });
    await addMember(forum, privateSpace, member);
    await addMember(forum, privateSpace, otherMember);
    thread = await askThread(forum, member, privateSpace, { title: 'Agency spend across the group' });
    reply = await replyTo(forum, otherMember, thread.id);
  });
  afterAll(() => forum?.close());

  /** Every thread and reply route, as [method, path, body]. */
  const routes = (threadId: string, replyId: string): Array<[string, string, unknown]> => [
    ['GET', `/api/threads/${threadId}`, undefined],
    ['PATCH', `/api/threads/${threadId}`, { title: 'A new title here' }],
    ['DELETE', `/api/threads/${threadId}`, undefined],
    ['GET', `/api/threads/${threadId}/replies`, undefined],
    ['POST', `/api/threads/${threadId}/replies`, { body: 'Let me in' }],
    ['PUT', `/api/threads/${threadId}/vote`, undefined],
    ['DELETE', `/api/threads/${threadId}/vote`, undefined],
    ['PUT', `/api/threads/${threadId}/accepted-reply`, { replyId }],
    ['DELETE', `/api/threads/${threadId}/accepted-reply`, undefined],
    ['GET', `/api/threads/${threadId}/revisions`, undefined],
    ['POST', `/api/threads/${threadId}/pin`, { reason: 'Pinned for everyone' }],
    ['POST', `/api/threads/${threadId}/lock`, { reason: 'Locked for everyone' }],
    ['PATCH', `/api/replies/${replyId}`, { body: 'Edited by a stranger' }],
    ['DELETE', `/api/replies/${replyId}`, undefined],
    ['PUT', `/api/replies/${replyId}/vote`, undefined],
    ['DELETE', `/api/replies/${replyId}/vote`, undefined],
    ['GET', `/api/replies/${replyId}/revisions`, undefined],
  ];

  const comparable = (body: Record<string, unknown>) => ({
    type: body.type,
    title: body.title,
    status: body.status,
    detail: body.detail,
  });

  test('a non-member gets the same 404 as for a missing id on every thread and reply route', async () => {
    const hidden = routes(thread.id, reply.id);
    const missing = routes(MISSING, MISSING);
    for (let index = 0; index < hidden.length; index++) {
      const [method, path, body] = hidden[index]!;
      const [, missingPath] = missing[index]!;
      const refused = await forum.http.request(method, path, { token: outsider.accessToken, body });
      const absent = await forum.http.request(method, missingPath, { token: outsider.accessToken, body });
      expect([method, path, refused.status]).toEqual([method, path, 404]);
      expect(comparable(refused.body)).toEqual(comparable(absent.body));
    }
  });

  test("a members-only collaborative's thread list and new threads are 404 to a non-member, as for a missing one", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { title: 'Let me ask here', body: 'x' }],
    ] as const) {
      const refused = await forum.http.request(method, `/api/collaboratives/${privateSpace}/threads`, {
        token: outsider.accessToken,
        body,
      });
      const absent = await forum.http.request(method, `/api/collaboratives/${MISSING}/threads`, {
        token: outsider.accessToken,
        body,
      });
      expect(refused.status).toBe(404);
      expect(comparable(refused.body)).toEqual(comparable(absent.body));
    }
  });

  test('nothing leaked through the refused writes', async () => {
    const shown = await forum.http.get(`/api/threads/${thread.id}`, { token: member.accessToken });
    expect(shown.body).toMatchObject({
      title: 'Agency spend across the group',
      replyCount: 1,
      voteCount: 0,
      acceptedReplyId: null,
      isPinned: false,
      isLocked: false,
    });
    const replies = await forum.http.get(`/api/threads/${thread.id}/replies`, { token: member.accessToken });
    expect(replies.body.items).toHaveLength(1);
    expect(replies.body.items[0]).toMatchObject({ body: 'We book across sites.', deletedAt: null });
  });

  test('a site moderator who is not a member reads but may not post (403)', async () => {
    expect((await forum.http.get(`/api/threads/${thread.id}`, { token: moderator.accessToken })).status).toBe(200);
    const posted = await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'Moderator here' },
      { token: moderator.accessToken },
    );
    expect(posted.status).toBe(403);
    expect(posted.body.detail).toMatch(/Only members/);
  });

  test('anyone signed in may read and post in a public collaborative; a non-author may not edit (403)', async () => {
    const open = await insertCollaborative(forum);
    const question = await askThread(forum, member, open);
    expect(
      (
        await forum.http.post(
          `/api/threads/${question.id}/replies`,
          { body: 'Happy to help' },
          { token: outsider.accessToken },
        )
      ).status,
    ).toBe(201);
    const edit = await forum.http.patch(
      `/api/threads/${question.id}`,
      { title: 'Hijacked title' },
      { token: outsider.accessToken },
    );
    expect(edit.status).toBe(403);
    expect(edit.body.detail).toBe('Only the author can edit this thread.');
  });

  test('a locked thread refuses replies with 409 until unlocked; a lead may lock, a member may not', async () => {
    const open = await insertCollaborative(forum);
    const lead = await createUser(forum);
    await addMember(forum, open, lead, 'lead');
    const question = await askThread(forum, member, open);
    expect(
      (
        await forum.http.post(
          `/api/threads/${question.id}/lock`,
          { reason: 'Off topic' },
          { token: member.accessToken },
        )
      ).status,
    ).toBe(403);
    const locked = await forum.http.post(
      `/api/threads/${question.id}/lock`,
      { reason: 'Off topic' },
      { token: lead.accessToken },
    );
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ isLocked: true, viewer: { canReply: false, canModerate: true } });
    const refused = await forum.http.post(
      `/api/threads/${question.id}/replies`,
      { body: 'Too late' },
      { token: outsider.accessToken },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/locked/);
    expect((await forum.http.get(`/api/threads/${question.id}`, { token: outsider.accessToken })).body).toMatchObject({
      isLocked: true,
      replyCount: 0,
    });
    await forum.http.post(
      `/api/threads/${question.id}/unlock`,
      { reason: 'Back on topic' },
      { token: lead.accessToken },
    );
    expect(
      (
        await forum.http.post(
          `/api/threads/${question.id}/replies`,
          { body: 'Now open' },
          { token: outsider.accessToken },
        )
      ).status,
    ).toBe(201);
  });

  test('an archived collaborative is read-only: new threads, replies, edits and votes get 409, reading works', async () => {
    const space = await insertCollaborative(forum);
    const question = await askThread(forum, member, space);
    const answer = await replyTo(forum, outsider, question.id);
    await archiveCollaborative(forum, space);
    const attempts = [
      forum.http.post(
        `/api/collaboratives/${space}/threads`,
        { title: 'Still here?', body: 'x' },
        { token: member.accessToken },
      ),
      forum.http.post(`/api/threads/${question.id}/replies`, { body: 'x' }, { token: outsider.accessToken }),
      forum.http.patch(`/api/threads/${question.id}`, { title: 'Edited after archive' }, { token: member.accessToken }),
      forum.http.patch(`/api/replies/${answer.id}`, { body: 'Edited after archive' }, { token: outsider.accessToken }),
      forum.http.put(`/api/threads/${question.id}/vote`, undefined, { token: outsider.accessToken }),
      forum.http.put(`/api/replies/${answer.id}/vote`, undefined, { token: member.accessToken }),
      forum.http.put(
        `/api/threads/${question.id}/accepted-reply`,
        { replyId: answer.id },
        { token: member.accessToken },
      ),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(409);
    const shown = await forum.http.get(`/api/threads/${question.id}`, { token: outsider.accessToken });
    expect(shown.status).toBe(200);
    expect(shown.body.viewer).toMatchObject({ canEdit: false, canReply: false, canAcceptAnswer: false });
  });

  test('invalid ids are 400, and signed-out callers 401', async () => {
    expect((await forum.http.get('/api/threads/not-a-uuid', { token: member.accessToken })).status).toBe(400);
    expect((await forum.http.get(`/api/threads/${thread.id}`)).status).toBe(401);
    expect((await forum.http.get('/api/search?q=agency')).status).toBe(401);
  });
});
