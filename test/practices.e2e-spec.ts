import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { addMember, createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { allPages } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { whileNotificationsWorkerHeld } from './support/hold-worker.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const complete = {
  title: 'Shared diagnostic capacity across the collaborative',
  summary: 'One waiting list for imaging across four trusts.',
  challenge: 'Idle scanners at one site, **long waits** at another.',
  approach: 'A shared booking system and a weekly capacity huddle.',
  outcomes: 'Waits fell.',
  lessons: 'Agree reporting first.',
  outcomeMeasures: [{ label: 'Diagnostic waits over 6 weeks', before: 31, after: 12, unit: '%' }],
  sectors: ['acute'],
  themes: ['diagnostics'],
  tags: ['imaging'],
  organisations: ['Example NHS Foundation Trust'],
  contact: 'The COO',
};

describe('best-practice library', () => {
  let forum: TestApp;
  let admin: TestUser;
  let author: TestUser;
  let coAuthor: TestUser;
  let reader: TestUser;
  let space: TestCollaborative;
  let secret: TestCollaborative;

  const draft = async (overrides: Record<string, unknown> = {}, who = author) => {
    const response = await forum.http.post(
      '/api/practices',
      { ...complete, collaborativeId: space.id, ...overrides },
      { token: who.accessToken },
    );
    if (response.status !== 201) throw new Error(`${response.status} ${response.text}`);
    return response.body;
  };
  const publish = async (id: string, who = author) =>
    forum.http.post(`/api/practices/${id}/publish`, undefined, { token: who.accessToken });
  const get = (id: string, who: TestUser) => forum.http.get(`/api/practices/${id}`, { token: who.accessToken });

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
    [author, coAuthor, reader] = await Promise.all([createUser(forum), createUser(forum), createUser(forum)]);
    space = await createCollaborative(forum, admin, { name: 'Imaging network' });
    secret = await createCollaborative(forum, admin, { name: 'Private finance', visibility: 'members' });
    await addMember(forum, admin, secret.id, author);
  });
  afterAll(() => forum?.close());

  test('a draft is seen only by its authors, then published for every reader', async () => {
    const created = await draft({ coAuthorIds: [coAuthor.id] });
    expect(created).toMatchObject({ status: 'draft', publishedAt: null, coAuthors: [{ id: coAuthor.id }] });
    expect(created.challengeHtml).toContain('<strong>long waits</strong>');
    expect((await get(created.id, coAuthor)).status).toBe(200);
    for (const outsider of [reader, admin]) expect((await get(created.id, outsider)).status).toBe(404);
    const drafts = await forum.http.get('/api/practices?status=draft', { token: coAuthor.accessToken });
    expect(drafts.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
    expect(
      (await forum.http.get('/api/practices', { token: reader.accessToken })).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(created.id);

    expect((await publish(created.id, reader)).status).toBe(404);
    const published = await publish(created.id, coAuthor);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await get(created.id, reader)).body.viewer).toMatchObject({
      isAuthor: false,
      canEndorse: true,
      canEdit: false,
    });
  });

  test('publishing needs every section and a theme, each missing one named', async () => {
    const created = await draft({ summary: undefined, lessons: '', themes: [] });
    const refused = await publish(created.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'lessons',
      'summary',
      'themes',
    ]);
  });

  test.each(
    (
      [
        [{ outcomeMeasures: Array.from({ length: 21 }, () => complete.outcomeMeasures[0]) }, 'outcomeMeasures'],
        [{ outcomeMeasures: [{ label: 'x', before: 'thirty', after: 12, unit: '%' }] }, 'outcomeMeasures[0].before'],
        [{ outcomeMeasures: [{ label: '', before: 1, after: 2, unit: '%' }] }, 'outcomeMeasures[0].label'],
        [{ themes: ['astrology'] }, 'themes'],
        [{ title: 'x' }, 'title'],
        [{ challenge: 'x'.repeat(20_001) }, 'challenge'],
        [{ authorId: '00000000-0000-4000-8000-000000000000' }, 'authorId'],
        [{ endorsementCount: 5 }, 'endorsementCount'],
        [{ status: 'published' }, 'status'],
        // Optional is not nullable: null once reached a NOT NULL column as a 500 (found by the fuzz suite).
        [{ tags: null }, 'tags'],
        [{ summary: null }, 'summary'],
      ] as Array<[Record<string, unknown>, string]>
    ).map(([body, field]) => [field, body] as const),
  )('an invalid %s is refused on its field', async (field, body) => {
    const response = await forum.http.post('/api/practices', { ...complete, ...body }, { token: author.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  test('the collaborative rule applies: members-only case studies are hidden like missing ones', async () => {
    expect(
      (
        await forum.http.post(
          '/api/practices',
          { ...complete, collaborativeId: secret.id },
          { token: reader.accessToken },
        )
      ).status,
    ).toBe(404);
    const created = await draft({ collaborativeId: secret.id });
    await publish(created.id);
    const hidden = await get(created.id, reader);
    const missing = await get('00000000-0000-4000-8000-000000000000', reader);
    expect(hidden.status).toBe(404);
    expect({ ...hidden.body, instance: undefined, requestId: undefined }).toEqual({
      ...missing.body,
      instance: undefined,
      requestId: undefined,
    });
    expect(
      (await forum.http.get(`/api/practices?collaborativeId=${secret.id}`, { token: reader.accessToken })).body.items,
    ).toEqual([]);
    expect((await get(created.id, admin)).status).toBe(200);
    // Without a collaborative, every signed-in user reads it.
    const open = await draft({ collaborativeId: undefined });
    await publish(open.id);
    expect((await get(open.id, reader)).status).toBe(200);
  });

  test('views count distinct readers: reloading or the authors reading adds nothing', async () => {
    const created = await draft();
    await publish(created.id);
    for (let visit = 0; visit < 3; visit++) await get(created.id, reader);
    await get(created.id, author);
    await get(created.id, admin);
    expect((await get(created.id, reader)).body.viewCount).toBe(2);
  });

  test('endorsements: not on your own, one per person, exact under parallel requests', async () => {
    const created = await draft();
    await publish(created.id);
    expect(
      (await forum.http.put(`/api/practices/${created.id}/endorsement`, {}, { token: author.accessToken })).status,
    ).toBe(403);
    const endorsers = await Promise.all(Array.from({ length: 12 }, () => createUser(forum)));
    const results = await Promise.all(
      endorsers.flatMap((endorser) =>
        [1, 2].map(() =>
          forum.http.put(
            `/api/practices/${created.id}/endorsement`,
            { note: 'We tried this too' },
            { token: endorser.accessToken },
          ),
        ),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect((await get(created.id, reader)).body.endorsementCount).toBe(12);
    await forum.http.delete(`/api/practices/${created.id}/endorsement`, { token: endorsers[0]!.accessToken });
    await forum.http.delete(`/api/practices/${created.id}/endorsement`, { token: endorsers[0]!.accessToken });
    expect((await get(created.id, reader)).body.endorsementCount).toBe(11);
    const listed = await forum.http.get(`/api/practices/${created.id}/endorsements`, { token: reader.accessToken });
    expect(listed.body.items[0]).toMatchObject({
      note: 'We tried this too',
      organisation: 'Example NHS Foundation Trust',
    });
  });

  test('comments: oldest first, edited with history, deleted as tombstones, counted', async () => {
    const created = await draft();
    expect(
      (
        await forum.http.post(
          `/api/practices/${created.id}/comments`,
          { body: 'Too early' },
          { token: reader.accessToken },
        )
      ).status,
    ).toBe(404);
    await publish(created.id);
    const first = await forum.http.post(
      `/api/practices/${created.id}/comments`,
      { body: 'Did you need new IT?' },
      { token: reader.accessToken },
    );
    expect(first.status).toBe(201);
    await forum.http.post(
      `/api/practices/${created.id}/comments`,
      { body: 'Only a shared booking view.' },
      { token: author.accessToken },
    );
    expect(
      (await forum.http.patch(`/api/comments/${first.body.id}`, { body: 'Hijacked' }, { token: author.accessToken }))
        .status,
    ).toBe(403);
    const edited = await forum.http.patch(
      `/api/comments/${first.body.id}`,
      { body: 'Did you need new IT systems?' },
      { token: reader.accessToken },
    );
    expect(edited.body.editedAt).not.toBeNull();
    expect(
      (await forum.http.get(`/api/comments/${first.body.id}/revisions`, { token: author.accessToken })).body.items[0]
        .body,
    ).toBe('Did you need new IT?');
    const listed = await forum.http.get(`/api/practices/${created.id}/comments`, { token: reader.accessToken });
    expect(listed.body.items.map((comment: { body: string }) => comment.body)).toEqual([
      'Did you need new IT systems?',
      'Only a shared booking view.',
    ]);
    expect((await get(created.id, reader)).body.commentCount).toBe(2);
    expect((await forum.http.delete(`/api/comments/${first.body.id}`, { token: reader.accessToken })).status).toBe(204);
    const after = await forum.http.get(`/api/practices/${created.id}/comments`, { token: reader.accessToken });
    expect(after.body.items[0]).toMatchObject({ body: '', author: null });
    expect(after.body.items[0].deletedAt).not.toBeNull();
    expect((await get(created.id, reader)).body.commentCount).toBe(1);
  });

  test('asking the authors opens a linked question thread in the collaborative', async () => {
    const created = await draft();
    await publish(created.id);
    const asked = await forum.http.post(
      `/api/practices/${created.id}/questions`,
      { title: 'How did you fund the booking system?', body: 'We are looking at the same.' },
      { token: reader.accessToken },
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ collaborativeId: space.id, kind: 'question' });
    expect(asked.body.body).toContain(`/practices/${created.id}`);
    const detail = await get(created.id, reader);
    expect(detail.body.questions).toEqual([
      { threadId: asked.body.id, title: 'How did you fund the booking system?', replyCount: 0 },
    ]);
  });

  test('its questions list only threads the reader may read, and hidden titles as a notice', async () => {
    const created = await draft({ collaborativeId: undefined });
    await publish(created.id);
    const ask = (title: string, who: TestUser, collaborativeId: string) =>
      forum.http.post(
        `/api/practices/${created.id}/questions`,
        { title, body: 'Asked from the case study.', collaborativeId },
        { token: who.accessToken },
      );
    const members = await ask('How did you agree the rota?', author, secret.id);
    const open = await ask('Which scanners did you share?', author, space.id);
    expect([members.status, open.status]).toEqual([201, 201]);
    const titles = async (who: TestUser) =>
      (await get(created.id, who)).body.questions.map((q: { title: string }) => q.title);
    expect(await titles(reader)).toEqual(['Which scanners did you share?']);
    expect(await titles(author)).toEqual(['How did you agree the rota?', 'Which scanners did you share?']);

    // A report of patient-identifiable data hides a thread at once, pending review.
    const report = await forum.http.post(
      '/api/reports',
      { targetType: 'thread', targetId: open.body.id, reason: 'patient-identifiable-data' },
      { token: reader.accessToken },
    );
    expect(report.status).toBe(201);
    expect(await titles(reader)).toEqual(['[hidden by moderators pending review]']);
    expect(await titles(author)).toEqual(['How did you agree the rota?', 'Which scanners did you share?']);
  });

  test('edits keep revisions; search finds it only after publishing', async () => {
    const created = await draft({ title: 'Zeppelin logistics for pathology samples' });
    const find = async () =>
      (await forum.http.get('/api/practices?q=zeppelin', { token: author.accessToken })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await find()).toEqual([]);
    await publish(created.id);
    expect(await find()).toEqual([created.id]);
    await forum.http.patch(
      `/api/practices/${created.id}`,
      { summary: 'Drones, in the end.' },
      { token: author.accessToken },
    );
    await forum.http.patch(
      `/api/practices/${created.id}`,
      { summary: 'Vans, at first.' },
      { token: author.accessToken },
    );
    await forum.http.patch(
      `/api/practices/${created.id}`,
      { summary: 'Vans, then drones.' },
      { token: author.accessToken },
    );
    const { items: revisions, pages } = await allPages(forum, reader, `/api/practices/${created.id}/revisions`, 2);
    expect(pages).toBe(2);
    expect(revisions.map((revision: { number: number }) => revision.number)).toEqual([3, 2, 1]);
    expect(revisions.map((revision: { content: { summary: string } }) => revision.content.summary)).toEqual([
      'Vans, at first.',
      'Drones, in the end.',
      complete.summary,
    ]);
    expect(revisions[2].editor).toMatchObject({ id: author.id });
    expect(
      (await forum.http.patch(`/api/practices/${created.id}`, { summary: 'x' }, { token: reader.accessToken })).status,
    ).toBe(403);
    expect(
      (
        await forum.http.patch(
          `/api/practices/${created.id}`,
          { collaborativeId: secret.id },
          { token: author.accessToken },
        )
      ).status,
    ).toBe(400);
    await forum.http.delete(`/api/practices/${created.id}`, { token: author.accessToken });
    expect(await find()).toEqual([]);
  });

  test('filters and sorts', async () => {
    const workforce = await draft({
      title: 'Rostering nurses across sites',
      themes: ['workforce'],
      sectors: ['community'],
      tags: ['rostering'],
    });
    await publish(workforce.id);
    const ids = async (query: string) =>
      (await forum.http.get(`/api/practices?${query}`, { token: reader.accessToken })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids('theme=workforce')).toEqual([workforce.id]);
    expect(await ids('sector=community&tag=rostering')).toEqual([workforce.id]);
    expect(await ids(`author=${author.id}&theme=workforce`)).toEqual([workforce.id]);
    const endorsed = await ids('sort=endorsed&limit=1');
    expect(endorsed).toHaveLength(1);
    expect((await forum.http.get('/api/practices?sort=random', { token: reader.accessToken })).status).toBe(400);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await forum.http.get(
        `/api/practices?sort=discussed&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: reader.accessToken },
      );
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  test('a cursor from another sort, or a forged one, is a 400, never a server error', async () => {
    for (const title of ['Virtual wards for frailty', 'Shared theatre lists'])
      await publish((await draft({ title })).id);
    const list = (query: string) => forum.http.get(`/api/practices?${query}`, { token: reader.accessToken });
    const newest = (await list('limit=1')).body.nextCursor;
    expect(newest).toEqual(expect.any(String));
    const forged = (key: unknown) =>
      Buffer.from(JSON.stringify([key, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    for (const cursor of [newest, forged('abc'), forged('1.5'), forged('99999999999')]) {
      const response = await list(`sort=endorsed&cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body.detail).toBe('The cursor is not valid for this list. Start again without a cursor.');
    }
    const endorsed = (await list('sort=endorsed&limit=1')).body.nextCursor;
    expect((await list(`sort=endorsed&cursor=${endorsed}`)).status).toBe(200);
  });

  test('the Markdown export is the whole case study', async () => {
    const created = await draft({ coAuthorIds: [coAuthor.id] });
    await publish(created.id);
    const exported = await forum.http.get(`/api/practices/${created.id}/export.md`, { token: reader.accessToken });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/markdown');
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="shared-diagnostic-capacity-across-the-collaborative.md"',
    );
    for (const part of [
      '# Shared diagnostic capacity',
      '## The challenge',
      'Idle scanners',
      '## What we did',
      '## What changed',
      '| Diagnostic waits over 6 weeks | 31 | 12 | % |',
      '## Lessons',
      'Diagnostics',
    ]) {
      expect(exported.text).toContain(part);
    }
  });

  test('an archived collaborative is read-only: every write on its case studies and comments is a 409, as for threads', async () => {
    const place = await createCollaborative(forum, admin, { name: 'Archived network' });
    const endorser = await createUser(forum);
    const studied = await draft({ collaborativeId: place.id });
    await publish(studied.id);
    const unpublished = await draft({ collaborativeId: place.id });
    const remark = await forum.http.post(
      `/api/practices/${studied.id}/comments`,
      { body: 'Before the archive.' },
      { token: reader.accessToken },
    );
    expect(remark.status).toBe(201);
    await forum.http.put(`/api/practices/${studied.id}/endorsement`, {}, { token: endorser.accessToken });
    const archived = await forum.http.post(`/api/collaboratives/${place.id}/archive`, undefined, {
      token: admin.accessToken,
    });
    expect(archived.status).toBe(200);

    const attempts = {
      create: forum.http.post(
        '/api/practices',
        { ...complete, collaborativeId: place.id },
        { token: author.accessToken },
      ),
      edit: forum.http.patch(`/api/practices/${studied.id}`, { summary: 'Too late.' }, { token: author.accessToken }),
      publish: publish(unpublished.id),
      delete: forum.http.delete(`/api/practices/${studied.id}`, { token: author.accessToken }),
      comment: forum.http.post(
        `/api/practices/${studied.id}/comments`,
        { body: 'Too late.' },
        { token: reader.accessToken },
      ),
      editComment: forum.http.patch(
        `/api/comments/${remark.body.id}`,
        { body: 'Too late.' },
        { token: reader.accessToken },
      ),
      deleteComment: forum.http.delete(`/api/comments/${remark.body.id}`, { token: reader.accessToken }),
      endorse: forum.http.put(`/api/practices/${studied.id}/endorsement`, {}, { token: reader.accessToken }),
      withdraw: forum.http.delete(`/api/practices/${studied.id}/endorsement`, { token: endorser.accessToken }),
      ask: forum.http.post(
        `/api/practices/${studied.id}/questions`,
        { title: 'Is this still running?', body: 'Asking after the archive.' },
        { token: reader.accessToken },
      ),
    };
    const answers = Object.fromEntries(
      await Promise.all(Object.entries(attempts).map(async ([what, answer]) => [what, await answer] as const)),
    );
    expect(Object.fromEntries(Object.entries(answers).map(([what, answer]) => [what, answer.status]))).toEqual(
      Object.fromEntries(Object.keys(attempts).map((what) => [what, 409])),
    );
    expect(answers.edit!.body.detail).toMatch(/archived and read-only/);

    // Reading still works, and says what may be done.
    const shown = await get(studied.id, author);
    expect(shown.status).toBe(200);
    expect(shown.body.viewer).toMatchObject({ canEdit: false, canDelete: false, canComment: false });
    expect((await get(studied.id, reader)).body.viewer).toMatchObject({ canEndorse: false, canComment: false });
    const comments = await forum.http.get(`/api/practices/${studied.id}/comments`, { token: reader.accessToken });
    expect(comments.body.items.map((item: { body: string }) => item.body)).toEqual(['Before the archive.']);
  });

  test('editing a deleted comment or case study is a 409 that says it was deleted, as for replies', async () => {
    const studied = await draft();
    await publish(studied.id);
    const remark = await forum.http.post(
      `/api/practices/${studied.id}/comments`,
      { body: 'Soon gone.' },
      { token: reader.accessToken },
    );
    expect((await forum.http.delete(`/api/comments/${remark.body.id}`, { token: reader.accessToken })).status).toBe(
      204,
    );
    const editComment = await forum.http.patch(
      `/api/comments/${remark.body.id}`,
      { body: 'Back again?' },
      { token: reader.accessToken },
    );
    expect(editComment.status).toBe(409);
    expect(editComment.body.detail).toMatch(/This comment was deleted/);
    // Someone else's deleted comment is still not theirs to edit.
    expect(
      (await forum.http.patch(`/api/comments/${remark.body.id}`, { body: 'Mine?' }, { token: author.accessToken }))
        .status,
    ).toBe(403);

    expect((await forum.http.delete(`/api/practices/${studied.id}`, { token: author.accessToken })).status).toBe(204);
    const editPractice = await forum.http.patch(
      `/api/practices/${studied.id}`,
      { summary: 'Back again?' },
      { token: author.accessToken },
    );
    expect(editPractice.status).toBe(409);
    expect(editPractice.body.detail).toMatch(/This case study was deleted/);
    const comment = await forum.http.post(
      `/api/practices/${studied.id}/comments`,
      { body: 'On a tombstone?' },
      { token: reader.accessToken },
    );
    expect(comment.status).toBe(409);
    // Deleting twice changes nothing, as for threads.
    expect((await forum.http.delete(`/api/practices/${studied.id}`, { token: author.accessToken })).status).toBe(204);
  });

  test('a deleted case study keeps none of its words, deleted by its author or by a moderator', async () => {
    // Words no other case study in this suite uses, to look for in stored copies.
    const words = { title: 'Quokka pathway', summary: 'Quokka summary.', approach: 'Quokka approach.' };
    const byAuthor = await draft(words);
    const byModerator = await draft(words);
    await Promise.all([publish(byAuthor.id), publish(byModerator.id)]);
    expect((await forum.http.delete(`/api/practices/${byAuthor.id}`, { token: author.accessToken })).status).toBe(204);
    const removed = await forum.http.post(
      `/api/practices/${byModerator.id}/delete`,
      { reason: 'Names a patient.' },
      { token: admin.accessToken },
    );
    expect(removed.status).toBe(204);

    const sql = forum.app.get(DataSource);
    const rows = await sql.query(
      `SELECT title, summary, challenge, challenge_html, approach, approach_html, outcomes, outcomes_html,
              lessons, lessons_html, outcome_measures, tags, organisations, contact
         FROM practices WHERE id = ANY($1::uuid[])`,
      [[byAuthor.id, byModerator.id]],
    );
    const tombstone = {
      title: '[deleted]',
      summary: '',
      ...Object.fromEntries(
        ['challenge', 'approach', 'outcomes', 'lessons'].flatMap((section) => [
          [section, ''],
          [`${section}_html`, ''],
        ]),
      ),
      outcome_measures: [],
      tags: [],
      organisations: [],
      contact: '',
    };
    expect(rows).toEqual([tombstone, tombstone]);
    // Nor do the stored copies readers can replay.
    const [copies] = await sql.query(
      `SELECT (SELECT count(*)::int FROM events WHERE payload::text LIKE '%' || $1 || '%') AS events,
              (SELECT count(*)::int FROM notifications WHERE data::text LIKE '%' || $1 || '%') AS notifications`,
      ['Quokka'],
    );
    expect(copies).toEqual({ events: 0, notifications: 0 });
  });
});

describe('case studies in site search', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  test('published ones appear in GET /api/search with type=practice, drafts and hidden collaboratives never', async () => {
    const admin = await createUser(forum, 'admin');
    const author = await createUser(forum);
    const outsider = await createUser(forum);
    const secret = await createCollaborative(forum, admin, { visibility: 'members' });
    await addMember(forum, admin, secret.id, author);
    const make = async (title: string, collaborativeId?: string) =>
      (await forum.http.post('/api/practices', { ...complete, title, collaborativeId }, { token: author.accessToken }))
        .body.id as string;
    const open = await make('Hovercraft transfers between community hospitals');
    const privateOne = await make('Hovercraft budgets, private', secret.id);
    const draftOnly = await make('Hovercraft pilot, still a draft');
    for (const id of [open, privateOne])
      await forum.http.post(`/api/practices/${id}/publish`, undefined, { token: author.accessToken });
    const hits = async (who: TestUser, type = 'practice') =>
      (await forum.http.get(`/api/search?q=hovercraft&type=${type}`, { token: who.accessToken })).body.items as Array<{
        id: string;
        type: string;
        titleHtml: string;
      }>;
    expect((await hits(outsider)).map((hit) => hit.id)).toEqual([open]);
    expect((await hits(author)).map((hit) => hit.id).sort()).toEqual([open, privateOne].sort());
    expect((await hits(outsider))[0]!.titleHtml).toContain('<mark>Hovercraft</mark>');
    expect((await hits(outsider, 'all')).map((hit) => hit.type)).toEqual(['practice']);
    expect((await hits(author)).map((hit) => hit.id)).not.toContain(draftOnly);
  });
});

describe('case studies notify', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  test('publishing notifies followers of the collaborative; comments notify the authors and earlier commenters, never the commenter', async () => {
    const admin = await createUser(forum, 'admin');
    const [author, follower, quiet, commenter, later] = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(forum)));
    const space = await createCollaborative(forum, admin);
    for (const user of [follower, quiet])
      await forum.http.put(`/api/collaboratives/${space.id}/follow`, undefined, { token: user!.accessToken });
    await forum.http.patch(`/api/collaboratives/${space.id}/follow`, { level: 'none' }, { token: quiet!.accessToken });
    const created = await forum.http.post(
      '/api/practices',
      { ...complete, collaborativeId: space.id },
      { token: author!.accessToken },
    );
    await forum.http.post(`/api/practices/${created.body.id}/publish`, undefined, { token: author!.accessToken });
    await forum.http.post(
      `/api/practices/${created.body.id}/comments`,
      { body: 'Did it last?' },
      { token: commenter!.accessToken },
    );
    await forum.http.post(
      `/api/practices/${created.body.id}/comments`,
      { body: 'Same question.' },
      { token: later!.accessToken },
    );
    const types = async (user: TestUser) =>
      (
        (await forum.http.get('/api/notifications', { token: user.accessToken })).body.items as Array<{
          type: string;
          practiceId: string;
        }>
      )
        .filter((n) => n.practiceId === created.body.id)
        .map((n) => n.type)
        .sort();
    for (let attempt = 0; attempt < 100 && (await types(commenter!)).length === 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await types(follower!)).toEqual(['new-practice']);
    expect(await types(quiet!)).toEqual([]);
    expect(await types(author!)).toEqual(['comment', 'comment']); // one per comment
    expect(await types(commenter!)).toEqual(['comment']);
    expect(await types(later!)).toEqual([]);
  });
  test('a comment notifies those who commented before it, not those who commented after, however late the worker runs', async () => {
    const admin = await createUser(forum, 'admin');
    const [author, first, second] = await Promise.all([1, 2, 3].map(() => createUser(forum)));
    const space = await createCollaborative(forum, admin);
    const created = await forum.http.post(
      '/api/practices',
      { ...complete, collaborativeId: space.id },
      { token: author!.accessToken },
    );
    await forum.http.post(`/api/practices/${created.body.id}/publish`, undefined, { token: author!.accessToken });
    await whileNotificationsWorkerHeld(forum, async () => {
      expect(
        (
          await forum.http.post(
            `/api/practices/${created.body.id}/comments`,
            { body: 'First.' },
            { token: first!.accessToken },
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await forum.http.post(
            `/api/practices/${created.body.id}/comments`,
            { body: 'Second.' },
            { token: second!.accessToken },
          )
        ).status,
      ).toBe(201);
    });
    const commentsFrom = async (user: TestUser) =>
      (
        (await forum.http.get('/api/notifications', { token: user.accessToken })).body.items as Array<{
          type: string;
          practiceId: string;
          actorId: string;
        }>
      )
        .filter((n) => n.type === 'comment' && n.practiceId === created.body.id)
        .map((n) => n.actorId);
    await eventually(async () => (await commentsFrom(author!)).length === 2, "the author's two comment notifications");
    expect((await commentsFrom(author!)).sort()).toEqual([first!.id, second!.id].sort());
    expect(await commentsFrom(first!)).toEqual([second!.id]);
    expect(await commentsFrom(second!)).toEqual([]);
  });
});
