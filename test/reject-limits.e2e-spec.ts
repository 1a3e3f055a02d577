import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';

import { createUser } from './factories/user.factory.js';
import { from, newNetworkAddress } from './support/abuse-limits.js';
import type { HttpResponse } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Sends `count` requests one after another; returns the statuses in order. */
async function statuses(count: number, send: () => Promise<HttpResponse>): Promise<number[]> {
  const seen: number[] = [];
  for (let request = 0; request < count; request++) seen.push((await send()).status);
  return seen;
}

describe('refused requests are limited per network, before any token is looked up', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ env: { TRUST_PROXY: 'true', RATE_LIMIT_REJECTS_PER_IP: '10' } });
  });
  afterAll(() => forum?.close());

  test('requests without a token: refused ten times, then 429 for the API from that network, signed-in people and health checks aside', async () => {
    const network = newNetworkAddress();
    const member = await createUser(forum);
    expect(await statuses(14, () => forum.http.get('/api/users/me', from(network)))).toEqual([
      ...Array(10).fill(401),
      ...Array(4).fill(429),
    ]);
    const blocked = await forum.http.get('/api/collaboratives', from(network));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.detail).toMatch(/Too many refused requests/);
    expect((await forum.http.get('/health/ready', from(network))).status).toBe(200);
    // A whole trust may share the address: its signed-in people are counted, and blocked, one by one.
    expect((await forum.http.get('/api/users/me', from(network, member.accessToken))).status).toBe(200);
    expect((await forum.http.get('/api/collaboratives', from(newNetworkAddress()))).status).toBe(401);
  });

  test('requests with a forged token', async () => {
    const network = newNetworkAddress();
    const forged = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.bad`;
    expect(await statuses(12, () => forum.http.get('/api/collaboratives', from(network, forged)))).toEqual([
      ...Array(10).fill(401),
      429,
      429,
    ]);
  });

  test('requests to routes that do not exist', async () => {
    const network = newNetworkAddress();
    expect(
      await statuses(12, () => forum.http.get(`/api/no-such-route-${randomBytes(2).toString('hex')}`, from(network))),
    ).toEqual([...Array(10).fill(404), 429, 429]);
  });

  test("a signed-in person's refusals block that person, wherever they call from, and not their network", async () => {
    const network = newNetworkAddress();
    const member = await createUser(forum);
    const colleague = await createUser(forum);
    expect(await statuses(12, () => forum.http.get('/api/admin/users', from(network, member.accessToken)))).toEqual([
      ...Array(10).fill(403),
      429,
      429,
    ]);
    expect((await forum.http.get('/api/users/me', from(newNetworkAddress(), member.accessToken))).status).toBe(429);
    expect((await forum.http.get('/api/users/me', from(network, colleague.accessToken))).status).toBe(200);
    // The network itself has refused nothing: a signed-out request is answered (401), not blocked.
    expect((await forum.http.get('/api/collaboratives', from(network))).status).toBe(401);
  });

  test('a signed-out page asking whether anyone is signed in (a refresh without a cookie) is never blocked', async () => {
    const network = newNetworkAddress();
    expect(new Set(await statuses(15, () => forum.http.post('/api/auth/refresh', undefined, from(network))))).toEqual(
      new Set([401]),
    );
  });
});

describe('cheap rejects cost no database work', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ env: { TRUST_PROXY: 'true', RATE_LIMIT_GENERAL: '10' } });
  });
  afterAll(() => forum?.close());

  test('requests with a forged token count against their network under the general limit', async () => {
    const network = newNetworkAddress();
    const seen = await statuses(14, () => forum.http.get('/api/collaboratives', from(network, 'not.a.token')));
    expect(seen).toEqual([...Array(10).fill(401), ...Array(4).fill(429)]);
  });

  test("an ended session's token is refused without asking the database again", async () => {
    const member = await createUser(forum);
    const network = newNetworkAddress();
    expect((await forum.http.post('/api/auth/logout', undefined, from(network, member.accessToken))).status).toBe(204);
    expect((await forum.http.get('/api/users/me', from(network, member.accessToken))).body.detail).toMatch(
      /session has ended/,
    );
    // With the sessions table locked, any request that looked the session up would wait.
    const locker = new pg.Client({ connectionString: forum.database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const flood = Promise.all(
        Array.from({ length: 5 }, () => forum.http.get('/api/users/me', from(network, member.accessToken))),
      );
      const answers = await Promise.race([
        flood,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the requests waited for the locked sessions table')), 10_000).unref(),
        ),
      ]);
      for (const answer of answers) expect(answer.body.detail).toMatch(/session has ended/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });
});
