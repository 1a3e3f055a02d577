import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { plainToInstance } from 'class-transformer';

import { AdjustableClock } from '../src/common/clock.js';
import { RegisterDto } from '../src/users/dto/register.dto.js';
import { UsersService } from '../src/users/users.service.js';
import { createUser, registrationFor, signIn, TEST_PASSWORD } from './factories/user.factory.js';
import { lastMailTo, tokenOf } from './support/outbox-mail.js';
import { problemViolations } from './support/problem-check.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'a-brand-new-and-unusual-passphrase';

describe('password reset', () => {
  const clock = new AdjustableClock();
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ clock });
  });
  afterAll(() => forum?.close());

  const ask = (email: string, headers?: Record<string, string>) =>
    forum.http.post('/api/auth/password-reset', { email }, { headers });
  const confirm = (body: Record<string, string>) => forum.http.post('/api/auth/password-reset/confirm', body);
  const resetMail = async (email: string) => (await lastMailTo(forum, email, 'password-reset'))!;

  test('asking answers the same whether or not the address has an account', async () => {
    const person = await createUser(forum);
    const known = await ask(person.email);
    const unknown = await ask('nobody-here@nhs.net');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(Object.keys(known.body)).toEqual(Object.keys(unknown.body));
    expect(unknown.body.detail).toBe(known.body.detail.replace(person.email, 'nobody-here@nhs.net'));
    expect(await resetMail(person.email)).toMatchObject({ code: expect.stringMatching(/^\d{6}$/) });
    expect(await lastMailTo(forum, 'nobody-here@nhs.net', 'password-reset')).toBeNull();
  });

  test('a code sets a new password, ends every session and emails a notice', async () => {
    const person = await createUser(forum);
    const other = await signIn(forum.http, person.email);
    await ask(person.email);
    const { code } = await resetMail(person.email);

    expect((await confirm({ email: person.email, code, newPassword: NEW_PASSWORD })).status).toBe(204);

    expect((await forum.http.get('/api/users/me', { token: person.accessToken })).status).toBe(401);
    expect((await forum.http.get('/api/users/me', { token: other.accessToken })).status).toBe(401);
    const refreshed = await forum.http.post('/api/auth/refresh', undefined, {
      headers: { cookie: person.refreshCookie },
    });
    expect(refreshed.status).toBe(401);
    expect((await forum.http.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    await signIn(forum.http, person.email, NEW_PASSWORD);
    expect(await lastMailTo(forum, person.email, 'password-changed')).toMatchObject({ name: expect.any(String) });

    const reused = await confirm({ email: person.email, code, newPassword: `${NEW_PASSWORD}-again` });
    expect(reused.status).toBe(400);
    expect(problemViolations(reused)).toEqual([]);
    expect(reused.body.detail).toBe(
      'This code is not right, or it has expired or already been used. Ask for a new password reset email, and use the newest one.',
    );
  });

  test("the link's token works once; a weak password does not spend it", async () => {
    const person = await createUser(forum);
    await ask(person.email);
    const token = tokenOf((await resetMail(person.email)).link);

    const weak = await confirm({ token, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/too common/) }]);

    expect((await confirm({ token, newPassword: NEW_PASSWORD })).status).toBe(204);
    const again = await confirm({ token, newPassword: NEW_PASSWORD });
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe(
      'This link has already been used. Ask for a new password reset email, and use the newest one.',
    );
  });

  test('a reset kills the other pending reset codes', async () => {
    const person = await createUser(forum);
    await ask(person.email);
    const first = tokenOf((await resetMail(person.email)).link);
    await ask(person.email);
    const { code } = await resetMail(person.email);
    expect((await confirm({ email: person.email, code, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await confirm({ token: first, newPassword: NEW_PASSWORD })).body.detail).toMatch(
      /^This link no longer works/,
    );
  });

  test('a reset link expires after an hour', async () => {
    const person = await createUser(forum);
    await ask(person.email);
    const token = tokenOf((await resetMail(person.email)).link);
    clock.advance(60 * 60_000 + 1000);
    const late = await confirm({ token, newPassword: NEW_PASSWORD });
    expect(late.status).toBe(400);
    expect(late.body.detail).toBe('This link has expired. Ask for a new password reset email, and use the newest one.');
  });

  test('asking is limited per address, the same for an address with no account', async () => {
    // Made as the CLI makes accounts, so no confirmation email has used one of its sends.
    const person = registrationFor();
    await forum.app.get(UsersService).register(plainToInstance(RegisterDto, person), 'member', { confirmed: true });
    for (const email of [person.email, 'no-account@nhs.net']) {
      for (let attempt = 0; attempt < 5; attempt++) expect((await ask(email)).status).toBe(202);
      const refused = await ask(email);
      expect(refused.status).toBe(429);
      expect(refused.body.detail).toMatch(/^Too many emails to this address\. Try again in \d+ minutes\.$/);
    }
  });

  test('a code or a token is needed, and codes are six digits', async () => {
    const missing = await confirm({ newPassword: NEW_PASSWORD });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['code', 'email']);
    const short = await confirm({ email: 'a@nhs.net', code: '123', newPassword: NEW_PASSWORD });
    expect(short.body.errors).toEqual([{ field: 'code', message: 'code must be the six digits from the email' }]);
  });
});
