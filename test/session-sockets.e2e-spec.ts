import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import { createCollaborative } from './factories/collaborative.factory.js';
import { createUser, signIn, type TestUser } from './factories/user.factory.js';
import { withCookie } from './support/cookies.js';
import { type DedicatedRedis, dedicatedRedis } from './support/dedicated-redis.js';
import { eventually } from './support/eventually.js';
import { connectLive, type LiveClient } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Watched {
  client: LiveClient;
  /** The disconnect reason once the socket closed; null while it is open. */
  closedBy: string | null;
}

/**
 * Ending a session ends its sockets: the HTTP call goes to instance A, the sockets are on
 * instance B (as behind a load balancer), and only the ended sessions' sockets close.
 */
describe('ending a session closes its live sockets on every instance', () => {
  let a: TestApp;
  let b: TestApp;
  // A Redis of this suite's own: request limits count in Redis, and another suite's
  // tight limit on 127.0.0.1 must not block this one's sign-ins.
  let redis: DedicatedRedis;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redis = await dedicatedRedis();
    await redis.start();
    a = await startTestApp({ env: { REDIS_URL: redis.url } });
    b = await startTestApp({
      env: { REDIS_URL: redis.url, JWT_SECRET: a.config.jwtSecret },
      databaseUrl: a.database.url,
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  /**
   * A socket on B. It resumes from the newest event: one that commits between the connect
   * and the server joining the socket to its rooms still reaches it, in the catch-up.
   */
  const onB = async (accessToken: string): Promise<Watched> => {
    const [{ id: lastEventId }] = await a.app
      .get(DataSource)
      .query(`SELECT coalesce(max(id), 0)::text AS id FROM events`);
    const client = await connectLive(b.baseUrl, { token: accessToken, lastEventId });
    clients.push(client);
    const watched: Watched = { client, closedBy: null };
    client.socket.on('disconnect', (reason) => {
      watched.closedBy = reason;
    });
    return watched;
  };
  const closedByServer = (socket: Watched, what: string) =>
    eventually(async () => socket.closedBy === 'io server disconnect', what);
  /** B has handled the event once a socket still open there has received it. */
  const stillOpenAfterTheEvent = async (socket: Watched) => {
    await socket.client.waitFor((received) => received.some((event) => event.type === 'session.ended'));
    expect(socket.closedBy).toBeNull();
  };
  const twoDevices = async () => {
    const person = await createUser(a);
    const phone = await signIn(a.http, person.email);
    return { person, phone };
  };

  test('signing out closes that session’s sockets, not the other device’s', async () => {
    const { person, phone } = await twoDevices();
    const [laptopSocket, phoneSocket] = [await onB(person.accessToken), await onB(phone.accessToken)];
    expect((await a.http.post('/api/auth/logout', undefined, { token: person.accessToken })).status).toBe(204);
    await closedByServer(laptopSocket, 'the signed-out session’s socket closing');
    await stillOpenAfterTheEvent(phoneSocket);
  });

  test('signing out everywhere closes every session’s sockets, and nobody else’s', async () => {
    const { person, phone } = await twoDevices();
    const bystander = await createUser(a);
    const sockets = [await onB(person.accessToken), await onB(person.accessToken), await onB(phone.accessToken)];
    const bystanderSocket = await onB(bystander.accessToken);
    expect((await a.http.delete('/api/auth/sessions', { token: phone.accessToken })).status).toBe(204);
    for (const socket of sockets) await closedByServer(socket, 'every socket of the person closing');
    expect(bystanderSocket.closedBy).toBeNull();
    expect(bystanderSocket.client.received.some((event) => event.type === 'session.ended')).toBe(false);
  });

  test('ending one session from another device closes only that session’s sockets', async () => {
    const { person, phone } = await twoDevices();
    const [laptopSocket, phoneSocket] = [await onB(person.accessToken), await onB(phone.accessToken)];
    const listed = await a.http.get('/api/auth/sessions', { token: person.accessToken });
    const phoneSession = listed.body.items.find((session: { current: boolean }) => !session.current);
    expect((await a.http.delete(`/api/auth/sessions/${phoneSession.id}`, { token: person.accessToken })).status).toBe(
      204,
    );
    await closedByServer(phoneSocket, 'the ended session’s socket closing');
    await stillOpenAfterTheEvent(laptopSocket);
  });

  test('changing the password closes the other sessions’ sockets and keeps this one’s', async () => {
    const { person, phone } = await twoDevices();
    const [laptopSocket, phoneSocket] = [await onB(person.accessToken), await onB(phone.accessToken)];
    const changed = await a.http.post(
      '/api/auth/password',
      { currentPassword: person.password, newPassword: 'a-brand-new-passphrase' },
      { token: person.accessToken },
    );
    expect(changed.status).toBe(204);
    await closedByServer(phoneSocket, 'the other session’s socket closing');
    await stillOpenAfterTheEvent(laptopSocket);
  });

  test('a replayed refresh cookie closes its session’s sockets, not the other device’s', async () => {
    const { person, phone } = await twoDevices();
    const [laptopSocket, phoneSocket] = [await onB(person.accessToken), await onB(phone.accessToken)];
    expect((await a.http.post('/api/auth/refresh', undefined, withCookie(person.refreshCookie))).status).toBe(200);
    // A thief presents the spent cookie: the whole session ends.
    expect((await a.http.post('/api/auth/refresh', undefined, withCookie(person.refreshCookie))).status).toBe(401);
    await closedByServer(laptopSocket, 'the replayed session’s socket closing');
    await stillOpenAfterTheEvent(phoneSocket);
  });

  test('a socket of a session that has ended cannot join a room, even before the event arrives', async () => {
    const admin = await createUser(a, 'admin');
    const collaborative = await createCollaborative(a, admin);
    const person: TestUser = await createUser(a);
    const socket = await onB(person.accessToken);
    // Ended behind the forum's back, with no event: what a socket sees between the commit and the event.
    await a.app
      .get(DataSource)
      .query(`UPDATE sessions SET ended_at = now(), end_reason = 'logout' WHERE user_id = $1`, [person.id]);
    // Refused either by the subscribe check or, if the connection's own second look at the
    // session (just after set-up) gets there first, by closing the socket: never joined.
    const answer = await socket.client
      .request('subscribe', { collaborativeId: collaborative.id })
      .catch(() => 'closed before answering');
    expect([{ ok: false, error: 'this session has ended; sign in again' }, 'closed before answering']).toContainEqual(
      answer,
    );
    await closedByServer(socket, 'the ended session’s socket closing');
  });
});
