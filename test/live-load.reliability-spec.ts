import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, expect, test } from '@jest/globals';
import pg from 'pg';

import { eventsSettled, visibleEventIds } from './reliability/consistency.js';
import { ForumUnderTest } from './reliability/forum-under-test.js';
import { askThreads, registerWriters, signInDemoAdmin } from './reliability/participants.js';
import { ResumingReader } from './reliability/resuming-reader.js';
import { type LoadContext, REPLIES, WriteLoad } from './reliability/write-load.js';
import { succeeded } from './support/http.js';
import { ids, isIncreasing } from './support/live-client.js';

/**
 * Live delivery under load: 500 sockets (100 people, five tabs each) spread over ten
 * collaboratives, three of them members-only; 50 writers reply for a minute; 50 sockets
 * drop and come back with their lastEventId meanwhile. Every socket must end with exactly
 * the events its person may see (the server's rule restated in SQL), each once, in order.
 */
const PEOPLE = Number(process.env.LIVE_LOAD_PEOPLE ?? 100);
const TABS = 5;
const WRITERS = Number(process.env.LIVE_LOAD_WRITERS ?? 50);
const LOAD_MS = Number(process.env.LIVE_LOAD_MS ?? 60_000);
const DROPS = Number(process.env.LIVE_LOAD_DROPS ?? 50);
const COLLABORATIVES = 10;
const MEMBERS_ONLY = 3;

const forum = new ForumUnderTest({ SEED_DEMO: 'true' });

beforeAll(async () => {
  ForumUnderTest.build();
  await forum.start();
}, 120_000);
afterAll(() => forum.dispose());

test('every socket gets exactly what its person may see, once and in order, through load and reconnections', async () => {
  const { http } = forum;
  const admin = await signInDemoAdmin(http);
  const asAdmin = { token: admin.token };
  const places: Array<{ id: string; membersOnly: boolean }> = [];
  for (let index = 0; index < COLLABORATIVES; index++) {
    const membersOnly = index < MEMBERS_ONLY;
    const created = await succeeded(
      http.post(
        '/api/collaboratives',
        { name: `Load ${index} ${Date.now()}`, type: 'horizontal', visibility: membersOnly ? 'members' : 'public' },
        asAdmin,
      ),
      'create',
    );
    places.push({ id: created.id, membersOnly });
  }
  const writers = await registerWriters(http, WRITERS);
  const people = await registerWriters(http, PEOPLE);
  const membersOnly = places.filter((place) => place.membersOnly);
  // Writers and the asking admin belong everywhere; even-numbered people join the members-only ones they follow.
  for (const place of membersOnly) {
    for (const member of [admin, ...writers])
      await succeeded(
        http.post(`/api/collaboratives/${place.id}/members`, { userId: member.id }, asAdmin),
        'add member',
      );
  }
  const threadIds: string[] = [];
  for (const place of places) threadIds.push(...(await askThreads(http, admin.token, place.id, 2)));

  let refusedFollows = 0;
  for (const [index, person] of people.entries()) {
    for (const place of [
      places[index % COLLABORATIVES]!,
      places[(index + 3) % COLLABORATIVES]!,
      places[(index + 6) % COLLABORATIVES]!,
    ]) {
      if (place.membersOnly && index % 2 === 0)
        await succeeded(
          http.post(`/api/collaboratives/${place.id}/members`, { userId: person.id }, asAdmin),
          'add member',
        );
      const follow = await http.put(`/api/collaboratives/${place.id}/follow`, undefined, { token: person.token });
      if (follow.status === 403) refusedFollows++;
      else if (follow.status >= 300) throw new Error(`follow: ${follow.status} ${follow.text}`);
    }
  }

  const db = new pg.Client({ connectionString: forum.embeddedDatabaseUrl() });
  await db.connect();
  try {
    const [{ id: startId }] = (await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM events'))
      .rows as [{ id: string }];
    const sockets = people.flatMap((person) =>
      Array.from({ length: TABS }, () => ({
        person,
        dropped: false,
        reader: new ResumingReader(
          () => http.baseUrl,
          () => person.token,
          startId,
        ),
      })),
    );
    for (let index = 0; index < sockets.length; index += 50)
      await Promise.all(sockets.slice(index, index + 50).map(({ reader }) => reader.connect()));

    // Outsiders asking for a members-only room are refused, so they cannot listen in that way either.
    // Person 1 (odd) joined no members-only collaborative.
    const secretRoom = await sockets[TABS]!.reader.live!.request('subscribe', { collaborativeId: membersOnly[0]!.id });

    const context: LoadContext = { forum, admin, collaboratives: new Map(), threadIds };
    const load = new WriteLoad(context, writers, [REPLIES]);
    let reconnections = 0;
    load.start();
    try {
      const dropEvery = LOAD_MS / (DROPS + 1);
      for (let drop = 0; drop < DROPS; drop++) {
        await sleep(dropEvery);
        const socket = sockets[(drop * 37) % sockets.length]!;
        const { reader } = socket;
        socket.dropped = true;
        reader.close();
        void sleep(200 + (drop % 5) * 300).then(() => reader.connect().then(() => reconnections++));
      }
      await sleep(dropEvery);
    } finally {
      await load.stop();
    }

    // Let notifications and the relay settle: the events table stops growing (for at most two minutes).
    await eventsSettled(db, 120_000);
    const expectedByPerson = new Map<string, string[]>();
    for (const person of people) expectedByPerson.set(person.id, await visibleEventIds(db, person.id, startId));
    const complete = () =>
      sockets.every(({ person, reader }) => reader.received.length >= expectedByPerson.get(person.id)!.length);
    for (let waited = 0; !complete() && waited < 60_000; waited += 500) await sleep(500);
    for (const { reader } of sockets) reader.close();

    const wrong = sockets.filter(
      ({ person, reader }) =>
        JSON.stringify(reader.received.map((event) => event.id)) !== JSON.stringify(expectedByPerson.get(person.id)),
    );
    const delivered = sockets.reduce((sum, { reader }) => sum + reader.received.length, 0);
    console.log(
      JSON.stringify({
        sockets: sockets.length,
        collaboratives: COLLABORATIVES,
        writers: WRITERS,
        repliesAcknowledged: load.count('acked'),
        replyStatuses: load.journal.reduce<Record<string, number>>(
          (counts, entry) => ({ ...counts, [String(entry.status)]: (counts[String(entry.status)] ?? 0) + 1 }),
          {},
        ),
        slowestReplyMs: Math.max(...load.journal.map((entry) => entry.ms)),
        socketsDroppedAndResumed: reconnections,
        followsRefusedToOutsiders: refusedFollows,
        eventsDelivered: delivered,
        socketsWithWrongEvents: wrong.length,
      }),
    );
    expect(secretRoom).toMatchObject({ ok: false });
    expect(refusedFollows).toBeGreaterThan(0);
    expect(reconnections).toBe(DROPS);
    expect(load.count('acked')).toBeGreaterThan(WRITERS);
    expect(load.count('unknown')).toBe(0);
    expect(sockets.every(({ reader }) => isIncreasing(ids(reader.received)))).toBe(true);
    expect(
      wrong.map(({ person, reader, dropped }) => ({
        person: person.id,
        dropped,
        got: reader.received.length,
        expected: expectedByPerson.get(person.id)!.length,
      })),
    ).toEqual([]);
  } finally {
    await db.end();
  }
});
