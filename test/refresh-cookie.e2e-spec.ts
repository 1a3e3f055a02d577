import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { SESSION_LIFETIME_MS } from '../src/auth/sessions.service.js';
import { createUser, signIn } from './factories/user.factory.js';
import { parseSetCookie, REFRESH_COOKIE, refreshCookieFrom, setCookieLine, withCookie } from './support/cookies.js';
import type { HttpResponse } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://forum.example.nhs.uk';
const PARTNER = 'https://partner.example.nhs.uk';

/** The refresh cookie a response set, with its attributes; fails the test when there is none. */
function refreshCookieSetBy(response: HttpResponse) {
  const line = setCookieLine(response, REFRESH_COOKIE);
  if (!line) throw new Error(`no ${REFRESH_COOKIE} cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
  return parseSetCookie(line);
}

describe('the refresh token lives in an HttpOnly cookie', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  const refresh = (cookie: string, headers: Record<string, string> = {}) =>
    forum.http.post('/api/auth/refresh', undefined, withCookie(cookie, headers));
  const me = (token: string) => forum.http.get('/api/users/me', { token });

  test('sign-in sets it HttpOnly, SameSite=Strict, on /api/auth only, for the life of the session, not Secure over http; the body has no refresh token', async () => {
    const member = await createUser(forum);
    const response = await forum.http.post('/api/auth/login', { email: member.email, password: member.password });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType', 'user']);
    const { value, attributes } = refreshCookieSetBy(response);
    expect(value.length).toBeGreaterThanOrEqual(43);
    expect(response.text).not.toContain(value);
    const { 'max-age': maxAge, ...others } = attributes;
    expect(others).toEqual({ path: '/api/auth', httponly: true, samesite: 'Strict' });
    // The session's remaining life, give or take the second the request took.
    expect(Number(maxAge)).toBeLessThanOrEqual(SESSION_LIFETIME_MS / 1000);
    expect(Number(maxAge)).toBeGreaterThan(SESSION_LIFETIME_MS / 1000 - 60);
  });

  test('refresh works from the cookie alone, and rotates it', async () => {
    const member = await createUser(forum);
    const response = await refresh(member.refreshCookie);
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('refreshToken');
    expect((await me(response.body.accessToken)).status).toBe(200);
    const { attributes } = refreshCookieSetBy(response);
    expect(attributes).toMatchObject({ path: '/api/auth', httponly: true, samesite: 'Strict' });
    const next = refreshCookieFrom(response);
    expect(next).not.toBe(member.refreshCookie);
    expect((await refresh(next)).status).toBe(200);
  });

  test('replaying an old cookie ends the session, for its rightful holder too', async () => {
    const member = await createUser(forum);
    const rotated = await refresh(member.refreshCookie);
    const replay = await refresh(member.refreshCookie);
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/already used, so the session has been ended/);
    expect((await refresh(refreshCookieFrom(rotated))).status).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);
  });

  test('without the cookie refresh is a 401 that says how to get one; a token in the body is refused', async () => {
    const none = await forum.http.post('/api/auth/refresh');
    expect(none.status).toBe(401);
    expect(none.body.detail).toMatch(/No forum_refresh cookie came with this request: sign in first/);
    const member = await createUser(forum);
    const inBody = await forum.http.post('/api/auth/refresh', { refreshToken: member.refreshCookie.split('=')[1] });
    expect(inBody.status).toBe(400);
    expect(inBody.body.errors).toEqual([
      { field: 'refreshToken', message: expect.stringMatching(/takes no request body/) },
    ]);
  });

  test.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'https://other.example.nhs.uk' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
  ])('a refresh started by another site (%s) is refused and rotates nothing', async (_name, headers) => {
    const member = await createUser(forum);
    const refused = await refresh(member.refreshCookie, headers);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/came from another site.*only pages of the forum itself may call it/);
    expect(setCookieLine(refused, REFRESH_COOKIE)).toBeUndefined();
    // Still unspent: had it rotated, this would be a replay and end the session.
    expect((await refresh(member.refreshCookie)).status).toBe(200);
  });

  test("a refresh from the forum's own page passes (the Origin of the address it was reached at)", async () => {
    const member = await createUser(forum);
    const response = await refresh(member.refreshCookie, {
      origin: new URL(forum.baseUrl).origin,
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(200);
  });

  test('logout clears the cookie', async () => {
    const member = await createUser(forum);
    const response = await forum.http.post('/api/auth/logout', undefined, { token: member.accessToken });
    expect(response.status).toBe(204);
    const { value, attributes } = refreshCookieSetBy(response);
    expect(value).toBe('');
    expect(attributes).toMatchObject({ path: '/api/auth', 'max-age': '0' });
    expect((await refresh(member.refreshCookie)).status).toBe(401);
  });

  test('signing out everywhere clears the cookie', async () => {
    const member = await createUser(forum);
    const response = await forum.http.delete('/api/auth/sessions', { token: member.accessToken });
    expect(response.status).toBe(204);
    expect(refreshCookieSetBy(response)).toMatchObject({
      value: '',
      attributes: { path: '/api/auth', 'max-age': '0' },
    });
  });
});

describe('with an https PUBLIC_URL', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ env: { PUBLIC_URL, CORS_ORIGINS: PARTNER } });
  });
  afterAll(() => forum?.close());

  test('the cookie is also Secure', async () => {
    const member = await createUser(forum);
    const response = await forum.http.post('/api/auth/login', { email: member.email, password: member.password });
    expect(refreshCookieSetBy(response).attributes).toMatchObject({
      secure: true,
      httponly: true,
      samesite: 'Strict',
      path: '/api/auth',
    });
  });

  test.each([PUBLIC_URL, PARTNER])('a refresh with Origin %s (PUBLIC_URL, CORS_ORIGINS) passes', async (origin) => {
    const member = await createUser(forum);
    const response = await forum.http.post(
      '/api/auth/refresh',
      undefined,
      withCookie(member.refreshCookie, { origin }),
    );
    expect(response.status).toBe(200);
  });

  test('curl or a server, sending neither Origin nor Sec-Fetch-Site, refreshes with the cookie it kept', async () => {
    const { email, password } = await createUser(forum);
    const tokens = await signIn(forum.http, email, password);
    expect((await forum.http.post('/api/auth/refresh', undefined, withCookie(tokens.refreshCookie))).status).toBe(200);
  });
});
