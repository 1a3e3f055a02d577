import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { AdjustableClock } from '../src/common/clock.js';
import { createUser, signIn, TEST_PASSWORD } from './factories/user.factory.js';
import { withCookie } from './support/cookies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Expiries and limits run on the app's one clock, so a test moves time instead of sleeping. */
describe('time moves on', () => {
  let forum: TestApp;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    forum = await startTestApp({ clock, env: { RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '2' } });
  });
  afterAll(() => forum?.close());

  const me = (token: string) => forum.http.get('/api/users/me', { token });
  const refresh = (cookie: string) => forum.http.post('/api/auth/refresh', undefined, withCookie(cookie));

  test('an access token lasts 15 minutes; its session refreshes it', async () => {
    const member = await createUser(forum);
    clock.advance(14 * MINUTE);
    expect((await me(member.accessToken)).status).toBe(200);
    clock.advance(2 * MINUTE);
    const expired = await me(member.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/access token has expired/);
    const refreshed = await refresh(member.refreshCookie);
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
  });

  test('a session ends 30 days after sign-in', async () => {
    const member = await createUser(forum);
    clock.advance(29 * DAY);
    const stillOn = await refresh(member.refreshCookie);
    expect(stillOn.status).toBe(200);
    clock.advance(2 * DAY);
    const ended = await refresh(
      `forum_refresh=${/forum_refresh=([^;]+)/.exec(stillOn.headers.get('set-cookie')!)![1]}`,
    );
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toMatch(/session has ended/);
    expect((await me(stillOn.body.accessToken)).status).toBe(401);
  });

  test('a suspension with an end date ends by itself', async () => {
    const member = await createUser(forum);
    const admin = await createUser(forum, 'admin');
    const until = new Date(clock.nowMs() + 2 * DAY).toISOString();
    const suspended = await forum.http.post(
      `/api/users/${member.id}/suspend`,
      { reason: 'A cooling-off period', until },
      { token: admin.accessToken },
    );
    expect(suspended.status).toBe(200);
    const refused = await forum.http.post('/api/auth/login', { email: member.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    // Said as a person reads a date ("14 December 2026, 23:23", UK time), never as ISO 8601.
    expect(refused.body.detail).toMatch(
      /^Your account is suspended until \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}: A cooling-off period\.$/,
    );
    clock.advance(3 * DAY);
    expect((await signIn(forum.http, member.email)).accessToken).toEqual(expect.any(String));
  });

  test("an address's failed sign-ins are forgiven when their window has passed", async () => {
    const member = await createUser(forum);
    for (const guess of ['guess-1', 'guess-2']) {
      expect((await forum.http.post('/api/auth/login', { email: member.email, password: guess })).status).toBe(401);
    }
    const locked = await forum.http.post('/api/auth/login', { email: member.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    clock.advance(16 * MINUTE);
    expect((await signIn(forum.http, member.email)).accessToken).toEqual(expect.any(String));
  });
});
