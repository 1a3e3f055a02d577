import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createCollaborative, type TestCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import type { HttpResponse } from './support/http.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Regressions for what the route fuzzer (fuzz.e2e-spec.ts) found: each input here once
 * gave a 500 or an error that was not problem details.
 */
describe('hostile input is refused as problem details', () => {
  let forum: TestApp;
  let admin: TestUser;
  let collaborative: TestCollaborative;

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
    collaborative = await createCollaborative(forum, admin);
  });
  afterAll(() => forum?.close());

  const expectProblem = (response: HttpResponse, status: number) => {
    expect(problemViolations(response)).toEqual([]);
    expect(response.status).toBe(status);
  };

  test('a URL that does not percent-decode to UTF-8 is a 400 problem, not Fastify JSON', async () => {
    expectProblem(await forum.http.get('/api/users/%ED%A0%80', { token: admin.accessToken }), 400);
  });

  test('an over-long path parameter is a 414 problem', async () => {
    const response = await forum.http.get(`/api/users/${'a'.repeat(300)}`, { token: admin.accessToken });
    expectProblem(response, 414);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  test('a request line past the header limit is a 431 problem', async () => {
    expectProblem(
      await forum.http.get(`/api/collaboratives?q=${'q'.repeat(20_000)}`, { token: admin.accessToken }),
      431,
    );
  });

  test('JSON nested deeper than 32 levels is a 400 problem, not a stack overflow', async () => {
    const raw = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await forum.http.request('POST', '/api/auth/refresh', {
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400);
    expect(response.body.detail).toContain('32 levels');
  });

  test('a NUL character in a path parameter or a body field is a 400 naming it', async () => {
    const inPath = await forum.http.get('/api/users/by-handle/a%00b', { token: admin.accessToken });
    expectProblem(inPath, 400);
    expect(inPath.body.errors).toEqual([expect.objectContaining({ field: 'handle' })]);
    const inBody = await forum.http.patch('/api/users/me', { bio: 'a\u0000b' }, { token: admin.accessToken });
    expectProblem(inBody, 400);
    expect(inBody.body.errors).toEqual([expect.objectContaining({ field: 'bio' })]);
  });

  test('null for a field that may be left out but not emptied is a 400, not a NOT NULL violation', async () => {
    const profile = await forum.http.patch('/api/users/me', { sector: null }, { token: admin.accessToken });
    expectProblem(profile, 400);
    expect(profile.body.errors[0].field).toBe('sector');
    const renamed = await forum.http.patch(
      `/api/collaboratives/${collaborative.id}`,
      { name: null },
      { token: admin.accessToken },
    );
    expectProblem(renamed, 400);
    expect(renamed.body.errors[0].field).toBe('name');
  });

  test('a missing or wrongly typed field gets one message that says so, not every rule it breaks', async () => {
    const empty = await forum.http.post('/api/auth/register', {});
    expectProblem(empty, 400);
    expect(empty.body.errors).toEqual(
      ['email', 'password', 'displayName', 'organisation', 'jobTitle', 'sector'].map((field) => ({
        field,
        message: `${field} is required`,
      })),
    );
    expect(empty.body.detail).toBe(
      '6 fields are invalid: email, password, displayName, organisation, jobTitle, sector.',
    );
    const notAList = await forum.http.post(
      `/api/collaboratives/${collaborative.id}/threads`,
      { title: 'Tags of the wrong kind', body: 'Body', tags: 'workforce' },
      { token: admin.accessToken },
    );
    expectProblem(notAList, 400);
    expect(notAList.body.errors).toEqual([{ field: 'tags', message: 'tags must be an array' }]);
    expect(notAList.body.detail).toBe('tags must be an array.');
    // A form's number box that held no number sends NaN, which JSON carries as null.
    const notANumber = await forum.http.post(
      '/api/practices',
      { title: 'Measured badly', outcomeMeasures: [{ label: 'Waits', before: null, after: 3, unit: 'days' }] },
      { token: admin.accessToken },
    );
    expectProblem(notANumber, 400);
    expect(notANumber.body.errors).toEqual([
      { field: 'outcomeMeasures[0].before', message: 'before must be a number' },
    ]);
  });

  test('every broken rule comes back at once, in words a form can show to a person', async () => {
    const response = await forum.http.post(
      `/api/collaboratives/${collaborative.id}/threads`,
      { title: 'CT?', body: 'Short title on purpose.', tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { token: admin.accessToken },
    );
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'title', message: 'title must be 5 characters or more' },
      { field: 'tags', message: 'tags can have 5 entries at most' },
    ]);
  });

  test('null still clears the nullable region of a collaborative', async () => {
    const cleared = await forum.http.patch(
      `/api/collaboratives/${collaborative.id}`,
      { region: null },
      { token: admin.accessToken },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.region).toBeNull();
  });

  test('an event id past the bigint range is a 400 that says the range', async () => {
    const tooBig = await forum.http.get('/api/events?after=9999999999999999999', { token: admin.accessToken });
    expectProblem(tooBig, 400);
    expect(tooBig.body.detail).toBe('after must be an event id: a whole number from 0 to 9223372036854775807.');
  });

  test('a date the calendar lacks is refused, not rolled into the next month', async () => {
    const member = await createUser(forum);
    const suspension = await forum.http.post(
      `/api/users/${member.id}/suspend`,
      { reason: 'Testing dates', until: '2030-02-30T00:00:00Z' },
      { token: admin.accessToken },
    );
    expectProblem(suspension, 400);
    expect(suspension.body.errors).toEqual([{ field: 'until', message: 'until must be an ISO 8601 date-time' }]);
    expectProblem(await forum.http.get('/api/moderation/audit-log?from=2030-02-30', { token: admin.accessToken }), 400);
    expect(
      (
        await forum.http.post(
          `/api/users/${member.id}/suspend`,
          { reason: 'Testing dates', until: '2030-02-28T00:00:00Z' },
          { token: admin.accessToken },
        )
      ).status,
    ).toBe(200);
  });

  test('an empty ?limit= means the default page size', async () => {
    for (let index = 0; index < 21; index++) await createCollaborative(forum, admin);
    const page = await forum.http.get('/api/collaboratives?limit=', { token: admin.accessToken });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(20);
    expect((await forum.http.get('/api/events?limit=', { token: admin.accessToken })).status).toBe(200);
    expectProblem(await forum.http.get('/api/collaboratives?limit=0', { token: admin.accessToken }), 400);
  });
});
