import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { addMember, createCollaborative } from './factories/collaborative.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { connectLive, type LiveClient } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two API instances on one database and one Redis, as behind a load balancer. */
describe('two instances sharing PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;
  let client: LiveClient | undefined;

  beforeAll(async () => {
    a = await startTestApp({ env: { REDIS_URL, RATE_LIMIT_GENERAL: '30' } });
    b = await startTestApp({
      env: { REDIS_URL, RATE_LIMIT_GENERAL: '30', JWT_SECRET: a.config.jwtSecret },
      databaseUrl: a.database.url,
    });
    admin = await createUser(a, 'admin');
  });
  afterAll(async () => {
    client?.close();
    await b?.close();
    await a?.close();
  });

  test('a write through instance A reaches a socket on instance B', async () => {
    const collaborative = await createCollaborative(a, admin);
    const reader = await createUser(a);
    await b.http.put(`/api/collaboratives/${collaborative.id}/follow`, undefined, { token: reader.accessToken });
    client = await connectLive(b.baseUrl, { token: reader.accessToken });
    const joiner = await createUser(a);
    await addMember(a, admin, collaborative.id, joiner);
    await client.waitFor((received) =>
      received.some((event) => event.type === 'membership.changed' && event.data.userId === joiner.id),
    );
  });

  test('a suspension made on A disconnects the person on B', async () => {
    const member = await createUser(a);
    const socket = await connectLive(b.baseUrl, { token: member.accessToken });
    const gone = new Promise<string>((resolve) => socket.socket.once('disconnect', (reason) => resolve(reason)));
    await a.http.post(`/api/users/${member.id}/suspend`, { reason: 'Testing' }, { token: admin.accessToken });
    expect(await gone).toBe('io server disconnect');
  });

  test('the general rate limit is shared, not doubled', async () => {
    const member = await createUser(a);
    let answered = 0;
    for (let request = 0; request < 40; request++) {
      const instance = request % 2 === 0 ? a : b;
      const response = await instance.http.get('/api/users/me', { token: member.accessToken });
      if (response.status === 200) answered++;
    }
    expect(answered).toBeLessThanOrEqual(30);
  });
});
