import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import {
  addFollower,
  addMember,
  collaborativeCounters,
  insertCollaborative,
} from './factories/collaborative-rows.factory.js';
import { allPages, askThread, replyTo, startWithCollaborative } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import type { TestApp } from './support/test-app.js';

describe('threads', () => {
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

  const get = (path: string, user: TestUser) => forum.http.get(path, { token: user.accessToken });

  test('asking returns the thread with its author, rendered body, counters and what the asker may do', async () => {
    const response = await forum.http.post(
      `/api/collaboratives/${collaborativeId}/threads`,
      {
        title: '  How are you sharing diagnostic capacity?  ',
        body: 'We have **spare** CT slots.',
        tags: [' Diagnostics ', 'elective-recovery'],
      },
      { token: asker.accessToken },
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      collaborativeId,
      kind: 'question',
      title: 'How are you sharing diagnostic capacity?',
      body: 'We have **spare** CT slots.',
      bodyHtml: '<p>We have <strong>spare</strong> CT slots.</p>',
      tags: ['diagnostics', 'elective-recovery'],
      author: { id: asker.id },
      replyCount: 0,
      voteCount: 0,
      viewCount: 0,
      acceptedReplyId: null,
      acceptedReply: null,
      isPinned: false,
      isLocked: false,
      editedAt: null,
      deletedAt: null,
      viewer: {
        voted: false,
        followsCollaborative: false,
        canEdit: true,
        canDelete: true,
        canReply: true,
        canAcceptAnswer: true,
        canModerate: false,
      },
    });
    expect(response.text).not.toContain(asker.email);
    const shown = await get(`/api/threads/${response.body.id}`, peer);
    expect(shown.status).toBe(200);
    expect(shown.body.viewer).toMatchObject({
      canEdit: false,
      canDelete: false,
      canReply: true,
      canAcceptAnswer: false,
    });
  });

  test.each([
    [{ title: 'Why', body: 'x' }, 'title'],
    [{ title: 'x'.repeat(201), body: 'x' }, 'title'],
    [{ title: 'A good title', body: '   ' }, 'body'],
    [{ title: 'A good title', body: 'x', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
    [{ title: 'A good title', body: 'x', tags: ['not a slug'] }, 'tags'],
    [{ title: 'A good title', body: 'x', tags: ['same', 'SAME'] }, 'tags'],
    [{ title: 'A good title', body: 'x', kind: 'poll' }, 'kind'],
  ])('an invalid thread %j is refused on %s', async (body, field) => {
    const response = await forum.http.post(`/api/collaboratives/${collaborativeId}/threads`, body, {
      token: asker.accessToken,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  test.each([
    ['authorId', '00000000-0000-4000-8000-000000000000'],
    ['voteCount', 99],
    ['replyCount', 5],
    ['viewCount', 5],
    ['isPinned', true],
    ['isLocked', true],
    ['acceptedReplyId', '00000000-0000-4000-8000-000000000000'],
    ['createdAt', '2020-01-01T00:00:00Z'],
    ['collaborativeId', '00000000-0000-4000-8000-000000000000'],
    ['id', '00000000-0000-4000-8000-000000000000'],
  ])('a body that sets %s is refused, on create and on edit, and nothing changes', async (field, value) => {
    const before = await collaborativeCounters(forum, collaborativeId);
    const created = await forum.http.post(
      `/api/collaboratives/${collaborativeId}/threads`,
      { title: 'Mass assignment attempt', body: 'x', [field]: value },
      { token: asker.accessToken },
    );
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([{ field, message: `property ${field} should not exist` }]);
    expect((await collaborativeCounters(forum, collaborativeId)).threadCount).toBe(before.threadCount);

    const thread = await askThread(forum, asker, collaborativeId);
    const edited = await forum.http.patch(
      `/api/threads/${thread.id}`,
      { title: 'A new title here', [field]: value },
      { token: asker.accessToken },
    );
    expect(edited.status).toBe(400);
    const after = (await get(`/api/threads/${thread.id}`, asker)).body;
    expect(after).toMatchObject({
      title: thread.title,
      voteCount: 0,
      isPinned: false,
      isLocked: false,
      author: { id: asker.id },
      editedAt: null,
    });
  });

  test('Markdown is sanitised: no script, event handler, javascript: or data: link survives', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[click](javascript:alert(3))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
      '<a href="https://example.org" onclick="steal()">x</a>',
      '![pic](javascript:alert(5))',
    ].join('\n\n');
    const thread = await askThread(forum, asker, collaborativeId, { body });
    const reply = await replyTo(forum, peer, thread.id, { body });
    for (const html of [thread.bodyHtml, reply.bodyHtml]) {
      // Every real tag (escaped text like &lt;script&gt; is only text) is harmless.
      const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map(([, name, attributes]) => ({
        name: name!.toLowerCase(),
        attributes: attributes!,
      }));
      expect(tags.map((tag) => tag.name)).not.toEqual(expect.arrayContaining(['script']));
      for (const tag of tags) {
        expect(['p', 'a', 'em', 'strong']).toContain(tag.name);
        expect(tag.attributes).not.toMatch(/\bon\w+\s*=|javascript:|data:/i);
      }
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const edited = await forum.http.patch(
      `/api/threads/${thread.id}`,
      { body: '<iframe src="https://evil.example"></iframe>' },
      { token: asker.accessToken },
    );
    expect(edited.body.bodyHtml).not.toContain('<iframe');
  });

  test('deleting a thread leaves a tombstone with its replies; counters of the collaborative stay exact', async () => {
    const space = await insertCollaborative(forum);
    const thread = await askThread(forum, asker, space, { title: 'A thread to be deleted', body: 'Sensitive details' });
    await replyTo(forum, peer, thread.id, { body: 'A reply that stays' });
    await forum.http.put(`/api/threads/${thread.id}/vote`, undefined, { token: peer.accessToken });
    expect(await collaborativeCounters(forum, space)).toMatchObject({ threadCount: 1, postCount: 2 });

    expect((await forum.http.delete(`/api/threads/${thread.id}`, { token: peer.accessToken })).status).toBe(403);
    expect((await forum.http.delete(`/api/threads/${thread.id}`, { token: asker.accessToken })).status).toBe(204);
    expect((await forum.http.delete(`/api/threads/${thread.id}`, { token: asker.accessToken })).status).toBe(204);
    expect(await collaborativeCounters(forum, space)).toMatchObject({ threadCount: 0, postCount: 1 });

    const tombstone = await get(`/api/threads/${thread.id}`, peer);
    expect(tombstone.status).toBe(200);
    expect(tombstone.body).toMatchObject({
      title: '[deleted]',
      body: '',
      bodyHtml: '',
      tags: [],
      author: null,
      replyCount: 1,
    });
    expect(tombstone.body.deletedAt).not.toBeNull();
    expect(tombstone.text).not.toContain('Sensitive details');
    expect(tombstone.body.viewer).toMatchObject({ canEdit: false, canDelete: false, canReply: false });
    const replies = await get(`/api/threads/${thread.id}/replies`, peer);
    expect(replies.body.items.map((reply: { body: string }) => reply.body)).toEqual(['A reply that stays']);
    expect((await get(`/api/collaboratives/${space}/threads`, peer)).body.items).toEqual([]);
    expect(
      (
        await forum.http.patch(
          `/api/threads/${thread.id}`,
          { title: 'Back from the dead' },
          { token: asker.accessToken },
        )
      ).status,
    ).toBe(409);
    expect(
      (await forum.http.post(`/api/threads/${thread.id}/replies`, { body: 'x' }, { token: peer.accessToken })).status,
    ).toBe(409);
  });

  test('a view counts once per reader, never for the author', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    await get(`/api/threads/${thread.id}`, asker);
    await Promise.all([1, 2, 3].map(() => get(`/api/threads/${thread.id}`, peer)));
    const third = await createUser(forum);
    expect((await get(`/api/threads/${thread.id}`, third)).body.viewCount).toBe(2);
    expect((await get(`/api/threads/${thread.id}`, peer)).body.viewCount).toBe(2);
  });

  test('a deleted thread counts no more views', async () => {
    const thread = await askThread(forum, asker, collaborativeId);
    await get(`/api/threads/${thread.id}`, peer);
    expect((await forum.http.delete(`/api/threads/${thread.id}`, { token: asker.accessToken })).status).toBe(204);
    const latecomer = await createUser(forum);
    expect((await get(`/api/threads/${thread.id}`, latecomer)).body.viewCount).toBe(1);
    expect((await get(`/api/threads/${thread.id}`, await createUser(forum))).body.viewCount).toBe(1);
  });

  describe('lists', () => {
    let space: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      space = await insertCollaborative(forum);
      // In order: oldest first. Activity and votes are then arranged to differ from age.
      for (const name of ['old', 'middle', 'recent'])
        ids[name] = (
          await askThread(forum, asker, space, {
            title: `Thread ${name} here`,
            tags: name === 'middle' ? ['workforce'] : ['diagnostics'],
          })
        ).id;
      ids.discussion = (
        await askThread(forum, asker, space, { title: 'A discussion, not a question', kind: 'discussion' })
      ).id;
      ids.answered = (await askThread(forum, asker, space, { title: 'An answered question' })).id;
      const answer = await replyTo(forum, peer, ids.answered!);
      await forum.http.put(
        `/api/threads/${ids.answered}/accepted-reply`,
        { replyId: answer.id },
        { token: asker.accessToken },
      );
      await replyTo(forum, peer, ids.old!);
      await forum.http.put(`/api/threads/${ids.middle}/vote`, undefined, { token: peer.accessToken });
    });

    const titles = async (query: string) => {
      const response = await get(`/api/collaboratives/${space}/threads${query}`, peer);
      expect(response.status).toBe(200);
      return response.body.items.map(
        (item: { id: string }) => Object.entries(ids).find(([, id]) => id === item.id)?.[0],
      );
    };

    test('activity (the default) puts the latest reply first; new is newest first', async () => {
      expect(await titles('')).toEqual(['old', 'answered', 'discussion', 'recent', 'middle']);
      expect(await titles('?sort=new')).toEqual(['answered', 'discussion', 'recent', 'middle', 'old']);
    });

    test('top is by votes; unanswered is questions without an accepted answer', async () => {
      expect((await titles('?sort=top'))[0]).toBe('middle');
      expect(await titles('?sort=unanswered')).toEqual(['recent', 'middle', 'old']);
    });

    test('a tag filters, and list items carry no body', async () => {
      expect(await titles('?tag=workforce')).toEqual(['middle']);
      expect(await titles('?sort=new&tag=Diagnostics')).toEqual(['answered', 'discussion', 'recent', 'old']);
      const response = await get(`/api/collaboratives/${space}/threads`, peer);
      expect(response.body.items[0]).not.toHaveProperty('body');
      expect(response.body.items[0].author.id).toBe(asker.id);
    });

    test('a pinned thread comes first by activity, and its flag shows', async () => {
      const moderator = await createUser(forum, 'moderator');
      const pinned = await forum.http.post(
        `/api/threads/${ids.recent}/pin`,
        { reason: 'Useful to all' },
        { token: moderator.accessToken },
      );
      expect(pinned.status).toBe(200);
      expect(pinned.body.isPinned).toBe(true);
      expect(
        (
          await forum.http.post(
            `/api/threads/${ids.recent}/pin`,
            { reason: 'Useful to all' },
            { token: peer.accessToken },
          )
        ).status,
      ).toBe(403);
      expect((await titles(''))[0]).toBe('recent');
      await forum.http.post(
        `/api/threads/${ids.recent}/unpin`,
        { reason: 'No longer current' },
        { token: moderator.accessToken },
      );
      expect((await titles(''))[0]).toBe('old');
    });

    test.each(['', '?sort=new', '?sort=top', '?sort=unanswered'])(
      'every sort (%s) pages through more rows than a page without gaps or repeats',
      async (query) => {
        const busy = await insertCollaborative(forum);
        const made = [];
        for (let index = 0; index < 23; index++)
          made.push((await askThread(forum, asker, busy, { kind: index % 5 === 0 ? 'discussion' : 'question' })).id);
        // Ties on purpose: several threads with the same vote count and the same activity.
        await Promise.all(
          made
            .slice(0, 6)
            .map((id) => forum.http.put(`/api/threads/${id}/vote`, undefined, { token: peer.accessToken })),
        );
        await forum.app
          .get(DataSource)
          .query(
            `UPDATE threads SET last_activity_at = date_trunc('second', last_activity_at), created_at = date_trunc('minute', created_at) WHERE collaborative_id = $1`,
            [busy],
          );
        const { items, pages } = await allPages(forum, peer, `/api/collaboratives/${busy}/threads${query}`, 4);
        const expected = query === '?sort=unanswered' ? made.filter((_id, index) => index % 5 !== 0) : made;
        expect(pages).toBeGreaterThan(2);
        expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
        expect(items.map((item) => item.id).sort()).toEqual([...expected].sort());
        const whole = await get(`/api/collaboratives/${busy}/threads${query}${query ? '&' : '?'}limit=100`, peer);
        expect(items.map((item) => item.id)).toEqual(whole.body.items.map((item: { id: string }) => item.id));
      },
    );

    test('a forged cursor is a 400, never a server error', async () => {
      const forged = [
        'not-base64-json',
        Buffer.from(JSON.stringify([1.5, '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
        Buffer.from(JSON.stringify(['2026-02-31T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString(
          'base64url',
        ),
        Buffer.from(
          JSON.stringify([2, '2026-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000']),
        ).toString('base64url'),
      ];
      for (const [query, cursor] of [
        ['?sort=new', forged[0]],
        ['?sort=top', forged[1]],
        ['?sort=new', forged[2]],
        ['', forged[3]],
      ]) {
        const response = await get(
          `/api/collaboratives/${space}/threads${query}${query ? '&' : '?'}cursor=${cursor}`,
          peer,
        );
        expect(response.status).toBe(400);
      }
      expect((await get(`/api/collaboratives/${space}/threads?sort=hot`, peer)).status).toBe(400);
      expect((await get(`/api/collaboratives/${space}/threads?limit=101`, peer)).status).toBe(400);
    });
  });

  test('the feed lists threads of followed collaboratives only, latest activity first', async () => {
    const reader = await createUser(forum);
    const followed = await insertCollaborative(forum);
    const other = await insertCollaborative(forum);
    const hidden = await insertCollaborative(forum, { visibility: 'members' });
    await addFollower(forum, followed, reader);
    await addFollower(forum, hidden, reader); // followed once, but no longer a member: never shown
    await addMember(forum, hidden, asker);
    const first = await askThread(forum, asker, followed);
    const second = await askThread(forum, asker, followed);
    await askThread(forum, asker, other);
    await askThread(forum, asker, hidden);
    await replyTo(forum, peer, first.id);
    const feed = await get('/api/threads', reader);
    expect(feed.status).toBe(200);
    expect(feed.body.items.map((item: { id: string }) => item.id)).toEqual([first.id, second.id]);
    expect((await get(`/api/threads/${first.id}`, reader)).body.viewer.followsCollaborative).toBe(true);
  });

  test('the OpenAPI document shows the thread, reply and search routes', async () => {
    const document = (await forum.http.get('/docs/openapi.json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/collaboratives/{id}/threads',
        '/api/threads',
        '/api/threads/{id}',
        '/api/threads/{id}/replies',
        '/api/threads/{id}/accepted-reply',
        '/api/threads/{id}/vote',
        '/api/threads/{id}/revisions',
        '/api/replies/{id}',
        '/api/replies/{id}/vote',
        '/api/replies/{id}/revisions',
        '/api/search',
      ]),
    );
    expect(document.components.schemas.ThreadDetailDto.properties).toHaveProperty('viewer');
    expect(document.components.schemas.CreateThreadDto.properties).not.toHaveProperty('authorId');
  });
});
