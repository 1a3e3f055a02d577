import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { AdjustableClock } from '../src/common/clock.js';
import { registrationFor, TEST_PASSWORD } from './factories/user.factory.js';
import { from, limitsOf, newNetwork, newNetworkAddress } from './support/abuse-limits.js';
import { withCookie } from './support/cookies.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('abuse limits', () => {
  let forum: TestApp;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    forum = await startTestApp({
      clock,
      env: {
        RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '3',
        RATE_LIMIT_LOGIN_PER_IP: '8',
        RATE_LIMIT_REGISTER_PER_IP: '6',
        RATE_LIMIT_GENERAL: '50',
      },
    });
  });
  afterAll(() => forum?.close());

  const { register, login, endWindows } = limitsOf(() => forum, clock);

  test('failed sign-ins per account from one address: blocked with Retry-After even for the right password; a success resets the count', async () => {
    const email = await register();
    await login(email, 'wrong-password-1');
    await login(email, 'wrong-password-2');
    expect((await login(email, TEST_PASSWORD)).status).toBe(200); // resets
    for (let attempt = 0; attempt < 3; attempt++) expect((await login(email, 'wrong-password-x')).status).toBe(401);
    const blocked = await login(email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.body.detail).toMatch(/Too many failed sign-ins for this account from your network/);

    await endWindows();
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
  });

  test('failed sign-ins per address, across accounts', async () => {
    await endWindows();
    for (let attempt = 0; attempt < 8; attempt++) {
      expect((await login(`nobody-${attempt}@nhs.net`, 'wrong-password')).status).toBe(401);
    }
    const blocked = await login('someone-else@nhs.net', 'wrong-password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    await endWindows();
  });

  test('registrations per address per hour', async () => {
    await endWindows();
    for (let attempt = 0; attempt < 6; attempt++) await forum.http.post('/api/auth/register', registrationFor());
    const blocked = await forum.http.post('/api/auth/register', registrationFor());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);
    await endWindows();
    expect((await forum.http.post('/api/auth/register', registrationFor())).status).toBe(202);
  });

  test('the general limit applies per person, with Retry-After', async () => {
    await endWindows();
    const email = await register();
    const { accessToken } = (await login(email, TEST_PASSWORD)).body;
    let response;
    let answered = 0;
    for (let request = 0; request < 70; request++) {
      response = await forum.http.get('/api/users/me', { token: accessToken });
      if (response.status !== 200) break;
      answered++;
    }
    expect(answered).toBeLessThanOrEqual(50);
    expect(response!.status).toBe(429);
    expect(response!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(response!.body.detail).toMatch(/^Too many requests\. Try again in \d+ seconds?\.$/);
  });

  test('the general limit is one budget across routes, not one per route', async () => {
    const email = await register();
    const { accessToken } = (await login(email, TEST_PASSWORD)).body;
    const routes = ['/api/users/me', '/api/collaboratives', '/api/threads'];
    let answered = 0;
    for (let request = 0; request < 90; request++) {
      const response = await forum.http.get(routes[request % routes.length]!, { token: accessToken });
      if (response.status === 429) break;
      expect(response.status).toBe(200);
      answered++;
    }
    expect(answered).toBe(50);
  });

  test('health checks answer even when their address has used up the signed-out budget', async () => {
    let refused = 0;
    for (let request = 0; request < 60 && refused === 0; request++) {
      const response = await forum.http.post('/api/auth/refresh', undefined, withCookie('forum_refresh=not-a-token'));
      if (response.status === 429) refused++;
    }
    expect(refused).toBe(1);
    expect((await forum.http.get('/health/live')).status).toBe(200);
    expect((await forum.http.get('/health/ready')).status).toBe(200);
  });
});

describe('limits hold under bursts', () => {
  let forum: TestApp;

  const clock = new AdjustableClock();

  beforeAll(async () => {
    forum = await startTestApp({
      clock,
      env: { RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '3', RATE_LIMIT_LOGIN_PER_IP: '8', RATE_LIMIT_REGISTER_PER_IP: '6' },
    });
  });
  afterAll(() => forum?.close());

  const { register, login, endWindows } = limitsOf(() => forum, clock);

  test('a burst of 200 sign-ins at once to one account checks no more passwords than the limit, the right one among them', async () => {
    await endWindows();
    const email = await register();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, attempt) =>
        login(email, attempt === 100 ? TEST_PASSWORD : `wrong-password-${attempt}`),
      ),
    );
    const checked = answers.filter((answer) => answer.status !== 429);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(3);
    for (const answer of checked) expect([200, 401]).toContain(answer.status);
    await endWindows();
  });

  test('a burst of 80 sign-ins at once for unknown accounts from one address checks no more than the address limit', async () => {
    await endWindows();
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, attempt) => login(`nobody-burst-${attempt}@nhs.net`, 'wrong-password')),
    );
    const checked = answers.filter((answer) => answer.status === 401);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(8);
    expect(answers.filter((answer) => answer.status === 429).length).toBe(80 - checked.length);
    await endWindows();
  });

  test('a burst of password changes with wrong current passwords checks no more than the limit', async () => {
    await endWindows();
    const email = await register();
    const { accessToken } = (await login(email, TEST_PASSWORD)).body;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, attempt) =>
        forum.http.post(
          '/api/auth/password',
          { currentPassword: `wrong-password-${attempt}`, newPassword: 'A-new-and-long-passphrase-2027' },
          { token: accessToken },
        ),
      ),
    );
    const checked = answers.filter((answer) => answer.status !== 429);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(3);
    for (const answer of checked) expect(answer.status).toBe(400);
    await endWindows();
  });

  test('a burst of 80 registrations at once from one address creates no more accounts than the limit', async () => {
    await endWindows();
    const answers = await Promise.all(
      Array.from({ length: 80 }, () => forum.http.post('/api/auth/register', registrationFor())),
    );
    const created = answers.filter((answer) => answer.status === 202).length;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(6);
    expect(answers.filter((answer) => answer.status === 429).length).toBe(80 - created);
    await endWindows();
  });
});

describe('abuse limits by network, behind a proxy', () => {
  let forum: TestApp;
  // A /64 of the documentation range of our own, so no other test shares its counters.
  const networks = [1, 2, 3].map(newNetwork);

  beforeAll(async () => {
    forum = await startTestApp({
      env: { TRUST_PROXY: 'true', RATE_LIMIT_REGISTER_PER_IP: '3', RATE_LIMIT_GENERAL: '20' },
    });
  });
  afterAll(() => forum?.close());

  test('a new IPv6 address in the same /64 does not start a new registration budget; another /64 does', async () => {
    for (const host of ['1', '2', '3'])
      expect(
        (await forum.http.post('/api/auth/register', registrationFor(), from(`${networks[0]}::${host}`))).status,
      ).toBe(202);
    const rotated = await forum.http.post(
      '/api/auth/register',
      registrationFor(),
      from(`${networks[0]}:0:abcd:ef01:2345`),
    );
    expect(rotated.status).toBe(429);
    expect((await forum.http.post('/api/auth/register', registrationFor(), from(`${networks[1]}::1`))).status).toBe(
      202,
    );
  });

  test('signed-out requests from one /64 share one general budget, however many addresses they use', async () => {
    let answered = 0;
    for (let request = 0; request < 30; request++) {
      const response = await forum.http.post(
        '/api/auth/refresh',
        undefined,
        from(`${networks[2]}:1:2:3:${(request + 16).toString(16)}`),
      );
      if (response.status === 429) break;
      answered++;
    }
    expect(answered).toBe(20);
  });
});

describe('sign-in limits cannot lock a named person out', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '3',
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '6',
        RATE_LIMIT_LOGIN_PER_IP: '1000',
      },
    });
  });
  afterAll(() => forum?.close());

  const { login, register } = limitsOf(() => forum);

  test("a stranger's failures lock the stranger's address out of the account, not the owner", async () => {
    const email = await register(newNetworkAddress());
    const stranger = newNetworkAddress();
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await login(email, `guess-${attempt}`, stranger)).status).toBe(401);
    const locked = await login(email, TEST_PASSWORD, stranger);
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/from your network/);
    expect((await login(email, TEST_PASSWORD, newNetworkAddress())).status).toBe(200);
  });

  test('failures from many addresses slow the account for strangers; the owner gets in from an address they used before', async () => {
    const email = await register(newNetworkAddress());
    const home = newNetworkAddress();
    expect((await login(email, TEST_PASSWORD, home)).status).toBe(200);
    for (let attempt = 0; attempt < 6; attempt++)
      expect((await login(email, `guess-${attempt}`, newNetworkAddress())).status).toBe(401);
    // Past the ceiling: one attempt is let through, the next waits for the slow lane's window.
    expect((await login(email, 'guess-past-ceiling', newNetworkAddress())).status).toBe(401);
    const slowed = await login(email, 'another-guess', newNetworkAddress());
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(slowed.body.detail).toMatch(/from many places/);
    // However often strangers take the slow lane, the owner's own address does not queue in it.
    expect((await login(email, TEST_PASSWORD, home)).status).toBe(200);
  });
});

describe('only trusted proxies say who the caller is', () => {
  let forum: TestApp;

  beforeAll(async () => {
    // The proxies are in 10.0.0.0/8; the test connects from 127.0.0.1, as a caller would directly.
    forum = await startTestApp({ env: { TRUST_PROXY: '10.0.0.0/8', RATE_LIMIT_REGISTER_PER_IP: '2' } });
  });
  afterAll(() => forum?.close());

  test('a caller that is not a trusted proxy cannot pick its own address with X-Forwarded-For', async () => {
    const answers = [];
    for (const address of ['2001:db8:1::1', '2001:db8:2::1', '2001:db8:3::1']) {
      answers.push((await forum.http.post('/api/auth/register', registrationFor(), from(address))).status);
    }
    expect(answers).toEqual([202, 202, 429]);
  });
});
