import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createUser, signIn, TEST_PASSWORD } from './factories/user.factory.js';
import { lastMailTo } from './support/outbox-mail.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('changing one’s email address', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ env: { ALLOWED_EMAIL_DOMAINS: 'nhs.net,nhs.uk' } });
  });
  afterAll(() => forum?.close());

  const start = (token: string, body: Record<string, string>) => forum.http.post('/api/auth/email', body, { token });
  const confirm = (token: string, body: Record<string, string>) =>
    forum.http.post('/api/auth/email/confirm', body, { token });
  const newAddress = () => `moved-${Math.random().toString(36).slice(2, 10)}@nhs.uk`;

  test('needs the current password and an allowed domain', async () => {
    const person = await createUser(forum);
    const wrong = await start(person.accessToken, { currentPassword: 'not-my-password', newEmail: newAddress() });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'The current password is not correct' }]);
    const elsewhere = await start(person.accessToken, { currentPassword: TEST_PASSWORD, newEmail: 'me@gmail.com' });
    expect(elsewhere.status).toBe(422);
  });

  test('takes effect only once the new address confirms; then the old one is told and other sessions end', async () => {
    const person = await createUser(forum);
    const elsewhere = await signIn(forum.http, person.email);
    await forum.http.post('/api/auth/password-reset', { email: person.email });
    const target = newAddress();

    const started = await start(person.accessToken, { currentPassword: TEST_PASSWORD, newEmail: target });
    expect(started.status).toBe(202);
    expect(started.body.email).toBe(target);
    // Nothing has changed yet.
    await signIn(forum.http, person.email);

    const { code } = (await lastMailTo(forum, target, 'address-confirmation'))!;
    expect((await confirm(person.accessToken, { code: code! })).status).toBe(204);

    expect((await forum.http.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await signIn(forum.http, target)).user.id).toBe(person.id);
    expect((await forum.http.get('/api/users/me', { token: person.accessToken })).body.email).toBe(target);
    expect((await forum.http.get('/api/users/me', { token: elsewhere.accessToken })).status).toBe(401);
    expect(await lastMailTo(forum, person.email, 'email-changed')).toMatchObject({ newAddress: target });

    // The reset code sent to the old address died with the move.
    const { code: resetCode } = (await lastMailTo(forum, person.email, 'password-reset'))!;
    const reset = await forum.http.post('/api/auth/password-reset/confirm', {
      email: person.email,
      code: resetCode,
      newPassword: 'a-brand-new-and-unusual-passphrase',
    });
    expect(reset.status).toBe(400);
  });

  test('an address that has an account gets the same answer, and no email', async () => {
    const person = await createUser(forum);
    const other = await createUser(forum);
    const taken = await start(person.accessToken, { currentPassword: TEST_PASSWORD, newEmail: other.email });
    const free = await start(person.accessToken, { currentPassword: TEST_PASSWORD, newEmail: newAddress() });
    expect(taken.status).toBe(free.status);
    expect(Object.keys(taken.body)).toEqual(Object.keys(free.body));
    expect(await lastMailTo(forum, other.email, 'address-confirmation')).toMatchObject({
      link: expect.stringContaining('/confirm-address?token='),
    });
  });

  test("someone else's code does nothing for this account", async () => {
    const person = await createUser(forum);
    const other = await createUser(forum);
    const target = newAddress();
    await start(other.accessToken, { currentPassword: TEST_PASSWORD, newEmail: target });
    const { link } = (await lastMailTo(forum, target, 'address-confirmation'))!;
    const token = new URL(link!).searchParams.get('token')!;
    expect((await confirm(person.accessToken, { token })).status).toBe(400);
    expect((await confirm(other.accessToken, { token })).status).toBe(204);
  });
});
