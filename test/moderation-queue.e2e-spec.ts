import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { createUser, type TestUser } from './factories/user.factory.js';
import { authorThread, buildCast, type Cast } from './support/moderation-cast.js';
import { startTestApp } from './support/test-app.js';

/** The review queue on a forum of its own, so nothing else is in it: grouping, order, paging, scope and decisions. */
const fresh = await startTestApp();
let local: Cast;

beforeAll(async () => {
  local = await buildCast(fresh);
}, 60_000);
afterAll(() => fresh.close());

test('groups open reports by item, oldest first, with content, reasons and the author’s history', async () => {
  const people = await Promise.all([1, 2].map(() => createUser(fresh)));
  const first = await authorThread(fresh, local);
  const second = await authorThread(fresh, local, local.away.id);
  await fresh.http.post(
    `/api/replies/${first.reply.id}/hide`,
    { reason: 'Earlier warning' },
    { token: local.moderator.accessToken },
  );
  const send = (user: TestUser, id: string, reason: string) =>
    fresh.http.post(
      '/api/reports',
      { targetType: 'thread', targetId: id, reason, details: `${reason} details` },
      { token: user.accessToken },
    );
  await send(people[0]!, first.thread.id, 'inaccurate');
  await send(people[0]!, second.thread.id, 'spam');
  await send(people[1]!, first.thread.id, 'disrespectful');

  const queue = await fresh.http.get('/api/moderation/queue', { token: local.moderator.accessToken });
  expect(queue.status).toBe(200);
  expect(queue.body.items.map((item: { targetId: string }) => item.targetId)).toEqual([
    first.thread.id,
    second.thread.id,
  ]);
  const top = queue.body.items[0];
  expect(top.reports.map((entry: { reason: string }) => entry.reason)).toEqual(['inaccurate', 'disrespectful']);
  expect(top.content.title).toBe(first.thread.title);
  expect(top.author.id).toBe(local.author.id);
  expect(top.authorHistory).toEqual([expect.objectContaining({ action: 'reply.hide', reason: 'Earlier warning' })]);

  // Paged one item at a time, the same order.
  const page1 = await fresh.http.get('/api/moderation/queue?limit=1', { token: local.moderator.accessToken });
  const page2 = await fresh.http.get(`/api/moderation/queue?limit=1&cursor=${page1.body.nextCursor}`, {
    token: local.moderator.accessToken,
  });
  expect([page1.body.items[0].targetId, page2.body.items[0].targetId]).toEqual([first.thread.id, second.thread.id]);
  expect(page2.body.nextCursor).toBeNull();

  // Leads see only their collaboratives; members are refused.
  const leadQueue = await fresh.http.get('/api/moderation/queue', { token: local.lead.accessToken });
  expect(leadQueue.body.items.map((item: { targetId: string }) => item.targetId)).toEqual([first.thread.id]);
  const otherQueue = await fresh.http.get('/api/moderation/queue', { token: local.otherLead.accessToken });
  expect(otherQueue.body.items.map((item: { targetId: string }) => item.targetId)).toEqual([second.thread.id]);
  expect((await fresh.http.get('/api/moderation/queue', { token: local.member.accessToken })).status).toBe(403);
  expect((await fresh.http.get('/api/moderation/queue')).status).toBe(401);

  // A lead cannot resolve another collaborative's report: it looks missing.
  const secondReport = queue.body.items[1].reports[0].id;
  expect(
    (
      await fresh.http.post(
        `/api/moderation/reports/${secondReport}/resolve`,
        { action: 'hide', note: 'Spam.' },
        { token: local.lead.accessToken },
      )
    ).status,
  ).toBe(404);
  expect(
    (
      await fresh.http.post(
        `/api/moderation/reports/${secondReport}/resolve`,
        { action: 'hide', note: 'Spam.' },
        { token: local.member.accessToken },
      )
    ).status,
  ).toBe(403);

  // One decision resolves every open report on the item.
  const decided = await fresh.http.post(
    `/api/moderation/reports/${top.reports[0].id}/resolve`,
    { action: 'hide', note: 'Disrespectful tone.' },
    { token: local.lead.accessToken },
  );
  expect(decided.status).toBe(200);
  expect(decided.body).toMatchObject({ resolvedReports: 2, targetHidden: true });
  const after = await fresh.http.get('/api/moderation/queue', { token: local.moderator.accessToken });
  expect(after.body.items.map((item: { targetId: string }) => item.targetId)).toEqual([second.thread.id]);
  const twice = await fresh.http.post(
    `/api/moderation/reports/${top.reports[1].id}/resolve`,
    { action: 'dismiss', note: 'Again.' },
    { token: local.lead.accessToken },
  );
  expect(twice.status).toBe(422);
}, 90_000);
