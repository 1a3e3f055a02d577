import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, createCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { authorPractice, authorThread, buildCast, type Cast } from './support/moderation-cast.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp } from './support/test-app.js';

/** Reports, the automatic hiding they trigger, and the review queue with its decisions. */
const forum = await startTestApp();
let cast: Cast;
let readers: TestUser[];

beforeAll(async () => {
  cast = await buildCast(forum);
  readers = await Promise.all([1, 2, 3, 4].map(() => createUser(forum)));
}, 60_000);
afterAll(() => forum.close());

const report = (
  user: TestUser,
  targetType: string,
  targetId: string,
  reason = 'inaccurate',
  details = 'The figures are out of date.',
) => forum.http.post('/api/reports', { targetType, targetId, reason, details }, { token: user.accessToken });

const hiddenFor = async (user: TestUser, threadId: string) =>
  (await forum.http.get(`/api/threads/${threadId}`, { token: user.accessToken })).body;

describe('reporting', () => {
  test('anyone who can read it may report it: 201, once while the report is open (then 409)', async () => {
    const { thread } = await authorThread(forum, cast);
    const first = await report(readers[0]!, 'thread', thread.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      targetType: 'thread',
      targetId: thread.id,
      reason: 'inaccurate',
      status: 'open',
      targetHidden: false,
    });
    const again = await report(readers[0]!, 'thread', thread.id, 'spam');
    expect(again.status).toBe(409);
    expect(problemViolations(again)).toEqual([]);
    expect(again.body.detail).toMatch(/already reported/);
  });

  test('a resolved report no longer blocks a new one', async () => {
    const { reply } = await authorThread(forum, cast);
    const first = await report(readers[0]!, 'reply', reply.id);
    expect(
      (
        await forum.http.post(
          `/api/moderation/reports/${first.body.id}/resolve`,
          { action: 'dismiss', note: 'It is accurate.' },
          { token: cast.lead.accessToken },
        )
      ).status,
    ).toBe(200);
    expect((await report(readers[0]!, 'reply', reply.id)).status).toBe(201);
  });

  test('what the reporter cannot read is answered like what does not exist', async () => {
    const secret = await createCollaborative(forum, cast.admin, { visibility: 'members' });
    const insider = await createUser(forum);
    await addMember(forum, cast.admin, secret.id, insider);
    const { thread } = await (async () => {
      const asked = await forum.http.post(
        `/api/collaboratives/${secret.id}/threads`,
        { title: 'A members-only question', body: 'Inside.' },
        { token: insider.accessToken },
      );
      return { thread: asked.body };
    })();
    const hidden = await report(readers[1]!, 'thread', thread.id);
    const missing = await report(readers[1]!, 'thread', '00000000-0000-4000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(missing.body.detail);
  });

  test('every kind of target can be reported, a profile too (not your own)', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    const { practiceId, commentId } = await authorPractice(forum, cast);
    for (const [type, id] of [
      ['thread', thread.id],
      ['reply', reply.id],
      ['practice', practiceId],
      ['comment', commentId],
      ['user', cast.author.id],
    ]) {
      expect({ type, status: (await report(readers[2]!, type!, id!)).status }).toEqual({ type, status: 201 });
    }
    expect((await report(readers[2]!, 'user', readers[2]!.id)).status).toBe(409);
  });

  test('bad input is a 400 naming the field', async () => {
    const response = await forum.http.post(
      '/api/reports',
      { targetType: 'poll', targetId: 'x', reason: 'boring' },
      { token: readers[0]!.accessToken },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'reason',
      'targetId',
      'targetType',
    ]);
  });
});

describe('automatic hiding', () => {
  test('open reports from AUTO_HIDE_REPORTS (3) different people hide it; fewer do not', async () => {
    expect(forum.config.autoHideReports).toBe(3);
    const { thread } = await authorThread(forum, cast);
    expect((await report(readers[0]!, 'thread', thread.id)).body.targetHidden).toBe(false);
    expect((await report(readers[1]!, 'thread', thread.id)).body.targetHidden).toBe(false);
    expect((await hiddenFor(cast.member, thread.id)).hidden).toBe(false);
    expect((await report(readers[2]!, 'thread', thread.id)).body.targetHidden).toBe(true);
    const seen = await hiddenFor(cast.member, thread.id);
    expect(seen).toMatchObject({ hidden: true, body: '', title: '[hidden by moderators pending review]' });
  });

  test('a report of patient-identifiable data hides it at once', async () => {
    const { reply } = await authorThread(forum, cast);
    const response = await report(
      readers[3]!,
      'reply',
      reply.id,
      'patient-identifiable-data',
      'Names a patient and their ward.',
    );
    expect(response.status).toBe(201);
    expect(response.body.targetHidden).toBe(true);
    const replies = await forum.http.get(`/api/threads/${reply.threadId}/replies`, { token: cast.member.accessToken });
    expect(replies.body.items[0]).toMatchObject({ id: reply.id, hidden: true, body: '' });
    const audit = await forum.http.get(`/api/moderation/audit-log?targetId=${reply.id}`, {
      token: cast.admin.accessToken,
    });
    expect(audit.body.items[0]).toMatchObject({ action: 'reply.auto-hide', actorId: null });
  });
});

describe('the review queue', () => {
  test('dismiss restores what reports alone hid; delete leaves a tombstone; edit-request tells the author', async () => {
    const hiddenByReports = await authorThread(forum, cast);
    const pid = await report(readers[0]!, 'reply', hiddenByReports.reply.id, 'patient-identifiable-data');
    const dismissed = await forum.http.post(
      `/api/moderation/reports/${pid.body.id}/resolve`,
      { action: 'dismiss', note: 'No patient is named.' },
      { token: cast.moderator.accessToken },
    );
    expect(dismissed.body).toMatchObject({ action: 'dismiss', targetHidden: false });

    const doomed = await authorThread(forum, cast);
    const spam = await report(readers[0]!, 'reply', doomed.reply.id, 'spam');
    const deleted = await forum.http.post(
      `/api/moderation/reports/${spam.body.id}/resolve`,
      { action: 'delete', note: 'Advertising.' },
      { token: cast.lead.accessToken },
    );
    expect(deleted.body).toMatchObject({ targetDeleted: true });
    const replies = await forum.http.get(`/api/threads/${doomed.thread.id}/replies`, {
      token: cast.member.accessToken,
    });
    expect(replies.body.items[0]).toMatchObject({ body: '', author: null });
    expect(replies.body.items[0].deletedAt).not.toBeNull();
    // The words stay for admins, in the audit record.
    const audit = await forum.http.get(`/api/moderation/audit-log?targetId=${doomed.reply.id}&action=reply.delete`, {
      token: cast.admin.accessToken,
    });
    expect(audit.body.items[0].before.body).toBe('Our weekend CT list is shared across three trusts.');

    // Hiding what reports hid upholds it: a later dismissal no longer brings it back.
    const upheld = await authorThread(forum, cast);
    const first = await report(readers[0]!, 'reply', upheld.reply.id, 'patient-identifiable-data');
    await forum.http.post(
      `/api/moderation/reports/${first.body.id}/resolve`,
      { action: 'hide', note: 'Names a patient.' },
      { token: cast.lead.accessToken },
    );
    const later = await report(readers[1]!, 'reply', upheld.reply.id, 'other');
    const dismissedLater = await forum.http.post(
      `/api/moderation/reports/${later.body.id}/resolve`,
      { action: 'dismiss', note: 'Already handled.' },
      { token: cast.lead.accessToken },
    );
    expect(dismissedLater.body).toMatchObject({ targetHidden: true });

    const vague = await authorThread(forum, cast);
    const inaccurate = await report(readers[0]!, 'thread', vague.thread.id);
    const asked = await forum.http.post(
      `/api/moderation/reports/${inaccurate.body.id}/resolve`,
      { action: 'edit-request', note: 'Please cite the source.' },
      { token: cast.lead.accessToken },
    );
    expect(asked.status).toBe(200);
    const notice = await eventually(async () => {
      const list = await forum.http.get('/api/notifications', { token: cast.author.accessToken });
      return list.body.items.find(
        (item: { type: string; threadId: string }) => item.type === 'moderation' && item.threadId === vague.thread.id,
      );
    }, "the author's edit-request notice");
    expect(notice).toMatchObject({
      title: `Moderators ask you to edit your thread “${vague.thread.title}”`,
      excerpt: 'Reason: Please cite the source.',
    });
  });
});
