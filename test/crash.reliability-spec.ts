import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';

import { checkAcknowledgedWrites, checkCounters, eventsSettled, visibleEventIds } from './reliability/consistency.js';
import { ForumUnderTest } from './reliability/forum-under-test.js';
import { askThreads, collaborativesBySlug, registerWriters, signInDemoAdmin } from './reliability/participants.js';
import { ResumingReader } from './reliability/resuming-reader.js';
import { type LoadContext, TODAY_WRITES, WriteLoad } from './reliability/write-load.js';
import { ids, isIncreasing } from './support/live-client.js';

/**
 * Twenty clients write while the server is SIGKILLed, twice: once the server alone (its
 * embedded PostgreSQL is orphaned and must be taken back), once the whole process group
 * (PostgreSQL recovers from its WAL). After each restart on the same data: every write
 * acknowledged with 2xx is there, every counter equals a recount, and a live client that
 * resumes with lastEventId has every event it may see, once, in order.
 */
const WRITERS = 20;
const LOAD_MS = Number(process.env.CRASH_LOAD_MS ?? 6000);
const FAULTS = ['SIGKILL of the server alone', 'SIGKILL of the server and PostgreSQL together'] as const;

const forum = new ForumUnderTest({ SEED_DEMO: 'true' });

beforeAll(async () => {
  ForumUnderTest.build();
  await forum.start();
}, 120_000);
afterAll(() => forum.dispose());

test('writes acknowledged before a SIGKILL are kept, counters stay exact, and a resuming client misses nothing', async () => {
  const admin = await signInDemoAdmin(forum.http);
  const collaboratives = await collaborativesBySlug(forum.http, admin.token);
  const threadIds = await askThreads(forum.http, admin.token, collaboratives.get('greater-manchester-acute')!, 5);
  const context: LoadContext = { forum, admin, collaboratives, threadIds };
  // The reader follows every collaborative, so every collaborative event is one it may see.
  for (const id of context.collaboratives.values())
    await forum.http.put(`/api/collaboratives/${id}/follow`, undefined, { token: admin.token });
  const writers = await registerWriters(forum.http, WRITERS);
  const reader = new ResumingReader(
    () => forum.http.baseUrl,
    () => admin.token,
  );
  await reader.connect();

  const load = new WriteLoad(context, writers, TODAY_WRITES);
  load.start();
  try {
    for (const fault of FAULTS) {
      await sleep(LOAD_MS);
      reader.close();
      if (fault === FAULTS[0]) await forum.killServer();
      else await forum.killEverything();
      await forum.start();
      await reader.connect();
    }
    await sleep(LOAD_MS);
  } finally {
    // Also when a restart fails: writers left looping would keep Jest from exiting.
    await load.stop();
  }

  const db = new pg.Client({ connectionString: forum.embeddedDatabaseUrl() });
  await db.connect();
  try {
    const writes = await checkAcknowledgedWrites(db, load.journal, TODAY_WRITES);
    const counters = await checkCounters(db);
    await eventsSettled(db);
    const expected = await visibleEventIds(db, admin.id);
    for (let waited = 0; reader.received.length < expected.length && waited < 20_000; waited += 200) await sleep(200);
    reader.close();

    console.log(
      JSON.stringify({
        faultsInjected: FAULTS.length,
        writers: WRITERS,
        writesSent: load.journal.length,
        writesAcknowledged: writes.acknowledged,
        acknowledgedWritesFound: writes.found,
        writesWithoutAnswer: load.count('unknown'),
        countersChecked: counters.columns,
        eventsDelivered: reader.received.length,
        eventsVisibleInDatabase: expected.length,
      }),
    );
    expect(writes.lost).toEqual([]);
    expect(writes.acknowledged).toBeGreaterThan(WRITERS * 5);
    expect(counters.mismatches).toEqual([]);
    expect(isIncreasing(ids(reader.received))).toBe(true);
    expect(reader.received.map((event) => event.id)).toEqual(expected);
  } finally {
    await db.end();
  }
});
