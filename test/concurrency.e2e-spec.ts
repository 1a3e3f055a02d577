import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { createUser, signIn } from './factories/user.factory.js';
import { type PreparedWrite, WRITE_ROUTES, type WriteFixture } from './fixtures/write-routes.js';
import { type HttpResponse, succeeded } from './support/http.js';
import { fillPath, isWrite, loadOperations, type Operation } from './support/openapi.js';
import { problemViolations } from './support/problem-check.js';
import { newMismatches, recount } from './support/recount.js';
import { validBody } from './support/schema-values.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * The same write, ten times at once, by someone who may make it: a double click, a retry
 * storm, two tabs. Every write route of the served OpenAPI document (its fixture in
 * fixtures/write-routes.ts builds a fresh target) and every DELETE route (DELETE_ROUTES
 * below undoes a write made first) gets a burst of ten identical requests. Each answer is
 * a 2xx or a 4xx problem-details answer (once-only writes, such as accepting, deleting or
 * following, may refuse the repeats), at least one is a 2xx, and afterwards every
 * counter, reply position and revision number equals a recount from the rows it stands
 * for (support/recount.ts).
 */
const AT_ONCE = 10;

const forum = await startTestApp();
const operations = await loadOperations(forum.http);
const byKey = new Map(operations.map((operation) => [operation.key, operation]));
const db = forum.app.get(DataSource);
let world: World;

beforeAll(async () => {
  world = await buildWorld(forum);
}, 60_000);
afterAll(() => forum.close());

function urlOf(operation: Operation, prepared: PreparedWrite): string {
  return fillPath(
    operation.path,
    Object.fromEntries(Object.entries(prepared.params ?? {}).map(([name, value]) => [name, encodeURIComponent(value)])),
  );
}

function send(operation: Operation, prepared: PreparedWrite): Promise<HttpResponse> {
  return forum.http.request(operation.method, urlOf(operation, prepared), {
    token: prepared.token,
    headers: prepared.headers,
    body: prepared.body ?? (operation.body ? validBody(operation.body) : undefined),
  });
}

/**
 * A DELETE that undoes the write route `key`: the write is made once (by its fixture's
 * caller), then the same caller deletes what it made. `params` picks the DELETE's path
 * parameters from the write's request and answer when they differ from the write's.
 */
function undoing(
  key: string,
  params?: (write: PreparedWrite, made: Record<string, string>) => Record<string, string>,
): WriteFixture {
  return async (forum, world) => {
    const write = await WRITE_ROUTES[key]!(forum, world);
    const made = await succeeded(send(byKey.get(key)!, write), key);
    return { token: write.token, params: params ? params(write, made) : write.params };
  };
}

/** Every DELETE route, with who sends a valid request and what it needs. */
const DELETE_ROUTES: Record<string, WriteFixture> = {
  'DELETE /api/auth/sessions': async (forum: TestApp) => ({ token: (await createUser(forum)).accessToken }),
  'DELETE /api/auth/sessions/{id}': async (forum: TestApp) => {
    const user = await createUser(forum);
    const other = await signIn(forum.http, user.email, user.password);
    const sessions = await succeeded(forum.http.get('/api/auth/sessions', { token: user.accessToken }), 'sessions');
    const current = sessions.items.find((session: { current: boolean }) => session.current);
    return { token: other.accessToken, params: { id: current.id } };
  },
  'DELETE /api/users/me/join-requests/{requestId}': undoing(
    'POST /api/collaboratives/{id}/join-requests',
    (_write, made) => ({ requestId: made.id! }),
  ),
  'DELETE /api/collaboratives/{id}/members/{userId}': undoing('POST /api/collaboratives/{id}/members', (write) => ({
    id: write.params!.id!,
    userId: write.body!.userId as string,
  })),
  'DELETE /api/collaboratives/{id}/follow': undoing('PUT /api/collaboratives/{id}/follow'),
  'DELETE /api/threads/{id}': undoing('POST /api/collaboratives/{id}/threads', (_write, made) => ({ id: made.id! })),
  'DELETE /api/threads/{id}/accepted-reply': undoing('PUT /api/threads/{id}/accepted-reply'),
  'DELETE /api/threads/{id}/vote': undoing('PUT /api/threads/{id}/vote'),
  'DELETE /api/threads/{id}/follow': undoing('PUT /api/threads/{id}/follow'),
  'DELETE /api/replies/{id}': undoing('POST /api/threads/{id}/replies', (_write, made) => ({ id: made.id! })),
  'DELETE /api/replies/{id}/vote': undoing('PUT /api/replies/{id}/vote'),
  'DELETE /api/practices/{id}': undoing('POST /api/practices', (_write, made) => ({ id: made.id! })),
  'DELETE /api/practices/{id}/endorsement': undoing('PUT /api/practices/{id}/endorsement'),
  'DELETE /api/comments/{id}': undoing('POST /api/practices/{id}/comments', (_write, made) => ({ id: made.id! })),
};

/** `201 ×1, 409 ×9`: what a burst answered, for failure messages. */
function tally(answers: HttpResponse[]): string {
  const counts = new Map<number, number>();
  for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ');
}

const bursts = operations.filter((operation) => isWrite(operation) || operation.method === 'DELETE');

test('the document has write and delete routes to send', () => {
  expect(bursts.map((operation) => operation.key)).toEqual(
    expect.arrayContaining([
      'PATCH /api/comments/{id}',
      'POST /api/threads/{id}/replies',
      'DELETE /api/threads/{id}/vote',
    ]),
  );
});

test.each(bursts.map((operation) => [operation.key, operation] as const))(
  '%s sent ten times at once: no server error, and every count still equals a recount',
  async (key, operation: Operation) => {
    const fixture = isWrite(operation) ? WRITE_ROUTES[key] : DELETE_ROUTES[key];
    if (!fixture)
      throw new Error(
        isWrite(operation)
          ? `No fixture for ${key}: add one to test/fixtures/write-routes.ts saying who sends a valid request`
          : `No fixture for ${key}: add one to DELETE_ROUTES in test/concurrency.e2e-spec.ts`,
      );
    const prepared = await fixture(forum, world);
    // One body for the whole burst: a body made from the schema gets fresh unique text each time.
    const request = { ...prepared, body: prepared.body ?? (operation.body ? validBody(operation.body) : undefined) };
    const before = await recount(db);

    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => send(operation, request)));

    const answered = tally(answers);
    const faults = answers.flatMap((answer, index) =>
      problemViolations(answer).map((fault) => `#${index + 1} ${fault}: ${answer.text.slice(0, 200)}`),
    );
    expect({ answered, faults }).toEqual({ answered, faults: [] });
    expect({ answered, someSucceeded: answers.some((answer) => answer.status < 300) }).toEqual({
      answered,
      someSucceeded: true,
    });
    expect(newMismatches(before, await recount(db))).toEqual([]);
  },
);

test('after every burst, every counter, position and revision number equals a recount', async () => {
  expect(await recount(db)).toEqual([]);
});

test('the recount names each counter, position and revision number that drifted', async () => {
  const thread = await succeeded(
    forum.http.post(
      `/api/collaboratives/${world.open.id}/threads`,
      { title: 'Who reports weekend CT?', body: 'Asking.' },
      { token: world.member.accessToken },
    ),
    'thread',
  );
  const replies: { id: string }[] = [];
  for (const body of ['We do.', 'So do we.'])
    replies.push(
      await succeeded(
        forum.http.post(`/api/threads/${thread.id}/replies`, { body }, { token: world.lead.accessToken }),
        'reply',
      ),
    );
  await succeeded(
    forum.http.patch(`/api/threads/${thread.id}`, { body: 'Asking again.' }, { token: world.member.accessToken }),
    'edit',
  );
  // Drift made inside a transaction that is rolled back, so nothing else sees it.
  const runner = db.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query(`UPDATE threads SET reply_count = reply_count + 1, reply_seq = reply_seq + 1 WHERE id = $1`, [
      thread.id,
    ]);
    await runner.query(`UPDATE replies SET position = 7 WHERE id = $1`, [replies[1]!.id]);
    await runner.query(`UPDATE thread_revisions SET number = 3 WHERE thread_id = $1`, [thread.id]);
    expect(await recount(runner)).toEqual(
      expect.arrayContaining([
        { table: 'threads', id: thread.id, column: 'reply_count', stored: 3, recounted: 2 },
        { table: 'threads', id: thread.id, column: 'reply_seq', stored: 3, recounted: 2 },
        { table: 'replies', id: replies[1]!.id, column: 'position', stored: 7, recounted: 2 },
        { table: 'thread_revisions', id: thread.id, column: 'number', stored: 3, recounted: 1 },
      ]),
    );
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
  expect(await recount(db)).toEqual([]);
});
