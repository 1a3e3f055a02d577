import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { AdjustableClock } from '../src/common/clock.js';
import { createUser } from './factories/user.factory.js';
import { withCookie } from './support/cookies.js';
import { eventually } from './support/eventually.js';
import { connectLive, type LiveClient } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A live socket's end and a suspension's end follow the app's clock, as sign-in expiries do (clock.e2e-spec.ts). */
describe('expiries on the clock', () => {
  let forum: TestApp;
  const clock = new AdjustableClock();
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    forum = await startTestApp({ clock });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await forum?.close();
  });

  test('a live socket closes when its access token expires', async () => {
    const member = await createUser(forum);
    const client = await connectLive(forum.baseUrl, { token: member.accessToken });
    clients.push(client);
    let closedBy: string | null = null;
    client.socket.on('disconnect', (reason) => {
      closedBy = reason;
    });
    clock.advance(14 * MINUTE);
    // A round trip: the socket still answers a minute before its token expires.
    expect(await client.request('subscribe', { collaborativeId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      error: 'not found',
    });
    expect(closedBy).toBeNull();
    clock.advance(2 * MINUTE);
    await eventually(async () => closedBy === 'io server disconnect', 'the server closing the socket');
  });

  test("a suspension's end must be in the future by the forum's clock", async () => {
    clock.advance(DAY);
    const [member, admin] = await Promise.all([createUser(forum), createUser(forum, 'admin')]);
    const suspend = (until: number) =>
      forum.http.post(
        `/api/users/${member.id}/suspend`,
        { reason: 'A cooling-off period', until: new Date(until).toISOString() },
        { token: admin.accessToken },
      );
    // An hour ago by the forum's clock, though still ahead of the machine's.
    const past = await suspend(clock.nowMs() - HOUR);
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ field: 'until', message: 'until must be in the future' }]);
    expect((await suspend(clock.nowMs() + HOUR)).status).toBe(200);
  });
});

describe('request limits on the clock', () => {
  let forum: TestApp;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    forum = await startTestApp({ clock, env: { RATE_LIMIT_GENERAL: '10' } });
  });
  afterAll(() => forum?.close());

  test("the general limit's window ends when the clock passes it", async () => {
    const signedOut = () => forum.http.post('/api/auth/refresh', undefined, withCookie('forum_refresh=not-a-token'));
    let answered = 0;
    while ((await signedOut()).status !== 429) answered++;
    expect(answered).toBe(10);
    clock.advance(MINUTE);
    expect((await signedOut()).status).toBe(401);
  });
});
