import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';

import { checkAcknowledgedWrites } from './reliability/consistency.js';
import { ForumUnderTest } from './reliability/forum-under-test.js';
import { askThreads, collaborativesBySlug, registerWriters, signInDemoAdmin } from './reliability/participants.js';
import { type JournalEntry, type LoadContext, send, TODAY_WRITES, WriteLoad } from './reliability/write-load.js';
import { type DedicatedPostgres, startDedicatedPostgres } from './support/dedicated-postgres.js';

/**
 * PostgreSQL stops under load and starts again, while the server keeps running on its
 * own dedicated database server. During the outage every request fails fast (the issue's
 * limit: 5 s) with 503 problem details and readiness is 503; once PostgreSQL is back the
 * same process serves again (limit: 10 s), and no acknowledged write is lost.
 */
const WRITERS = 10;
const PHASE_MS = 4000;
const FAIL_WITHIN_MS = 5000;
const RECOVER_WITHIN_MS = 10_000;

let postgres: DedicatedPostgres;
let forum: ForumUnderTest;

beforeAll(async () => {
  postgres = await startDedicatedPostgres('outage');
  ForumUnderTest.build();
  forum = new ForumUnderTest({ DATABASE_URL: postgres.url, SEED_DEMO: 'true' });
  await forum.start();
}, 120_000);

afterAll(async () => {
  await forum?.dispose();
  await postgres?.dispose();
});

const within = (entry: JournalEntry, from: number, to: number) =>
  entry.startedAt >= from && entry.startedAt + entry.ms <= to;

test('a database outage gives fast 503s, then service resumes without a restart and nothing acknowledged is lost', async () => {
  const admin = await signInDemoAdmin(forum.http);
  const collaboratives = await collaborativesBySlug(forum.http, admin.token);
  const threadIds = await askThreads(forum.http, admin.token, collaboratives.get('greater-manchester-acute')!, 5);
  const context: LoadContext = { forum, admin, collaboratives, threadIds };
  const load = new WriteLoad(context, await registerWriters(forum.http, WRITERS), TODAY_WRITES);
  let stoppedAt = 0;
  let restartedAt = 0;
  let recoveredAt = 0;
  const probes: Record<string, { status: number; contentType: string; retryAfter: string | null }> = {};
  load.start();
  try {
    await sleep(PHASE_MS);
    await postgres.server.stop();
    stoppedAt = Date.now();
    await sleep(PHASE_MS);
    for (const path of ['/health/ready', '/health/live', '/api/collaboratives']) {
      const response = await fetch(forum.http.baseUrl + path, {
        headers: { authorization: `Bearer ${admin.token}` },
        signal: AbortSignal.timeout(FAIL_WITHIN_MS),
      });
      probes[path] = {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
      };
    }
    expect(forum.process.child.exitCode).toBeNull();

    await postgres.server.restart();
    restartedAt = Date.now();
    const probe = {
      key: 'bio:probe',
      state: 'probe',
      method: 'PATCH',
      path: '/api/users/me',
      token: admin.token,
      body: { bio: 'Back after the outage' },
    };
    while (
      Date.now() - restartedAt < RECOVER_WITHIN_MS * 2 &&
      (await send(context, probe, FAIL_WITHIN_MS)).outcome !== 'acked'
    )
      await sleep(250);
    recoveredAt = Date.now();
    await sleep(PHASE_MS);
  } finally {
    await load.stop();
  }

  const during = load.journal.filter((entry) => within(entry, stoppedAt, restartedAt));
  const after = load.journal.filter((entry) => entry.startedAt >= recoveredAt);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const writes = await checkAcknowledgedWrites(db, load.journal, TODAY_WRITES).finally(() => db.end());

  console.log(
    JSON.stringify({
      faultsInjected: 1,
      requestsDuringOutage: during.length,
      slowestFailureMs: Math.max(...during.map((entry) => entry.ms)),
      statusesDuringOutage: [...new Set(during.map((entry) => entry.status))],
      recoveryMs: recoveredAt - restartedAt,
      requestsAfterRecovery: after.length,
      writesAcknowledged: writes.acknowledged,
      acknowledgedWritesFound: writes.found,
    }),
  );
  expect(during.length).toBeGreaterThan(WRITERS);
  expect(
    during.filter(
      (entry) =>
        entry.status !== 503 || !entry.contentType.startsWith('application/problem+json') || entry.ms >= FAIL_WITHIN_MS,
    ),
  ).toEqual([]);
  expect(probes['/health/ready']).toMatchObject({
    status: 503,
    contentType: expect.stringContaining('application/problem+json'),
  });
  expect(probes['/health/live']!.status).toBe(200);
  expect(probes['/api/collaboratives']).toMatchObject({ status: 503, retryAfter: '5' });
  expect(recoveredAt - restartedAt).toBeLessThan(RECOVER_WITHIN_MS);
  expect(after.filter((entry) => entry.outcome === 'unknown')).toEqual([]);
  expect(after.length).toBeGreaterThan(WRITERS);
  expect(writes.lost).toEqual([]);
  expect(forum.process.child.exitCode).toBeNull();
});
