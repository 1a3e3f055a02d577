import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, insertCollaborative } from './factories/collaborative-rows.factory.js';
import { allPages, askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import type { TestApp } from './support/test-app.js';

describe('edits and their history', () => {
  let forum: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let collaborativeId: string;

  beforeAll(async () => {
    ({
      forum,
      people: [author, reader],
      collaborativeId,
    } = await startWithCollaborative(['member', 'member']));
  });
  afterAll(() => forum?.close());

  const edit = (threadId: string, body: Record<string, unknown>, user = author) =>
    forum.http.patch(`/api/threads/${threadId}`, body, { token: user.accessToken });

  test('every edit keeps the version it replaced, newest first, readable by any reader', async () => {
    const thread = await askThread(forum, author, collaborativeId, {
      title: 'Version one title',
      body: 'Body one',
      tags: ['diagnostics'],
    });
    const first = await edit(thread.id, { title: 'Version two title' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ title: 'Version two title', body: 'Body one', tags: ['diagnostics'] });
    expect(first.body.editedAt).not.toBeNull();
    await edit(thread.id, { body: 'Body **three**', tags: ['workforce', 'nursing'] });

    const history = await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: reader.accessToken });
    expect(history.status).toBe(200);
    expect(history.body.items).toMatchObject([
      {
        number: 2,
        title: 'Version two title',
        body: 'Body one',
        bodyHtml: '<p>Body one</p>',
        tags: ['diagnostics'],
        editor: { id: author.id },
      },
      { number: 1, title: 'Version one title', body: 'Body one', tags: ['diagnostics'], editor: { id: author.id } },
    ]);
    expect(history.text).not.toContain(author.email);
    const now = (await forum.http.get(`/api/threads/${thread.id}`, { token: reader.accessToken })).body;
    expect(now).toMatchObject({
      title: 'Version two title',
      body: 'Body **three**',
      bodyHtml: '<p>Body <strong>three</strong></p>',
      tags: ['workforce', 'nursing'],
    });
  });

  test('an edit that changes nothing keeps no revision', async () => {
    const thread = await askThread(forum, author, collaborativeId, { title: 'Unchanged title', tags: ['a-tag'] });
    expect((await edit(thread.id, { title: 'Unchanged title', tags: ['A-Tag'] })).status).toBe(200);
    expect((await edit(thread.id, {})).body.editedAt).toBeNull();
    expect(
      (await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: reader.accessToken })).body.items,
    ).toEqual([]);
  });

  test('only the author edits (403), and the history is unchanged by a refused edit', async () => {
    const thread = await askThread(forum, author, collaborativeId);
    const refused = await edit(thread.id, { title: 'Someone else was here' }, reader);
    expect(refused.status).toBe(403);
    const moderator = await createUser(forum, 'moderator');
    expect((await edit(thread.id, { title: 'A moderator rewrote it' }, moderator)).status).toBe(403);
    expect(
      (await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: reader.accessToken })).body.items,
    ).toEqual([]);
  });

  test("a reply's history pages through every edit; concurrent edits each keep one revision", async () => {
    const thread = await askThread(forum, author, collaborativeId);
    const reply = await replyTo(forum, author, thread.id, { body: 'Draft 0' });
    await Promise.all(
      Array.from({ length: 7 }, (_value, index) =>
        forum.http.patch(`/api/replies/${reply.id}`, { body: `Draft ${index + 1}` }, { token: author.accessToken }),
      ),
    );
    const { items, pages } = await allPages(forum, reader, `/api/replies/${reply.id}/revisions`, 3);
    expect(pages).toBe(3);
    expect(items.map((revision) => revision.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(items[6].body).toBe('Draft 0');
    const bodies = new Set(items.map((revision) => revision.body));
    const current = (await forum.http.get(`/api/threads/${thread.id}/replies`, { token: reader.accessToken })).body
      .items[0].body;
    bodies.add(current);
    expect(bodies.size).toBe(8);
  });

  test('deleting content deletes its history with it', async () => {
    const thread = await askThread(forum, author, collaborativeId, { body: 'Original wording' });
    await edit(thread.id, { body: 'Second wording' });
    await forum.http.delete(`/api/threads/${thread.id}`, { token: author.accessToken });
    const history = await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: reader.accessToken });
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([]);
  });

  test('the history of a members-only thread is hidden from outsiders like the thread', async () => {
    const space = await insertCollaborative(forum, { visibility: 'members' });
    await addMember(forum, space, author);
    const thread = await askThread(forum, author, space);
    await edit(thread.id, { title: 'Edited in private' });
    expect((await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: reader.accessToken })).status).toBe(
      404,
    );
    expect(
      (await forum.http.get(`/api/threads/${thread.id}/revisions`, { token: author.accessToken })).body.items,
    ).toHaveLength(1);
  });
});
