import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { addMember, createCollaborative } from './factories/collaborative.factory.js';
import { askThread } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { checkCounters } from './reliability/consistency.js';
import { withCookie } from './support/cookies.js';
import { eventually } from './support/eventually.js';
import { connectLive, refusal } from './support/live-client.js';
import { authorPractice, authorThread, buildCast, type Cast } from './support/moderation-cast.js';
import { startTestApp } from './support/test-app.js';

/**
 * What moderation does to everyone else: how hidden and deleted things render for each
 * reader, the audit trail, notifications and live events, suspensions, and merges.
 */
const forum = await startTestApp();
let cast: Cast;
const REASON = 'Breaches the community guidelines.';

beforeAll(async () => {
  cast = await buildCast(forum);
}, 60_000);
afterAll(() => forum.close());

const as = (user: TestUser) => ({ token: user.accessToken });
const sql = (query: string, params: unknown[] = []) => forum.app.get(DataSource).query(query, params);

/** Resolves once the user has a notification of `type`, polling the REST list. */
function notificationOf(user: TestUser, type: string, threadId?: string) {
  return eventually(async () => {
    const list = await forum.http.get('/api/notifications', as(user));
    return list.body.items.find(
      (item: { type: string; threadId: string | null }) =>
        item.type === type && (!threadId || item.threadId === threadId),
    );
  }, `a ${type} notification for ${user.id}`);
}

describe('hidden content, by reader', () => {
  test('a hidden reply is a notice for readers; its author and moderators see it, marked, with the reason', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    expect(
      (await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.lead))).body,
    ).toMatchObject({ hidden: true, hiddenReason: REASON });
    const seenBy = async (user: TestUser) =>
      (await forum.http.get(`/api/threads/${thread.id}/replies`, as(user))).body.items[0];
    expect(await seenBy(cast.member)).toMatchObject({
      hidden: true,
      body: '',
      bodyHtml: '<p>[hidden by moderators pending review]</p>',
      hiddenReason: null,
    });
    expect(await seenBy(cast.otherLead)).toMatchObject({ hidden: true, body: '' });
    for (const insider of [cast.author, cast.lead, cast.moderator, cast.admin]) {
      expect(await seenBy(insider)).toMatchObject({ hidden: true, body: reply.body, hiddenReason: REASON });
    }
  });

  test('a hidden thread: notice in its place and in lists, out of search; the author still sees it', async () => {
    const { thread } = await authorThread(forum, cast);
    await forum.http.post(
      '/api/reports',
      { targetType: 'thread', targetId: thread.id, reason: 'patient-identifiable-data' },
      as(cast.member),
    );
    const forMember = await forum.http.get(`/api/threads/${thread.id}`, as(cast.member));
    expect(forMember.body).toMatchObject({
      hidden: true,
      title: '[hidden by moderators pending review]',
      body: '',
      tags: [],
    });
    const list = await forum.http.get(`/api/collaboratives/${cast.home.id}/threads`, as(cast.member));
    expect(list.body.items.find((item: { id: string }) => item.id === thread.id).title).toBe(
      '[hidden by moderators pending review]',
    );
    expect((await forum.http.get(`/api/threads/${thread.id}`, as(cast.author))).body).toMatchObject({
      hidden: true,
      title: thread.title,
    });
    const search = await forum.http.get(`/api/search?q=${encodeURIComponent('diagnostic capacity')}`, as(cast.admin));
    expect(search.body.items.map((hit: { id: string }) => hit.id)).not.toContain(thread.id);
    // While it is under review, nobody adds to it.
    expect(forMember.body.viewer.canReply).toBe(false);
    const reply = await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'Adding to it.' },
      as(cast.author),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/hidden by moderators/);
  });

  test('a hidden case study and comment: notices for readers, content for authors and moderators', async () => {
    const { practiceId, commentId } = await authorPractice(forum, cast);
    await forum.http.post(`/api/comments/${commentId}/hide`, { reason: REASON }, as(cast.moderator));
    const hidden = await forum.http.post(`/api/practices/${practiceId}/hide`, { reason: REASON }, as(cast.moderator));
    expect(hidden.body).toMatchObject({ hidden: true, title: 'Shared imaging capacity' });
    expect((await forum.http.get(`/api/practices/${practiceId}`, as(cast.member))).body).toMatchObject({
      hidden: true,
      summary: '',
      title: '[hidden by moderators pending review]',
    });
    expect((await forum.http.get(`/api/practices/${practiceId}`, as(cast.author))).body).toMatchObject({
      hidden: true,
      title: 'Shared imaging capacity',
    });
    const comments = async (user: TestUser) =>
      (await forum.http.get(`/api/practices/${practiceId}/comments`, as(user))).body.items[0];
    expect(await comments(cast.member)).toMatchObject({ hidden: true, body: '' });
    expect(await comments(cast.lead)).toMatchObject({ hidden: true, body: 'We found the same.' });
  });

  test('restoring shows it to everyone again', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.moderator));
    const restored = await forum.http.post(
      `/api/replies/${reply.id}/restore`,
      { reason: 'Reviewed: fine.' },
      as(cast.moderator),
    );
    expect(restored.body).toMatchObject({ hidden: false, body: reply.body });
    expect((await forum.http.get(`/api/threads/${thread.id}/replies`, as(cast.member))).body.items[0]).toMatchObject({
      hidden: false,
      body: reply.body,
    });
  });

  test('stored events and notifications stop carrying hidden words', async () => {
    const { thread } = await authorThread(forum, cast);
    const secretWords = 'Bed 12 patient John Example';
    const leaky = await forum.http.post(`/api/threads/${thread.id}/replies`, { body: secretWords }, as(cast.member));
    await notificationOf(cast.author, 'reply');
    await forum.http.post(`/api/replies/${leaky.body.id}/hide`, { reason: 'Patient-identifiable data' }, as(cast.lead));
    const events = await sql(`SELECT payload::text FROM events WHERE payload::text LIKE $1`, [`%${secretWords}%`]);
    expect(events).toEqual([]);
    const notifications = await sql(`SELECT data::text FROM notifications WHERE data::text LIKE $1`, [
      `%${secretWords}%`,
    ]);
    expect(notifications).toEqual([]);
    const live = await connectLive(forum.baseUrl, { token: cast.otherLead.accessToken, lastEventId: '0' });
    try {
      await live.request('subscribe', { threadId: thread.id, lastEventId: '0' });
      await live.waitFor((received) => received.some((event) => event.type === 'reply.hidden'));
      expect(JSON.stringify(live.received)).not.toContain(secretWords);
    } finally {
      live.close();
    }
  });

  test('the edit history of hidden content is for its authors and moderators only', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    const { practiceId, commentId } = await authorPractice(forum, cast);
    const firstWords = 'First wording with Bed 7 patient Jane Example';
    await forum.http.patch(`/api/threads/${thread.id}`, { body: `${firstWords} (thread)` }, as(cast.author));
    await forum.http.patch(`/api/threads/${thread.id}`, { body: 'Redacted.' }, as(cast.author));
    await forum.http.patch(`/api/replies/${reply.id}`, { body: `${firstWords} (reply)` }, as(cast.author));
    await forum.http.patch(`/api/replies/${reply.id}`, { body: 'Redacted.' }, as(cast.author));
    await forum.http.patch(`/api/practices/${practiceId}`, { summary: `${firstWords} (case study)` }, as(cast.author));
    await forum.http.patch(`/api/practices/${practiceId}`, { summary: 'Redacted.' }, as(cast.author));
    await forum.http.patch(`/api/comments/${commentId}`, { body: `${firstWords} (comment)` }, as(cast.author));
    await forum.http.patch(`/api/comments/${commentId}`, { body: 'Redacted.' }, as(cast.author));
    const histories = [
      `/api/threads/${thread.id}/revisions`,
      `/api/replies/${reply.id}/revisions`,
      `/api/practices/${practiceId}/revisions`,
      `/api/comments/${commentId}/revisions`,
    ];
    const revisionsOf = async (path: string, user: TestUser) => {
      const answer = await forum.http.get(path, as(user));
      expect(answer.status).toBe(200);
      return answer.body.items;
    };
    for (const path of histories) expect(JSON.stringify(await revisionsOf(path, cast.member))).toContain(firstWords);

    await forum.http.post(
      '/api/reports',
      { targetType: 'thread', targetId: thread.id, reason: 'patient-identifiable-data' },
      as(cast.member),
    );
    await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.lead));
    await forum.http.post(`/api/practices/${practiceId}/hide`, { reason: REASON }, as(cast.lead));
    await forum.http.post(`/api/comments/${commentId}/hide`, { reason: REASON }, as(cast.lead));
    for (const path of histories) {
      for (const outsider of [cast.member, cast.otherLead]) expect(await revisionsOf(path, outsider)).toEqual([]);
      for (const insider of [cast.author, cast.lead, cast.moderator])
        expect(JSON.stringify(await revisionsOf(path, insider))).toContain(firstWords);
    }
  });

  test('deleted by its author: stored events and notifications stop carrying its words, and a case study its history', async () => {
    const { thread } = await authorThread(forum, cast);
    const { practiceId, commentId } = await authorPractice(forum, cast);
    const secretWords = 'Ward 4 patient Sam Example';
    const regretted = await forum.http.post(
      `/api/threads/${thread.id}/replies`,
      { body: `${secretWords} (reply)` },
      as(cast.member),
    );
    await notificationOf(cast.author, 'reply');
    const ownThread = await askThread(forum, cast.member, cast.home.id, {
      title: `${secretWords} (thread)`,
      body: `${secretWords} (thread body)`,
    });
    await forum.http.patch(`/api/comments/${commentId}`, { body: `${secretWords} (comment)` }, as(cast.author));
    await forum.http.patch(`/api/practices/${practiceId}`, { summary: `${secretWords} (case study)` }, as(cast.author));
    await forum.http.patch(`/api/practices/${practiceId}`, { summary: 'Redacted.' }, as(cast.author));
    expect(
      (await sql(`SELECT 1 FROM events WHERE payload::text LIKE $1`, [`%${secretWords}%`])).length,
    ).toBeGreaterThan(0);
    expect(
      (await sql(`SELECT 1 FROM notifications WHERE data::text LIKE $1`, [`%${secretWords}%`])).length,
    ).toBeGreaterThan(0);

    for (const [path, user] of [
      [`/api/replies/${regretted.body.id}`, cast.member],
      [`/api/threads/${ownThread.id}`, cast.member],
      [`/api/comments/${commentId}`, cast.author],
      [`/api/practices/${practiceId}`, cast.author],
    ] as const) {
      expect((await forum.http.delete(path, as(user))).status).toBe(204);
    }
    expect(await sql(`SELECT payload::text FROM events WHERE payload::text LIKE $1`, [`%${secretWords}%`])).toEqual([]);
    expect(await sql(`SELECT data::text FROM notifications WHERE data::text LIKE $1`, [`%${secretWords}%`])).toEqual(
      [],
    );
    const replay = await forum.http.get('/api/events?after=0&limit=200', as(cast.lead));
    expect(replay.status).toBe(200);
    expect(replay.text).not.toContain(secretWords);
    expect(await forum.http.get(`/api/practices/${practiceId}/revisions`, as(cast.author))).toMatchObject({
      status: 200,
      body: { items: [], nextCursor: null },
    });
  });

  test('deleted by moderators: a tombstone for every reader; the words stay in the audit log for admins', async () => {
    const { thread } = await authorThread(forum, cast);
    const spam = await forum.http.post(
      '/api/reports',
      { targetType: 'thread', targetId: thread.id, reason: 'spam' },
      as(cast.member),
    );
    await forum.http.post(
      `/api/moderation/reports/${spam.body.id}/resolve`,
      { action: 'delete', note: 'Advertising.' },
      as(cast.moderator),
    );
    for (const reader of [cast.member, cast.author, cast.moderator, cast.admin]) {
      expect((await forum.http.get(`/api/threads/${thread.id}`, as(reader))).body).toMatchObject({
        title: '[deleted]',
        body: '',
        author: null,
      });
    }
    const audit = await forum.http.get(
      `/api/moderation/audit-log?targetId=${thread.id}&action=thread.delete`,
      as(cast.admin),
    );
    expect(audit.body.items[0].before).toMatchObject({ title: thread.title, body: thread.body });
  });
});

describe('deleting, after hiding, restoring and moving', () => {
  test('content hidden, restored and then deleted leaves no copy of its words', async () => {
    const { thread } = await authorThread(forum, cast);
    const words = 'Theatre list for Bay 3, patient Robin Example';
    const reply = await forum.http.post(`/api/threads/${thread.id}/replies`, { body: words }, as(cast.member));
    await forum.http.post(`/api/replies/${reply.body.id}/hide`, { reason: REASON }, as(cast.lead));
    await forum.http.post(`/api/replies/${reply.body.id}/restore`, { reason: 'Reviewed: fine.' }, as(cast.lead));
    expect(
      (await sql(`SELECT 1 FROM events WHERE type = 'reply.restored' AND payload::text LIKE $1`, [`%${words}%`]))
        .length,
    ).toBe(1);
    expect((await forum.http.delete(`/api/replies/${reply.body.id}`, as(cast.member))).status).toBe(204);
    expect(await sql(`SELECT type FROM events WHERE payload::text LIKE $1`, [`%${words}%`])).toEqual([]);
  });

  test("a moderator's earlier notice to the author keeps its reason when the thread is deleted", async () => {
    const { thread } = await authorThread(forum, cast);
    await forum.http.post(`/api/threads/${thread.id}/lock`, { reason: 'Answered fully.' }, as(cast.lead));
    await notificationOf(cast.author, 'moderation', thread.id);
    expect(
      (
        await forum.http.post(
          `/api/threads/${thread.id}/delete`,
          { reason: 'Duplicate of an older thread.' },
          as(cast.moderator),
        )
      ).status,
    ).toBe(204);
    const notices = (await forum.http.get('/api/notifications', as(cast.author))).body.items.filter(
      (item: { type: string; threadId: string }) => item.type === 'moderation' && item.threadId === thread.id,
    );
    expect(notices.map((notice: { excerpt: string }) => notice.excerpt)).toEqual(
      expect.arrayContaining(['Reason: Answered fully.']),
    );
  });

  test('someone who may not moderate a deleted item hears 403, as for a live one, not that it was deleted', async () => {
    const { reply } = await authorThread(forum, cast);
    expect((await forum.http.delete(`/api/replies/${reply.id}`, as(cast.author))).status).toBe(204);
    expect((await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.member))).status).toBe(
      403,
    );
    expect((await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.lead))).status).toBe(
      409,
    );
  });

  test("a case study deleted by moderators keeps every section in the audit record, and a draft's deletion is announced to nobody", async () => {
    const { practiceId } = await authorPractice(forum, cast);
    expect(
      (await forum.http.post(`/api/practices/${practiceId}/delete`, { reason: REASON }, as(cast.moderator))).status,
    ).toBe(204);
    const audit = await forum.http.get(
      `/api/moderation/audit-log?targetId=${practiceId}&action=practice.delete`,
      as(cast.admin),
    );
    expect(audit.body.items[0].before).toMatchObject({
      title: 'Shared imaging capacity',
      challenge: 'Waits.',
      approach: 'Sharing.',
      lessons: 'Start with reporting.',
    });

    const draft = await forum.http.post(
      '/api/practices',
      { title: 'A draft nobody saw', collaborativeId: cast.home.id },
      as(cast.author),
    );
    expect((await forum.http.delete(`/api/practices/${draft.body.id}`, as(cast.author))).status).toBe(204);
    expect(await sql(`SELECT type FROM events WHERE practice_id = $1`, [draft.body.id])).toEqual([]);
  });

  test('a thread merged into one in a members-only collaborative leaves no words in the notifications of those who may not follow', async () => {
    const secret = await createCollaborative(forum, cast.admin, { visibility: 'members' });
    const insider = await createUser(forum);
    await addMember(forum, cast.admin, secret.id, insider);
    const into = await askThread(forum, insider, secret.id);
    const source = await askThread(forum, cast.member, cast.home.id);
    const words = 'Our private escalation numbers for the region';
    expect((await forum.http.post(`/api/threads/${source.id}/replies`, { body: words }, as(cast.author))).status).toBe(
      201,
    );
    expect(JSON.stringify(await notificationOf(cast.member, 'reply', source.id))).toContain(words);
    const merged = await forum.http.post(
      `/api/threads/${source.id}/merge`,
      { reason: 'Duplicate question.', intoThreadId: into.id },
      as(cast.moderator),
    );
    expect(merged.status).toBe(200);
    expect(JSON.stringify((await forum.http.get('/api/notifications', as(cast.member))).body.items)).not.toContain(
      words,
    );
  });
});

describe('the audit log', () => {
  test('every action writes a record with actor, reason and before/after; role changes too', async () => {
    const fresh = await createUser(forum);
    const { thread, reply } = await authorThread(forum, cast);
    const other = await authorThread(forum, cast);
    const { practiceId, commentId } = await authorPractice(forum, cast);
    const body = { reason: REASON };
    const steps: Array<[string, Record<string, unknown>, string, string]> = [
      [`/api/threads/${thread.id}/lock`, body, 'thread.lock', thread.id],
      [`/api/threads/${thread.id}/unlock`, body, 'thread.unlock', thread.id],
      [`/api/threads/${thread.id}/pin`, body, 'thread.pin', thread.id],
      [`/api/threads/${thread.id}/unpin`, body, 'thread.unpin', thread.id],
      [`/api/replies/${reply.id}/hide`, body, 'reply.hide', reply.id],
      [`/api/replies/${reply.id}/restore`, body, 'reply.restore', reply.id],
      [`/api/practices/${practiceId}/hide`, body, 'practice.hide', practiceId],
      [`/api/practices/${practiceId}/restore`, body, 'practice.restore', practiceId],
      [`/api/comments/${commentId}/hide`, body, 'comment.hide', commentId],
      [`/api/comments/${commentId}/restore`, body, 'comment.restore', commentId],
      [`/api/threads/${thread.id}/move`, { ...body, collaborativeId: cast.away.id }, 'thread.move', thread.id],
      [`/api/threads/${other.thread.id}/merge`, { ...body, intoThreadId: thread.id }, 'thread.merge', other.thread.id],
      [`/api/users/${fresh.id}/suspend`, body, 'user.suspend', fresh.id],
      [`/api/users/${fresh.id}/unsuspend`, body, 'user.unsuspend', fresh.id],
    ];
    for (const [path, payload, action, targetId] of steps) {
      const response = await forum.http.post(path, payload, as(cast.admin));
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      const records = await forum.http.get(
        `/api/moderation/audit-log?action=${action}&targetId=${targetId}`,
        as(cast.admin),
      );
      expect({ action, count: records.body.items.length }).toEqual({ action, count: 1 });
      expect(records.body.items[0]).toMatchObject({ actorId: cast.admin.id, reason: REASON });
      expect(Object.keys(records.body.items[0].after).length).toBeGreaterThan(0);
    }
    const lockRecord = (
      await forum.http.get(`/api/moderation/audit-log?action=thread.lock&targetId=${thread.id}`, as(cast.admin))
    ).body.items[0];
    expect(lockRecord).toMatchObject({ before: { isLocked: false }, after: { isLocked: true } });
    // Doing what is already so records nothing.
    await forum.http.post(`/api/threads/${thread.id}/pin`, body, as(cast.admin));
    await forum.http.post(`/api/threads/${thread.id}/pin`, body, as(cast.admin));
    expect(
      (await forum.http.get(`/api/moderation/audit-log?action=thread.pin&targetId=${thread.id}`, as(cast.admin))).body
        .items,
    ).toHaveLength(2);

    await forum.http.patch(`/api/admin/users/${fresh.id}/role`, { role: 'moderator' }, as(cast.admin));
    const role = await forum.http.get(
      `/api/moderation/audit-log?action=user.role-change&targetId=${fresh.id}`,
      as(cast.admin),
    );
    expect(role.body.items[0]).toMatchObject({
      actorId: cast.admin.id,
      before: { role: 'member' },
      after: { role: 'moderator' },
    });
  });

  test('filters, paging and who may read it', async () => {
    const { thread } = await authorThread(forum, cast);
    for (const verb of ['lock', 'unlock', 'lock'])
      await forum.http.post(`/api/threads/${thread.id}/${verb}`, { reason: REASON }, as(cast.lead));
    const page1 = await forum.http.get(`/api/moderation/audit-log?targetId=${thread.id}&limit=2`, as(cast.admin));
    const page2 = await forum.http.get(
      `/api/moderation/audit-log?targetId=${thread.id}&limit=2&cursor=${page1.body.nextCursor}`,
      as(cast.admin),
    );
    expect([...page1.body.items, ...page2.body.items].map((item: { action: string }) => item.action)).toEqual([
      'thread.lock',
      'thread.unlock',
      'thread.lock',
    ]);
    expect(page2.body.nextCursor).toBeNull();
    const byActor = await forum.http.get(
      `/api/moderation/audit-log?actorId=${cast.lead.id}&collaborativeId=${cast.home.id}`,
      as(cast.admin),
    );
    expect(byActor.body.items.every((item: { actorId: string }) => item.actorId === cast.lead.id)).toBe(true);
    const future = await forum.http.get(
      `/api/moderation/audit-log?from=${new Date(Date.now() + 3_600_000).toISOString()}`,
      as(cast.admin),
    );
    expect(future.body.items).toEqual([]);

    // Leads see their collaboratives only; site moderators everything; members nothing.
    const lead = await forum.http.get('/api/moderation/audit-log?limit=100', as(cast.lead));
    expect(lead.status).toBe(200);
    expect(lead.body.items.every((item: { collaborativeId: string }) => item.collaborativeId === cast.home.id)).toBe(
      true,
    );
    const otherLead = await forum.http.get(`/api/moderation/audit-log?targetId=${thread.id}`, as(cast.otherLead));
    expect(otherLead.body.items).toEqual([]);
    expect(
      (await forum.http.get(`/api/moderation/audit-log?targetId=${thread.id}`, as(cast.moderator))).body.items,
    ).toHaveLength(3);
    expect((await forum.http.get('/api/moderation/audit-log', as(cast.member))).status).toBe(403);
    expect((await forum.http.get('/api/moderation/audit-log')).status).toBe(401);
  });

  test('records cannot be changed or removed, even with SQL', async () => {
    const { thread } = await authorThread(forum, cast);
    await forum.http.post(`/api/threads/${thread.id}/pin`, { reason: REASON }, as(cast.lead));
    const client = new pg.Client({ connectionString: forum.database.url });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE audit_log SET reason = 'rewritten' WHERE target_id = $1`, [thread.id]),
      ).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log WHERE target_id = $1`, [thread.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    const record = await forum.http.get(`/api/moderation/audit-log?targetId=${thread.id}`, as(cast.admin));
    expect(record.body.items[0].reason).toBe(REASON);
    // And no route writes to it.
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect(
        (await forum.http.request(method, '/api/moderation/audit-log', { ...as(cast.admin), body: {} })).status,
      ).toBe(404);
    }
  });
});

describe('notifications and live events', () => {
  test('the author is notified with the reason, and open pages get the event', async () => {
    const { thread } = await authorThread(forum, cast);
    const live = await connectLive(forum.baseUrl, { token: cast.member.accessToken });
    try {
      expect(await live.request('subscribe', { threadId: thread.id })).toEqual({ ok: true });
      await forum.http.post(`/api/threads/${thread.id}/lock`, { reason: 'Answered fully.' }, as(cast.lead));
      await live.waitFor((received) =>
        received.some((event) => event.type === 'thread.locked' && event.data.isLocked === true),
      );
    } finally {
      live.close();
    }
    const notice = await notificationOf(cast.author, 'moderation', thread.id);
    expect(notice).toMatchObject({
      title: `Moderators locked your thread “${thread.title}”`,
      excerpt: 'Reason: Answered fully.',
      threadId: thread.id,
    });
  });

  test('a notice names the author’s own thread; a reply’s notice quotes no title', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.lead));
    await notificationOf(cast.author, 'moderation', thread.id);
    await forum.http.post(`/api/threads/${thread.id}/pin`, { reason: 'Useful to every trust.' }, as(cast.lead));
    const titles = await eventually(async () => {
      const list = await forum.http.get('/api/notifications', as(cast.author));
      const found = list.body.items
        .filter(
          (item: { type: string; threadId: string | null }) =>
            item.type === 'moderation' && item.threadId === thread.id,
        )
        .map((item: { title: string }) => item.title);
      return found.length >= 2 ? found : undefined;
    }, 'both notices about the thread');
    expect(titles.sort()).toEqual(['Moderators hid your reply', `Moderators pinned your thread “${thread.title}”`]);
  });

  test('hiding a reply reaches the thread room as reply.hidden without its words', async () => {
    const { thread, reply } = await authorThread(forum, cast);
    const live = await connectLive(forum.baseUrl, { token: cast.member.accessToken });
    try {
      await live.request('subscribe', { threadId: thread.id });
      await forum.http.post(`/api/replies/${reply.id}/hide`, { reason: REASON }, as(cast.moderator));
      await live.waitFor((received) => received.some((event) => event.type === 'reply.hidden'));
      const event = live.received.find((candidate) => candidate.type === 'reply.hidden')!;
      expect(event.data).toMatchObject({ id: reply.id, hidden: true, body: '' });
    } finally {
      live.close();
    }
  });
});

describe('a thread moved where a subscriber may not read', () => {
  test('its live events stop reaching that subscriber', async () => {
    const secret = await createCollaborative(forum, cast.admin, { visibility: 'members' });
    const insider = await createUser(forum);
    await addMember(forum, cast.admin, secret.id, insider);
    const { thread } = await authorThread(forum, cast);
    const own = await askThread(forum, cast.member, cast.home.id);
    const live = await connectLive(forum.baseUrl, { token: cast.member.accessToken });
    try {
      expect(await live.request('subscribe', { threadId: thread.id })).toEqual({ ok: true });
      await forum.http.post(
        `/api/threads/${thread.id}/move`,
        { reason: 'Members only topic.', collaborativeId: secret.id },
        as(cast.moderator),
      );
      await live.waitFor((received) => received.some((event) => event.type === 'thread.moved'));
      expect(
        (await forum.http.post(`/api/threads/${thread.id}/replies`, { body: 'Inside only.' }, as(insider))).status,
      ).toBe(201);
      // A later event for this reader: delivery is in id order, so the reply would have come first.
      await forum.http.post(`/api/threads/${own.id}/lock`, { reason: 'Answered.' }, as(cast.moderator));
      await live.waitFor((received) => received.some((event) => event.type === 'moderation.notice'));
      expect(live.received.filter((event) => event.type === 'reply.created' && event.threadId === thread.id)).toEqual(
        [],
      );
    } finally {
      live.close();
    }
  });

  test('their notifications of it, and the live copies they could replay, stop carrying its words', async () => {
    const secret = await createCollaborative(forum, cast.admin, { visibility: 'members' });
    await addMember(forum, cast.admin, secret.id, cast.author);
    const insider = await createUser(forum);
    await addMember(forum, cast.admin, cast.home.id, insider);
    await addMember(forum, cast.admin, secret.id, insider);
    const asked = await askThread(forum, cast.member, cast.home.id);
    expect((await forum.http.put(`/api/threads/${asked.id}/follow`, undefined, as(insider))).status).toBe(204);
    const words = 'Our escalation rota for the winter (private draft)';
    expect((await forum.http.post(`/api/threads/${asked.id}/replies`, { body: words }, as(cast.author))).status).toBe(
      201,
    );
    const before = await notificationOf(cast.member, 'reply', asked.id);
    expect(JSON.stringify(before)).toContain(words);
    await notificationOf(insider, 'reply', asked.id);

    await forum.http.post(
      `/api/threads/${asked.id}/move`,
      { reason: 'Members only topic.', collaborativeId: secret.id },
      as(cast.moderator),
    );
    expect((await forum.http.get(`/api/threads/${asked.id}`, as(cast.member))).status).toBe(404);
    const list = (await forum.http.get('/api/notifications', as(cast.member))).body.items;
    const after = list.find((item: { id: string }) => item.id === before.id);
    expect(after.title).toBe('Activity in a thread that moved to a collaborative you cannot read');
    expect(JSON.stringify(list)).not.toContain(words);
    expect(JSON.stringify(list)).not.toContain(asked.title);
    const replayed = await sql(
      `SELECT payload::text FROM events WHERE type = 'notification.created' AND payload->>'id' = $1`,
      [before.id],
    );
    expect(replayed.map((row: { payload: string }) => row.payload).join()).not.toContain(words);
    // Someone who may read it where it went keeps what they were told.
    expect(JSON.stringify(await notificationOf(insider, 'reply', asked.id))).toContain(words);
  });
});

describe('suspension', () => {
  test('ends sessions and open sockets; sign-in and refresh are refused until lifted', async () => {
    const target = await createUser(forum);
    const live = await connectLive(forum.baseUrl, { token: target.accessToken });
    const closed = new Promise<void>((resolve) => live.socket.on('disconnect', () => resolve()));
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const suspended = await forum.http.post(
      `/api/users/${target.id}/suspend`,
      { reason: 'Repeated abuse', until },
      as(cast.moderator),
    );
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      suspendedUntil: until,
      suspensionReason: 'Repeated abuse',
    });
    await closed;
    expect((await forum.http.get('/api/users/me', as(target))).status).toBe(401);
    expect((await forum.http.post('/api/auth/refresh', undefined, withCookie(target.refreshCookie))).status).toBe(401);
    const login = await forum.http.post('/api/auth/login', { email: target.email, password: target.password });
    expect(login.status).toBe(403);
    expect(login.body.detail).toMatch(/Repeated abuse/);
    expect(await refusal(forum.baseUrl, { token: target.accessToken })).toBe('unauthorized');
    const [{ open }] = await sql(`SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND ended_at IS NULL`, [
      target.id,
    ]);
    expect(open).toBe(0);

    expect(
      (await forum.http.post(`/api/users/${target.id}/unsuspend`, { reason: 'Appeal upheld' }, as(cast.moderator))).body
        .status,
    ).toBe('active');
    expect((await forum.http.post('/api/auth/login', { email: target.email, password: target.password })).status).toBe(
      200,
    );
    expect(
      (await forum.http.post(`/api/users/${target.id}/unsuspend`, { reason: 'Again' }, as(cast.moderator))).status,
    ).toBe(409);
  });
});

describe('merge', () => {
  test('replies move in order after the target’s, counters stay exact, and the old thread redirects', async () => {
    const into = await authorThread(forum, cast);
    const source = await authorThread(forum, cast);
    await forum.http.post(`/api/threads/${source.thread.id}/replies`, { body: 'A second answer.' }, as(cast.member));
    const merged = await forum.http.post(
      `/api/threads/${source.thread.id}/merge`,
      { reason: 'Duplicate question.', intoThreadId: into.thread.id },
      as(cast.lead),
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: into.thread.id, replyCount: 4 });
    const replies = (await forum.http.get(`/api/threads/${into.thread.id}/replies`, as(cast.member))).body.items;
    expect(replies.map((item: { position: number; body: string }) => [item.position, item.body])).toEqual([
      [1, into.reply.body],
      [2, source.thread.body],
      [3, source.reply.body],
      [4, 'A second answer.'],
    ]);
    const old = await forum.http.get(`/api/threads/${source.thread.id}`, as(cast.member));
    expect(old.body).toMatchObject({ mergedIntoId: into.thread.id });
    expect(old.body.deletedAt).not.toBeNull();
    const client = new pg.Client({ connectionString: forum.database.url });
    await client.connect();
    try {
      expect((await checkCounters(client)).mismatches).toEqual([]);
    } finally {
      await client.end();
    }
    // Merged already: its tombstone answers GET, so a second merge says why it cannot, rather than "no such thread".
    const again = await forum.http.post(
      `/api/threads/${source.thread.id}/merge`,
      { reason: 'Duplicate question.', intoThreadId: into.thread.id },
      as(cast.lead),
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This thread was deleted, or merged into another thread: act on that one.');
    const intoMerged = await forum.http.post(
      `/api/threads/${into.thread.id}/merge`,
      { reason: 'Duplicate question.', intoThreadId: source.thread.id },
      as(cast.lead),
    );
    expect(intoMerged.status).toBe(409);
    expect(intoMerged.body.detail).toBe(
      'The thread to merge into was deleted or merged itself; merge into a live thread.',
    );
  });

  test('moving keeps collaborative counters exact', async () => {
    const { thread } = await authorThread(forum, cast);
    expect(
      (
        await forum.http.post(
          `/api/threads/${thread.id}/move`,
          { reason: 'Belongs there.', collaborativeId: cast.away.id },
          as(cast.moderator),
        )
      ).status,
    ).toBe(200);
    const client = new pg.Client({ connectionString: forum.database.url });
    await client.connect();
    try {
      expect((await checkCounters(client)).mismatches).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
