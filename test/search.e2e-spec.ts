import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, insertCollaborative } from './factories/collaborative-rows.factory.js';
import { allPages, askThread, replyTo } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('search', () => {
  let forum: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let open: string;
  let closed: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    forum = await startTestApp();
    [author, reader] = await Promise.all([createUser(forum), createUser(forum)]);
    open = await insertCollaborative(forum);
    closed = await insertCollaborative(forum, { visibility: 'members' });
    await addMember(forum, closed, author);
    ids.inTitle = (
      await askThread(forum, author, open, {
        title: 'Radiology capacity sharing',
        body: 'How do you book scans across sites?',
        tags: ['diagnostics'],
      })
    ).id;
    ids.inBody = (
      await askThread(forum, author, open, {
        title: 'Weekend working',
        body: 'Our radiology team works Saturdays.',
        tags: ['workforce'],
      })
    ).id;
    ids.phrase = (
      await askThread(forum, author, open, {
        title: 'Cutting elective waits',
        body: 'Elective waits fell after pooling lists.',
      })
    ).id;
    ids.apart = (
      await askThread(forum, author, open, {
        title: 'Waits for outpatients',
        body: 'Unlike elective surgery, outpatient waits rose.',
      })
    ).id;
    ids.orthopaedic = (
      await askThread(forum, author, open, {
        title: 'Orthopaedic elective waits',
        body: 'Hip and knee elective waits are longest.',
      })
    ).id;
    ids.secret = (
      await askThread(forum, author, closed, {
        title: 'Confidential radiology contract',
        body: 'Radiology pricing between our trusts.',
      })
    ).id;
    ids.reply = (
      await replyTo(forum, reader, ids.inBody, {
        body: 'We pay radiology staff <img src=x onerror=alert(1)> a weekend radiology premium.',
      })
    ).id;
  });
  afterAll(() => forum?.close());

  const search = async (query: string, user = reader) => {
    const response = await forum.http.get(`/api/search?${query}`, { token: user.accessToken });
    expect(response.status).toBe(200);
    return response.body.items as Array<{
      type: string;
      id: string;
      threadId: string;
      titleHtml: string;
      snippetHtml: string;
      threadTitle: string;
      author: { id: string };
    }>;
  };
  const names = (items: Array<{ id: string }>) =>
    items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0]);

  test('a match in the title ranks above a match in a body, and replies are found too', async () => {
    const items = await search('q=radiology');
    expect(names(items)[0]).toBe('inTitle');
    expect(names(items)).toEqual(expect.arrayContaining(['inTitle', 'inBody', 'reply']));
    const reply = items.find((item) => item.id === ids.reply)!;
    expect(reply).toMatchObject({
      type: 'reply',
      threadId: ids.inBody,
      threadTitle: 'Weekend working',
      author: { id: reader.id },
    });
    // Each hit carries its own author's public profile, as a thread page shows it, and never an email.
    const profile = (await forum.http.get(`/api/users/${author.id}`, { token: reader.accessToken })).body;
    expect(items.find((item) => item.id === ids.inTitle)!.author).toEqual(profile);
    expect(JSON.stringify(items)).not.toContain(author.email);
  });

  test('snippets highlight the matched words and escape everything else', async () => {
    const items = await search('q=radiology');
    const title = items.find((item) => item.id === ids.inTitle)!;
    expect(title.titleHtml).toBe('<mark>Radiology</mark> capacity sharing');
    const reply = items.find((item) => item.id === ids.reply)!;
    expect(reply.snippetHtml).toBe(
      '<mark>radiology</mark> staff &lt;img src=x onerror=alert(1)&gt; a weekend <mark>radiology</mark> premium',
    );
    expect(reply.snippetHtml.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/<[a-z/]/i);
  });

  test('"quoted words" must appear together, and -word excludes', async () => {
    expect(names(await search('q=%22elective%20waits%22&type=thread'))).toEqual(
      expect.arrayContaining(['phrase', 'orthopaedic']),
    );
    expect(names(await search('q=%22elective%20waits%22&type=thread'))).not.toContain('apart');
    expect(names(await search('q=elective%20waits&type=thread'))).toContain('apart');
    const excluded = names(await search('q=%22elective%20waits%22%20-orthopaedic&type=thread'));
    expect(excluded).toContain('phrase');
    expect(excluded).not.toContain('orthopaedic');
  });

  test('never returns anything from a collaborative the caller may not read', async () => {
    expect(names(await search('q=confidential%20radiology'))).not.toContain('secret');
    expect(await search(`q=pricing&collaborativeId=${closed}`)).toEqual([]);
    expect(names(await search('q=pricing', author))).toEqual(['secret']);
  });

  test('replies the caller may not read are passed over, even when they rank first, and pages still fill', async () => {
    const hidden = await Promise.all(
      [1, 2, 3].map(() => replyTo(forum, author, ids.secret, { body: 'Sonography, sonography and more sonography.' })),
    );
    const seen: string[] = [];
    for (const body of ['Sonography rota.', 'Sonography training.', 'Sonography hubs.'])
      seen.push((await replyTo(forum, reader, ids.phrase, { body })).id);
    const { items, pages } = await allPages(forum, reader, '/api/search?q=sonography', 2);
    expect(items.map((item) => item.id).sort()).toEqual([...seen].sort());
    expect(pages).toBe(2);
    const everything = await search('q=sonography&limit=10', author);
    expect(
      everything
        .slice(0, 3)
        .map((item) => item.id)
        .sort(),
    ).toEqual(hidden.map((reply) => reply.id).sort());
  });

  test('filters by type, collaborative and tag', async () => {
    expect(names(await search('q=radiology&type=reply'))).toEqual(['reply']);
    expect(names(await search('q=radiology&type=thread'))).not.toContain('reply');
    expect(names(await search('q=radiology&tag=workforce'))).toEqual(expect.arrayContaining(['inBody', 'reply']));
    expect(names(await search('q=radiology&tag=workforce'))).not.toContain('inTitle');
    expect(names(await search(`q=radiology&collaborativeId=${closed}`, author))).toEqual(['secret']);
  });

  test('edits are searchable at once; deleted threads and replies are not', async () => {
    const thread = await askThread(forum, author, open, {
      title: 'Virtual wards staffing',
      body: 'Nothing else here.',
    });
    await forum.http.patch(
      `/api/threads/${thread.id}`,
      { body: 'Frailty hospital at home.' },
      { token: author.accessToken },
    );
    expect((await search('q=frailty')).map((item) => item.id)).toEqual([thread.id]);
    expect(await search('q=nothing%20else')).toEqual([]);
    const reply = await replyTo(forum, reader, thread.id, { body: 'Telemetry for frailty patients.' });
    await forum.http.delete(`/api/replies/${reply.id}`, { token: reader.accessToken });
    await forum.http.delete(`/api/threads/${thread.id}`, { token: author.accessToken });
    expect(await search('q=frailty')).toEqual([]);
    expect(await search('q=telemetry')).toEqual([]);
  });

  test('pages through every hit of every kind exactly once, best first', async () => {
    const space = await insertCollaborative(forum);
    for (let index = 0; index < 9; index++) {
      const thread = await askThread(forum, author, space, {
        title: `Workforce plan ${index}`,
        body: index % 2 ? 'Retention of nurses.' : 'Retention.',
      });
      await replyTo(forum, reader, thread.id, { body: 'Retention bonus worked for us.' });
    }
    for (const title of ['Nurse retention', 'Retention of porters']) {
      const practice = {
        title,
        summary: 'Retention rose.',
        challenge: 'Leavers.',
        approach: 'Mentors.',
        outcomes: 'Fewer leavers.',
        lessons: 'Ask early.',
        themes: ['workforce'],
      };
      const created = await forum.http.post(
        '/api/practices',
        { ...practice, collaborativeId: space },
        { token: author.accessToken },
      );
      expect(
        (await forum.http.post(`/api/practices/${created.body.id}/publish`, undefined, { token: author.accessToken }))
          .status,
      ).toBe(200);
    }
    const { items, pages } = await allPages(forum, reader, `/api/search?q=retention&collaborativeId=${space}`, 4);
    expect(items).toHaveLength(20);
    expect(pages).toBe(5);
    expect(new Set(items.map((item) => item.id)).size).toBe(20);
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(['thread', 'reply', 'practice']));
    const whole = await search(`q=retention&collaborativeId=${space}&limit=100`);
    expect(items.map((item) => item.id)).toEqual(whole.map((item) => item.id));
  });

  test('a query of stop words only finds nothing; a missing or long query is a 400', async () => {
    expect(await search('q=the')).toEqual([]);
    expect((await forum.http.get('/api/search', { token: reader.accessToken })).status).toBe(400);
    expect((await forum.http.get(`/api/search?q=${'x'.repeat(201)}`, { token: reader.accessToken })).status).toBe(400);
    expect((await forum.http.get('/api/search?q=x&type=poem', { token: reader.accessToken })).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['high', 'thread', ids.inTitle])).toString('base64url');
    expect(
      (await forum.http.get(`/api/search?q=radiology&cursor=${forged}`, { token: reader.accessToken })).status,
    ).toBe(400);
  });
});
