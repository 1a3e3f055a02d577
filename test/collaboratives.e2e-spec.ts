import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('collaboratives directory', () => {
  let forum: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
    member = await createUser(forum);
  });
  afterAll(() => forum?.close());

  test('only an admin creates; fields are validated, counters and ids cannot be set, Markdown is sanitised', async () => {
    const body = {
      name: 'Cheshire and Merseyside acute',
      type: 'horizontal',
      description: 'Hi <script>x()</script> [a](javascript:alert(1))',
    };
    expect((await forum.http.post('/api/collaboratives', body, { token: member.accessToken })).status).toBe(403);
    const created = await forum.http.post('/api/collaboratives', body, { token: admin.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'cheshire-and-merseyside-acute',
      visibility: 'public',
      followerCount: 0,
    });
    expect(created.body.descriptionHtml).not.toMatch(/<script|javascript:/);

    expect((await forum.http.post('/api/collaboratives', body, { token: admin.accessToken })).status).toBe(409);
    for (const extra of [{ followerCount: 99 }, { id: MISSING }, { archivedAt: '2020-01-01' }]) {
      const refused = await forum.http.post(
        '/api/collaboratives',
        { ...body, name: 'Another one', ...extra },
        { token: admin.accessToken },
      );
      expect(refused.status).toBe(400);
    }
    const invalid = await forum.http.post(
      '/api/collaboratives',
      { name: 'x', type: 'galactic', sectors: ['dentistry'] },
      { token: admin.accessToken },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'name',
      'sectors',
      'type',
    ]);
  });

  test('every collaborative can be reached by its slug: none is empty or shaped like an id', async () => {
    const create = (body: Record<string, unknown>) =>
      forum.http.post('/api/collaboratives', { type: 'other', ...body }, { token: admin.accessToken });
    const emoji = await create({ name: '🚑🚑🚑' });
    expect(emoji.status).toBe(201);
    expect(emoji.body.slug).toMatch(/^collaborative-[0-9a-f]{6}$/);
    expect((await create({ name: '🚑🚑🚑' })).status).toBe(201); // a second one gets a slug of its own
    expect(
      (await forum.http.get(`/api/collaboratives/${emoji.body.slug}`, { token: member.accessToken })).body.id,
    ).toBe(emoji.body.id);
    const idShaped = await create({ name: 'Id-shaped slug', slug: emoji.body.id });
    expect(idShaped.status).toBe(400);
    expect(idShaped.body.errors).toEqual([{ field: 'slug', message: 'slug must not be shaped like an id (a UUID)' }]);
  });

  test('found by id or slug', async () => {
    const collaborative = await createCollaborative(forum, admin);
    expect(
      (await forum.http.get(`/api/collaboratives/${collaborative.slug}`, { token: member.accessToken })).body.id,
    ).toBe(collaborative.id);
    expect(
      (await forum.http.get(`/api/collaboratives/${collaborative.id}`, { token: member.accessToken })).body.slug,
    ).toBe(collaborative.slug);
    expect((await forum.http.get('/api/collaboratives/no-such-slug', { token: member.accessToken })).status).toBe(404);
  });

  test('search and filters', async () => {
    await createCollaborative(forum, admin, {
      name: 'Lancashire diagnostics network',
      type: 'vertical',
      sectors: ['acute', 'community'],
      region: 'North West',
      ics: 'Lancashire and South Cumbria ICS',
      organisations: ['Blackpool Teaching Hospitals NHS Foundation Trust'],
      description: 'Community diagnostic centres shared across the county.',
    });
    await createCollaborative(forum, admin, {
      name: 'Kent ambulance forum',
      type: 'ambulance',
      sectors: ['ambulance'],
      region: 'South East',
    });
    const find = async (query: string) =>
      (await forum.http.get(`/api/collaboratives?${query}`, { token: member.accessToken })).body.items.map(
        (item: { name: string }) => item.name,
      );

    expect(await find('q=diagnostic')).toEqual(['Lancashire diagnostics network']);
    expect(await find('q=Blackpool')).toEqual(['Lancashire diagnostics network']);
    expect(await find('type=ambulance')).toEqual(['Kent ambulance forum']);
    expect(await find('sector=community')).toEqual(['Lancashire diagnostics network']);
    expect(await find('region=cumbria')).toEqual(['Lancashire diagnostics network']);
    expect(await find('q=ambulance&region=south%20east')).toEqual(['Kent ambulance forum']);
    expect(await find('q=nothing-matches-this')).toEqual([]);
    const bad = await forum.http.get('/api/collaboratives?type=galactic&following=maybe&limit=500', {
      token: member.accessToken,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'following',
      'limit',
      'type',
    ]);
  });

  test.each(['name', 'activity'])('paging by %s walks every row once, with no gaps', async (sort) => {
    const reader = await createUser(forum);
    for (let index = 0; index < 23; index++) {
      const collaborative = await createCollaborative(forum, admin, {
        name: `Paging ${sort} ${String(index).padStart(2, '0')}`,
      });
      await forum.http.put(`/api/collaboratives/${collaborative.id}/follow`, undefined, { token: reader.accessToken });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `following=true&sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { items: Array<{ name: string }>; nextCursor: string | null } } = await forum.http.get(
        `/api/collaboratives?${query}`,
        { token: reader.accessToken },
      );
      seen.push(...page.body.items.map((item) => item.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    if (sort === 'name') expect(seen).toEqual([...seen].sort());
    expect(
      (await forum.http.get('/api/collaboratives?cursor=not-a-cursor', { token: reader.accessToken })).status,
    ).toBe(400);
  });

  test('sorting by activity does not reveal activity inside a members-only collaborative to outsiders', async () => {
    const tag = Date.now().toString(36);
    const secret = await createCollaborative(forum, admin, { name: `Quiet ${tag} secret`, visibility: 'members' });
    const open = await createCollaborative(forum, admin, { name: `Quiet ${tag} open` });
    const insider = await createUser(forum);
    await addMember(forum, admin, secret.id, insider);
    // Activity inside the older, members-only one makes it the most recently active.
    const asked = await forum.http.post(
      `/api/collaboratives/${secret.id}/threads`,
      { title: 'A private question', body: 'Between members.' },
      { token: insider.accessToken },
    );
    expect(asked.status).toBe(201);
    const order = async (user: TestUser) =>
      (await forum.http.get(`/api/collaboratives?q=${tag}&sort=activity`, { token: user.accessToken })).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await order(insider)).toEqual([secret.id, open.id]);
    expect(await order(member)).toEqual([open.id, secret.id]);
  });

  test('archived: still readable, but nothing changes', async () => {
    const collaborative = await createCollaborative(forum, admin);
    const lead = await createUser(forum);
    await addMember(forum, admin, collaborative.id, lead, 'lead');
    expect(
      (await forum.http.post(`/api/collaboratives/${collaborative.id}/archive`, undefined, { token: lead.accessToken }))
        .status,
    ).toBe(403);
    const archived = await forum.http.post(`/api/collaboratives/${collaborative.id}/archive`, undefined, {
      token: admin.accessToken,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(archived.body.viewer.canPost).toBe(false);

    expect(
      (await forum.http.get(`/api/collaboratives/${collaborative.id}`, { token: member.accessToken })).status,
    ).toBe(200);
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${collaborative.id}`,
          { name: 'Renamed' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${collaborative.id}/members`,
          { userId: member.id },
          { token: admin.accessToken },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${collaborative.id}/join-requests`,
          {},
          { token: member.accessToken },
        )
      ).status,
    ).toBe(409);

    await forum.http.post(`/api/collaboratives/${collaborative.id}/unarchive`, undefined, { token: admin.accessToken });
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${collaborative.id}`,
          { name: 'Renamed' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(200);
  });
});

describe('members-only collaboratives and leads', () => {
  let forum: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let lead: TestUser;
  let insider: TestUser;
  let outsider: TestUser;
  let privateSpace: TestCollaborative;
  let otherSpace: TestCollaborative;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
    moderator = await createUser(forum, 'moderator');
    [lead, insider, outsider] = await Promise.all([createUser(forum), createUser(forum), createUser(forum)]);
    privateSpace = await createCollaborative(forum, admin, {
      name: 'Finance directors (private)',
      visibility: 'members',
    });
    otherSpace = await createCollaborative(forum, admin, { name: 'Workforce leads' });
    await addMember(forum, admin, privateSpace.id, lead, 'lead');
    await addMember(forum, admin, privateSpace.id, insider);
  });
  afterAll(() => forum?.close());

  test('listed by name and description for everyone, with nothing from inside for outsiders', async () => {
    const listed = await forum.http.get('/api/collaboratives?q=finance', { token: outsider.accessToken });
    const item = listed.body.items.find((entry: { id: string }) => entry.id === privateSpace.id);
    expect(item).toMatchObject({
      name: 'Finance directors (private)',
      visibility: 'members',
      threadCount: null,
      postCount: null,
      lastActivityAt: null,
    });
    expect(item.viewer).toMatchObject({ canRead: false, canPost: false, membership: null });
  });

  test.each([
    ['outsider', false],
    ['insider', true],
    ['lead', true],
    ['moderator', true],
    ['admin', true],
  ])('%s may read inside: %s', async (who, canRead) => {
    const caller = { outsider, insider, lead, moderator, admin }[who as 'outsider']!;
    const detail = await forum.http.get(`/api/collaboratives/${privateSpace.id}`, { token: caller.accessToken });
    expect(detail.body.viewer.canRead).toBe(canRead);
    const members = await forum.http.get(`/api/collaboratives/${privateSpace.id}/members`, {
      token: caller.accessToken,
    });
    expect(members.status).toBe(canRead ? 200 : 404);
    if (canRead)
      expect(members.body.items.map((entry: { role: string }) => entry.role).sort()).toEqual(['lead', 'member']);
  });

  test('hidden looks exactly like missing', async () => {
    const hidden = await forum.http.get(`/api/collaboratives/${privateSpace.id}/members`, {
      token: outsider.accessToken,
    });
    const missing = await forum.http.get(`/api/collaboratives/${MISSING}/members`, { token: outsider.accessToken });
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(hidden.status).toBe(missing.status);
    expect(strip(hidden.body)).toEqual(strip(missing.body));
  });

  test('following a members-only collaborative needs membership', async () => {
    const refused = await forum.http.put(`/api/collaboratives/${privateSpace.id}/follow`, undefined, {
      token: outsider.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/ask to join/i);
    const detail = await forum.http.get(`/api/collaboratives/${privateSpace.id}`, { token: insider.accessToken });
    expect(detail.body.viewer.following).toBe(true); // members follow on joining
  });

  test('join request: asked, seen by the lead, approved; the requester can read the outcome', async () => {
    const asked = await forum.http.post(
      `/api/collaboratives/${privateSpace.id}/join-requests`,
      { message: 'CFO at a partner trust' },
      { token: outsider.accessToken },
    );
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${privateSpace.id}/join-requests`,
          {},
          { token: outsider.accessToken },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${privateSpace.id}/join-requests`,
          {},
          { token: insider.accessToken },
        )
      ).status,
    ).toBe(409);

    expect(
      (await forum.http.get(`/api/collaboratives/${privateSpace.id}/join-requests`, { token: insider.accessToken }))
        .status,
    ).toBe(403);
    const queue = await forum.http.get(`/api/collaboratives/${privateSpace.id}/join-requests`, {
      token: lead.accessToken,
    });
    expect(queue.body.items.map((request: { id: string }) => request.id)).toEqual([asked.body.id]);
    expect(queue.body.items[0].requester.email).toBeUndefined();

    const approved = await forum.http.post(
      `/api/collaboratives/${privateSpace.id}/join-requests/${asked.body.id}/approve`,
      undefined,
      { token: lead.accessToken },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${privateSpace.id}/join-requests/${asked.body.id}/decline`,
          undefined,
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(409);

    const mine = await forum.http.get('/api/users/me/join-requests', { token: outsider.accessToken });
    expect(mine.body.items[0]).toMatchObject({
      id: asked.body.id,
      status: 'approved',
      collaborativeName: 'Finance directors (private)',
    });
    expect(
      (await forum.http.get(`/api/collaboratives/${privateSpace.id}/members`, { token: outsider.accessToken })).status,
    ).toBe(200);

    // Leaving ends reading, and following, of a members-only space.
    expect(
      (
        await forum.http.delete(`/api/collaboratives/${privateSpace.id}/members/${outsider.id}`, {
          token: outsider.accessToken,
        })
      ).status,
    ).toBe(204);
    expect(
      (await forum.http.get(`/api/collaboratives/${privateSpace.id}/members`, { token: outsider.accessToken })).status,
    ).toBe(404);
    expect(
      (await forum.http.get(`/api/collaboratives/${privateSpace.id}`, { token: outsider.accessToken })).body.viewer
        .following,
    ).toBe(false);
  });

  test('a declined or withdrawn request leaves the person outside', async () => {
    const stranger = await createUser(forum);
    const asked = await forum.http.post(
      `/api/collaboratives/${privateSpace.id}/join-requests`,
      {},
      { token: stranger.accessToken },
    );
    await forum.http.post(`/api/collaboratives/${privateSpace.id}/join-requests/${asked.body.id}/decline`, undefined, {
      token: lead.accessToken,
    });
    expect(
      (await forum.http.get('/api/users/me/join-requests', { token: stranger.accessToken })).body.items[0].status,
    ).toBe('declined');
    expect(
      (await forum.http.get(`/api/collaboratives/${privateSpace.id}/members`, { token: stranger.accessToken })).status,
    ).toBe(404);

    const again = await forum.http.post(
      `/api/collaboratives/${privateSpace.id}/join-requests`,
      {},
      { token: stranger.accessToken },
    );
    expect(again.status).toBe(201);
    expect(
      (await forum.http.delete(`/api/users/me/join-requests/${again.body.id}`, { token: stranger.accessToken })).status,
    ).toBe(204);
    expect(
      (await forum.http.delete(`/api/users/me/join-requests/${again.body.id}`, { token: stranger.accessToken })).status,
    ).toBe(404);
  });

  test("a lead's powers stop at their own collaborative", async () => {
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${privateSpace.id}`,
          { description: 'Budget setting' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${otherSpace.id}`,
          { description: 'Taken over' },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${otherSpace.id}/members`,
          { userId: outsider.id },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(403);
    expect(
      (await forum.http.get(`/api/collaboratives/${otherSpace.id}/join-requests`, { token: lead.accessToken })).status,
    ).toBe(403);
    expect(
      (
        await forum.http.patch(
          `/api/collaboratives/${privateSpace.id}`,
          { description: 'x' },
          { token: insider.accessToken },
        )
      ).status,
    ).toBe(403);
    // A lead can name another lead in their own collaborative; a plain member cannot.
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${privateSpace.id}/members`,
          { userId: insider.id, role: 'lead' },
          { token: insider.accessToken },
        )
      ).status,
    ).toBe(403);
    const promoted = await forum.http.post(
      `/api/collaboratives/${privateSpace.id}/members`,
      { userId: insider.id, role: 'lead' },
      { token: lead.accessToken },
    );
    expect(promoted.body.role).toBe('lead');
    expect(
      (
        await forum.http.post(
          `/api/collaboratives/${privateSpace.id}/members`,
          { userId: MISSING },
          { token: lead.accessToken },
        )
      ).status,
    ).toBe(404);
  });
});

describe('following', () => {
  let forum: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  const followerCount = async (id: string) =>
    (await forum.http.get(`/api/collaboratives/${id}`, { token: admin.accessToken })).body.followerCount;

  test('follow and unfollow are idempotent and listed under /users/me/follows', async () => {
    const collaborative = await createCollaborative(forum, admin);
    const reader = await createUser(forum);
    for (let times = 0; times < 3; times++) {
      expect(
        (
          await forum.http.put(`/api/collaboratives/${collaborative.id}/follow`, undefined, {
            token: reader.accessToken,
          })
        ).status,
      ).toBe(204);
    }
    expect(await followerCount(collaborative.id)).toBe(1);
    const follows = await forum.http.get('/api/users/me/follows', { token: reader.accessToken });
    expect(follows.body.items.map((item: { id: string }) => item.id)).toEqual([collaborative.id]);
    for (let times = 0; times < 2; times++) {
      expect(
        (await forum.http.delete(`/api/collaboratives/${collaborative.id}/follow`, { token: reader.accessToken }))
          .status,
      ).toBe(204);
    }
    expect(await followerCount(collaborative.id)).toBe(0);
    expect(
      (await forum.http.put(`/api/collaboratives/${MISSING}/follow`, undefined, { token: reader.accessToken })).status,
    ).toBe(404);
  });

  test('the follower count stays exact under 50 parallel follow and unfollow requests', async () => {
    const collaborative = await createCollaborative(forum, admin);
    const readers = await Promise.all(Array.from({ length: 10 }, () => createUser(forum)));
    const requests = Array.from({ length: 50 }, (_, index) => {
      const reader = readers[index % readers.length]!;
      return index % 3 === 2
        ? forum.http.delete(`/api/collaboratives/${collaborative.id}/follow`, { token: reader.accessToken })
        : forum.http.put(`/api/collaboratives/${collaborative.id}/follow`, undefined, { token: reader.accessToken });
    });
    const results = await Promise.all(requests);
    expect(results.every((result) => result.status === 204)).toBe(true);
    let following = 0;
    for (const reader of readers) {
      const detail = await forum.http.get(`/api/collaboratives/${collaborative.id}`, { token: reader.accessToken });
      if (detail.body.viewer.following) following++;
    }
    expect(await followerCount(collaborative.id)).toBe(following);
  });
});
