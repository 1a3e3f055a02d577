import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { plainToInstance } from 'class-transformer';

import { AdjustableClock } from '../src/common/clock.js';
import { RegisterDto } from '../src/users/dto/register.dto.js';
import { UsersService } from '../src/users/users.service.js';
import { registrationFor, signIn, TEST_PASSWORD } from './factories/user.factory.js';
import { refreshCookieFrom } from './support/cookies.js';
import { lastMailTo, tokenOf } from './support/outbox-mail.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('confirming an address', () => {
  const clock = new AdjustableClock();
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ clock, env: { RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '4', TRUST_PROXY: 'true' } });
  });
  afterAll(() => forum?.close());

  const register = async () => {
    const registration = registrationFor();
    expect((await forum.http.post('/api/auth/register', registration)).status).toBe(202);
    return registration;
  };
  const mailTo = async (email: string) => (await lastMailTo(forum, email, 'address-confirmation'))!;
  const confirm = (body: Record<string, string>, headers?: Record<string, string>) =>
    forum.http.post('/api/auth/confirm-address', body, { headers });
  const login = (email: string) => forum.http.post('/api/auth/login', { email, password: TEST_PASSWORD });

  test('the code signs the new person in, as a password sign-in does', async () => {
    const { email } = await register();
    const confirmed = await confirm({ email, code: (await mailTo(email)).code! });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ tokenType: 'Bearer', user: { email } });
    expect(refreshCookieFrom(confirmed)).toMatch(/^forum_refresh=/);
    expect((await forum.http.get('/api/users/me', { token: confirmed.body.accessToken })).status).toBe(200);
    expect((await login(email)).status).toBe(200);
  });

  test("the email's link leads to the web client's page, whose POST confirms with the token", async () => {
    const { email } = await register();
    const link = (await mailTo(email)).link!;
    expect(link).toMatch(new RegExp(`^${forum.config.publicUrl}/confirm-address\\?token=`));
    expect((await confirm({ token: tokenOf(link) })).status).toBe(200);
    const again = await confirm({ token: tokenOf(link) });
    expect(again.status).toBe(400);
    expect(problemViolations(again)).toEqual([]);
    expect(again.body.detail).toBe(
      'This link has already been used. Ask for a new code, and use the one in the newest email.',
    );
  });

  test('a wrong code is refused with what to do next; the right one still works', async () => {
    const { email } = await register();
    const { code } = await mailTo(email);
    const wrong = await confirm({ email, code: code === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe(
      'This code is not right, or it has expired or already been used. Ask for a new code, and use the one in the newest email.',
    );
    expect((await confirm({ email, code: code! })).status).toBe(200);
  });

  test('concurrent wrong codes from one network meet the sign-in limit; the owner elsewhere is not locked out', async () => {
    const { email } = await register();
    const { code } = await mailTo(email);
    const stranger = { 'x-forwarded-for': '2001:db8:77::1' };
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => confirm({ email, code: code === '999999' ? '999998' : '999999' }, stranger)),
    );
    expect(statuses.map((response) => response.status).sort()).toEqual([...Array(4).fill(400), ...Array(8).fill(429)]);
    // The stranger's tries spent at most four of the code's five: the owner's right code works.
    expect((await confirm({ email, code: code! })).status).toBe(200);
  });

  test('codes expire after a day; asking again sends a new one, the same answer for any address', async () => {
    const { email } = await register();
    const { code } = await mailTo(email);
    clock.advance(24 * 60 * 60_000 + 1000);
    expect((await confirm({ email, code: code! })).status).toBe(400);

    const resent = await forum.http.post('/api/auth/confirm-address/resend', { email });
    const unknown = await forum.http.post('/api/auth/confirm-address/resend', { email: 'nobody-at-all@nhs.net' });
    expect(resent.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body.detail).toBe(resent.body.detail.replace(email, 'nobody-at-all@nhs.net'));
    expect(await lastMailTo(forum, 'nobody-at-all@nhs.net', 'address-confirmation')).toBeNull();
    expect((await confirm({ email, code: (await mailTo(email)).code! })).status).toBe(200);
  });

  test('an account from before confirmation existed is sent a code at its next sign-in', async () => {
    const registration = registrationFor();
    await forum.app.get(UsersService).register(plainToInstance(RegisterDto, registration));
    expect(await lastMailTo(forum, registration.email, 'address-confirmation')).toBeNull();

    const refused = await login(registration.email);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/address-not-confirmed');
    // A wrong password learns nothing, and sends nothing.
    const wrong = await forum.http.post('/api/auth/login', { email: registration.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);

    await confirm({ email: registration.email, code: (await mailTo(registration.email)).code! });
    await signIn(forum.http, registration.email);
  });
});
