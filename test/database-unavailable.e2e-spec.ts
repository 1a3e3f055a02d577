import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { createUser, type TestUser } from './factories/user.factory.js';
import { type DedicatedPostgres, startDedicatedPostgres } from './support/dedicated-postgres.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Regression: with PostgreSQL stopped, every request that needed it was a 500. It is a
 * 503 problem with Retry-After, and service returns when the database does. (The long
 * version, under load, is database-outage.reliability-spec.ts.)
 */
let postgres: DedicatedPostgres;
let forum: TestApp;
let member: TestUser;

beforeAll(async () => {
  postgres = await startDedicatedPostgres('unavailable');
  forum = await startTestApp({ databaseUrl: postgres.url });
  member = await createUser(forum);
});

afterAll(async () => {
  await forum?.close();
  await postgres?.dispose();
});

test('requests that need the stopped database get 503 problem details, then work again', async () => {
  await postgres.server.stop();
  for (const response of [
    await forum.http.get('/api/users/me', { token: member.accessToken }),
    await forum.http.patch('/api/users/me', { bio: 'During the outage' }, { token: member.accessToken }),
    await forum.http.post('/api/auth/login', { email: member.email, password: member.password }),
  ]) {
    expect(problemViolations(response)).toEqual(['server error 503']);
    expect(response.headers.get('retry-after')).toBe('5');
  }
  await postgres.server.restart();
  // Pooled connections that died with the old server are found out one by one: poll, bounded.
  let me = await forum.http.get('/api/users/me', { token: member.accessToken });
  for (const started = Date.now(); me.status !== 200 && Date.now() - started < 10_000;) {
    expect(me.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 100));
    me = await forum.http.get('/api/users/me', { token: member.accessToken });
  }
  expect(me.status).toBe(200);
});
