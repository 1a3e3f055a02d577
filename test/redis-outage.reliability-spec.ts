import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Redis } from 'ioredis';

import { addMember, createCollaborative } from './factories/collaborative.factory.js';
import { askThread } from './factories/thread.factory.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { ResumingReader } from './reliability/resuming-reader.js';
import { type DedicatedRedis, dedicatedRedis } from './support/dedicated-redis.js';
import { connectLive, type LiveClient } from './support/live-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Two instances share PostgreSQL and a Redis of this suite's own; Redis dies and comes
 * back. Meanwhile each instance keeps answering REST and feeding its own sockets (events
 * reach every instance through PostgreSQL, not Redis) and counts request limits locally;
 * afterwards the instances share their limits in Redis again, and a socket that dropped
 * during the outage catches up on everything it missed.
 */
const OUTAGE_MS = 5000;

let redis: DedicatedRedis;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  redis = await dedicatedRedis();
  await redis.start();
  a = await startTestApp({ env: { REDIS_URL: redis.url } });
  b = await startTestApp({
    env: { REDIS_URL: redis.url, JWT_SECRET: a.config.jwtSecret },
    databaseUrl: a.database.url,
  });
}, 120_000);

afterAll(async () => {
  await b?.close();
  await a?.close();
  await redis?.stop();
});

async function replyOn(forum: TestApp, user: TestUser, threadId: string, body: string): Promise<number> {
  return (await forum.http.post(`/api/threads/${threadId}/replies`, { body }, { token: user.accessToken })).status;
}

const replyBodies = (client: { received: Array<{ type: string; data: any }> }) =>
  client.received.filter((event) => event.type === 'reply.created').map((event) => event.data.body as string);

test('a Redis outage leaves both instances serving, and cross-instance work resumes after it', async () => {
  const admin = await createUser(a, 'admin');
  const place = await createCollaborative(a, admin);
  const [writer, reader, dropper] = await Promise.all([createUser(a), createUser(a), createUser(a)]);
  for (const person of [writer, reader, dropper]) await addMember(a, admin, place.id, person);
  for (const person of [reader, dropper])
    await b.http.put(`/api/collaboratives/${place.id}/follow`, undefined, { token: person.accessToken });
  const thread = await askThread(a, writer, place.id);

  const onA: LiveClient = await connectLive(a.baseUrl, { token: reader.accessToken });
  const onB: LiveClient = await connectLive(b.baseUrl, { token: reader.accessToken });
  const resuming = new ResumingReader(
    () => b.baseUrl,
    () => dropper.accessToken,
  );
  await resuming.connect();
  expect(await replyOn(a, writer, thread.id, 'Before the outage')).toBe(201);
  await onB.waitFor((received) => replyBodies({ received }).includes('Before the outage'));

  await redis.stop();
  resuming.close();
  const during: number[] = [];
  const started = Date.now();
  for (let index = 0; Date.now() - started < OUTAGE_MS; index++) {
    const forum = index % 2 === 0 ? a : b;
    during.push(await replyOn(forum, writer, thread.id, `During the outage ${index}`));
    during.push((await forum.http.get(`/api/threads/${thread.id}`, { token: reader.accessToken })).status);
    await sleep(100);
  }
  const writtenDuring = during.filter((_status, index) => index % 2 === 0).length;
  expect(new Set(during)).toEqual(new Set([200, 201]));
  // Both instances still feed their own sockets: every reply written on either reached both.
  for (const client of [onA, onB]) {
    await client.waitFor(
      (received) => replyBodies({ received }).filter((body) => body.startsWith('During')).length === writtenDuring,
      15_000,
    );
  }

  await redis.start();
  await sleep(2000); // ioredis reconnects on its own back-off
  await resuming.connect();
  expect(await replyOn(b, writer, thread.id, 'After the outage')).toBe(201);
  await resuming.live!.waitFor((received) => replyBodies({ received }).includes('After the outage'), 15_000);
  // The socket that dropped during the outage caught up on every reply it missed, once each, in order.
  expect(replyBodies(resuming)).toEqual([
    'Before the outage',
    ...Array.from({ length: writtenDuring }, (_value, index) => `During the outage ${index}`),
    'After the outage',
  ]);

  // Both instances count request limits in Redis again (it came back empty: nothing is kept on disk).
  const probe = new Redis(redis.url);
  try {
    await probe.flushall();
    for (const forum of [a, b])
      expect((await forum.http.get('/api/users/me', { token: writer.accessToken })).status).toBe(200);
    expect((await probe.keys('forum:throttle:*')).length).toBeGreaterThan(0);
  } finally {
    probe.disconnect();
  }

  console.log(
    JSON.stringify({
      redisOutageMs: OUTAGE_MS,
      requestsDuringOutage: during.length,
      repliesWrittenDuringOutage: writtenDuring,
      deliveredToEachInstance: true,
    }),
  );
  onA.close();
  onB.close();
  resuming.close();
});
