import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import jsonwebtoken from 'jsonwebtoken';
import { DataSource } from 'typeorm';

import { AppConfig } from '../src/config/app-config.js';
import {
  confirmAddress,
  createUser,
  registrationFor,
  signIn,
  TEST_PASSWORD,
  type TestUser,
} from './factories/user.factory.js';
import { parseSetCookie, REFRESH_COOKIE, refreshCookieFrom, setCookieLine, withCookie } from './support/cookies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sign-in, sessions and tokens', () => {
  let forum: TestApp;
  let admin: TestUser;

  const me = (token: string) => forum.http.get('/api/users/me', { token });
  const refresh = (cookie: string) => forum.http.post('/api/auth/refresh', undefined, withCookie(cookie));
  const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  beforeAll(async () => {
    forum = await startTestApp();
    admin = await createUser(forum, 'admin');
  });
  afterAll(() => forum?.close());

  test('a wrong password and an unknown email get the same answer', async () => {
    const member = await createUser(forum);
    const wrongPassword = await forum.http.post('/api/auth/login', {
      email: member.email,
      password: 'not-the-right-one',
    });
    const unknownEmail = await forum.http.post('/api/auth/login', {
      email: 'nobody-here@nhs.net',
      password: 'not-the-right-one',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(comparable(wrongPassword.body)).toEqual(comparable(unknownEmail.body));
    expect(wrongPassword.body.detail).toBe('The email address or password is not correct.');
  });

  test('login answers tokens and the profile; the email may differ in case and spacing', async () => {
    const registration = registrationFor();
    await forum.http.post('/api/auth/register', registration);
    await confirmAddress(forum, registration.email);
    const response = await forum.http.post('/api/auth/login', {
      email: ` ${registration.email.toUpperCase()}`,
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ expiresIn: 900, tokenType: 'Bearer', user: { email: registration.email } });
    const [, payload] = response.body.accessToken.split('.');
    expect(Object.keys(JSON.parse(Buffer.from(payload, 'base64url').toString())).sort()).toEqual([
      'exp',
      'iat',
      'role',
      'sid',
      'sub',
    ]);
    expect((await me(response.body.accessToken)).status).toBe(200);
  });

  test('a malformed login body is a 400 on its fields, not a 401', async () => {
    const response = await forum.http.post('/api/auth/login', { email: 'x', password: '', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'email',
      'extra',
      'password',
    ]);
  });

  test('refresh rotates: the new token works, the old one is spent', async () => {
    const member = await createUser(forum);
    const first = await refresh(member.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('refreshToken');
    expect(refreshCookieFrom(first)).not.toBe(member.refreshCookie);
    expect((await me(first.body.accessToken)).status).toBe(200);
    const second = await refresh(refreshCookieFrom(first));
    expect(second.status).toBe(200);
  });

  test('presenting a used refresh token ends the whole session family', async () => {
    const member = await createUser(forum);
    const rotated = await refresh(member.refreshCookie);
    // A thief replays the first cookie.
    const replay = await refresh(member.refreshCookie);
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/already used/);
    // The legitimate holder's newer tokens stop working too.
    expect((await refresh(refreshCookieFrom(rotated))).status).toBe(401);
    expect((await me(rotated.body.accessToken)).status).toBe(401);
    // Other sessions of the same person are untouched.
    const other = await signIn(forum.http, member.email);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  test('two refreshes racing with one token: at most one wins', async () => {
    const member = await createUser(forum);
    const results = await Promise.all([1, 2, 3].map(() => refresh(member.refreshCookie)));
    expect(results.filter((result) => result.status === 200).length).toBeLessThanOrEqual(1);
    expect(results.every((result) => result.status === 200 || result.status === 401)).toBe(true);
  });

  test('an unknown refresh token is a 401, and the dead cookie is cleared', async () => {
    const response = await refresh(`${REFRESH_COOKIE}=${'x'.repeat(43)}`);
    expect(response.status).toBe(401);
    expect(parseSetCookie(setCookieLine(response, REFRESH_COOKIE)!).attributes['max-age']).toBe('0');
  });

  test('logout ends the current session only', async () => {
    const member = await createUser(forum);
    const phone = await signIn(forum.http, member.email);
    expect((await forum.http.post('/api/auth/logout', undefined, { token: member.accessToken })).status).toBe(204);
    expect((await me(member.accessToken)).status).toBe(401);
    expect((await refresh(member.refreshCookie)).status).toBe(401);
    expect((await me(phone.accessToken)).status).toBe(200);
  });

  test('sessions are listed with the current one marked, and can be ended one by one or all at once', async () => {
    const member = await createUser(forum);
    const laptop = await signIn(forum.http, member.email);
    const listed = await forum.http.get('/api/auth/sessions', { token: member.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const laptopSession = listed.body.items.find((session: { current: boolean }) => !session.current);

    // Someone else's session id looks missing.
    const stranger = await createUser(forum);
    expect(
      (await forum.http.delete(`/api/auth/sessions/${laptopSession.id}`, { token: stranger.accessToken })).status,
    ).toBe(404);
    expect((await me(laptop.accessToken)).status).toBe(200);

    expect(
      (await forum.http.delete(`/api/auth/sessions/${laptopSession.id}`, { token: member.accessToken })).status,
    ).toBe(204);
    expect((await me(laptop.accessToken)).status).toBe(401);
    expect((await forum.http.get('/api/auth/sessions', { token: member.accessToken })).body.items).toHaveLength(1);

    const tablet = await signIn(forum.http, member.email);
    expect((await forum.http.delete('/api/auth/sessions', { token: member.accessToken })).status).toBe(204);
    expect((await me(member.accessToken)).status).toBe(401);
    expect((await me(tablet.accessToken)).status).toBe(401);
  });

  describe('forged and dead access tokens are all 401 problem details', () => {
    let member: TestUser;
    let payload: Record<string, unknown>;

    beforeAll(async () => {
      member = await createUser(forum);
      payload = JSON.parse(Buffer.from(member.accessToken.split('.')[1]!, 'base64url').toString());
    });

    const expectRefused = async (token: string) => {
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    };

    test('no token, or garbage', async () => {
      const none = await forum.http.get('/api/users/me');
      expect(none.status).toBe(401);
      expect(none.body.detail).toMatch(/Sign in first/);
      await expectRefused('garbage');
    });

    test('expired', async () => {
      const jwt = forum.app.get(JwtService);
      const expired = await jwt.signAsync({ sub: payload.sub, sid: payload.sid, role: 'member' }, { expiresIn: -10 });
      const response = await me(expired);
      expect(response.status).toBe(401);
      expect(response.body.detail).toMatch(/expired/);
    });

    test('signed with our key but without an expiry, so it would never end', async () => {
      const endless = jsonwebtoken.sign(
        { sub: payload.sub, sid: payload.sid, role: 'member' },
        forum.app.get(AppConfig).jwtSecret,
        { algorithm: 'HS256' },
      );
      expect(JSON.parse(Buffer.from(endless.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('exp');
      await expectRefused(endless);
    });

    test('signed with another key', async () => {
      const jwt = new JwtService({ secret: 'another-secret-that-is-long-enough-000000' });
      await expectRefused(await jwt.signAsync({ sub: payload.sub, sid: payload.sid, role: 'member' }));
    });

    test('alg none', async () => {
      await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
    });

    test('a tampered payload (role raised to admin)', async () => {
      const [header, , signature] = member.accessToken.split('.');
      await expectRefused(`${header}.${b64({ ...payload, role: 'admin' })}.${signature}`);
    });

    test('HS256 signed with an empty key', async () => {
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
      await expectRefused(`${body}.${createHmac('sha256', '').update(body).digest('base64url')}`);
    });

    test('belonging to an ended session', async () => {
      const session = await signIn(forum.http, member.email);
      await forum.http.post('/api/auth/logout', undefined, { token: session.accessToken });
      await expectRefused(session.accessToken);
    });

    test('belonging to a deleted user', async () => {
      const doomed = await createUser(forum);
      await forum.app.get(DataSource).query('DELETE FROM users WHERE id = $1', [doomed.id]);
      await expectRefused(doomed.accessToken);
      expect((await refresh(doomed.refreshCookie)).status).toBe(401);
    });
  });

  test('a suspended user is locked out at once and let back in when reinstated', async () => {
    const member = await createUser(forum);
    const suspended = await forum.http.post(
      `/api/users/${member.id}/suspend`,
      { reason: 'Shared patient-identifiable data', until: new Date(Date.now() + 86_400_000).toISOString() },
      { token: admin.accessToken },
    );
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');

    expect((await me(member.accessToken)).status).toBe(401);
    // The suspension ended every session, so the refresh token is spent too.
    expect((await refresh(member.refreshCookie)).status).toBe(401);
    const login = await forum.http.post('/api/auth/login', { email: member.email, password: member.password });
    expect(login.status).toBe(403);
    expect(login.body.detail).toMatch(/suspended until .*Shared patient-identifiable data/);

    const member2 = await createUser(forum);
    expect(
      (await forum.http.post(`/api/users/${member.id}/suspend`, { reason: 'xyz' }, { token: member2.accessToken }))
        .status,
    ).toBe(403);
    expect(
      (
        await forum.http.post(
          `/api/users/${member.id}/suspend`,
          { reason: 'Past', until: '2001-01-01T00:00:00Z' },
          { token: admin.accessToken },
        )
      ).status,
    ).toBe(400);

    expect(
      (
        await forum.http.post(
          `/api/users/${member.id}/unsuspend`,
          { reason: 'Appeal upheld' },
          { token: admin.accessToken },
        )
      ).status,
    ).toBe(200);
    expect((await forum.http.post('/api/auth/login', { email: member.email, password: member.password })).status).toBe(
      200,
    );
  });
});
