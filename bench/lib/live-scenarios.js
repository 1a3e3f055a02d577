// S5 and S6, the socket scenarios (the forum only: the baseline has no socket layer). Each
// takes the runner's context and a running forum, drives live-worker.js on the load core,
// and resolves to its figures.
import { tokensFor, waitForQuiet } from './fixtures.js';
import { load, runWorker } from './servers.js';

const followersOf = (fx) => fx.people.filter((person) => person.follows_busy);
const socketsOf = (fx, count) => {
  const followers = followersOf(fx);
  return Array.from({ length: count }, (_, i) => followers[i % followers.length]);
};

/** S5: 2,000 sockets follow the busiest collaborative; 20 threads are posted 250 ms apart. */
export async function fanOut({ root, cores, fx, jwtSecret, planFile, log }, server) {
  log(`S5 live fan-out: 2,000 sockets, 20 threads…`);
  const people = socketsOf(fx, 2000);
  const poster = fx.people.find((person) => person.role === 'member');
  const loadBefore = load();
  const figures = await runWorker(
    root,
    cores,
    'live-worker.js',
    planFile({
      mode: 'fanout',
      url: server.url,
      serverPid: server.pid,
      tokens: tokensFor(people, jwtSecret),
      posterToken: tokensFor([poster], jwtSecret)[0],
      collaborativeId: fx.busyCollaborativeId,
      threads: 20,
      intervalMs: 250,
    }),
  );
  log(
    `  p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms, lost ${figures.lost}, RSS ${figures.rssConnectedMiB}/${figures.rssPeakMiB} MiB`,
  );
  return { ...figures, distinctUsers: new Set(people.map((p) => p.id)).size, loadBefore, loadAfter: load() };
}

/**
 * S6: 100 fresh events in the busy collaborative (replies from many people), so the last
 * 100 events are mostly ones every follower may see, then 1,000 sockets reconnect at once
 * with a lastEventId that far back.
 */
export async function catchUp({ root, cores, client, fx, jwtSecret, planFile, log }, server) {
  await waitForQuiet(client);
  const tokens = tokensFor(fx.people.slice(0, 100), jwtSecret);
  for (let i = 0; i < 100; i++) {
    const response = await fetch(`${server.url}/api/threads/${fx.replyThreads[i % fx.replyThreads.length]}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Catch-up benchmark reply ${i}` }),
    });
    if (response.status !== 201) throw new Error(`reply answered ${response.status}`);
  }
  await waitForQuiet(client);
  // 100 events back as a follower sees the stream: the 101st newest event of the busy
  // collaborative (the people's own notifications in between come on top).
  const {
    rows: [back],
  } = await client.query(
    `SELECT e.id::text AS id FROM events e WHERE e.collaborative_id = $1 AND e.user_id IS NULL ORDER BY e.id DESC OFFSET 100 LIMIT 1`,
    [fx.busyCollaborativeId],
  );
  const lastEventId = back.id;
  const people = socketsOf(fx, 1000);
  const { rows: expected } = await client.query(
    `SELECT u.id, coalesce(max(e.id), $2::bigint)::text AS last FROM unnest($1::uuid[]) u(id)
       LEFT JOIN events e ON e.id > $2::bigint AND (e.user_id = u.id OR (e.user_id IS NULL AND e.collaborative_id IN (SELECT f.collaborative_id FROM collaborative_follows f WHERE f.user_id = u.id)))
      GROUP BY u.id`,
    [[...new Set(people.map((p) => p.id))], lastEventId],
  );
  const lastOf = new Map(expected.map((row) => [row.id, row.last]));
  log(`S6 catch-up: 1,000 sockets from event ${lastEventId} (100 events of the collaborative back)…`);
  const loadBefore = load();
  const figures = await runWorker(
    root,
    cores,
    'live-worker.js',
    planFile({
      mode: 'catchup',
      url: server.url,
      tokens: tokensFor(people, jwtSecret),
      lastEventId,
      expectedLast: people.map((p) => lastOf.get(p.id)),
    }),
  );
  log(
    `  all caught up in ${figures.allCaughtUpMs} ms (p50 ${figures.p50}, p99 ${figures.p99}), ${figures.eventsReplayedMean} events each, ${figures.notCaughtUp} not caught up`,
  );
  return { ...figures, loadBefore, loadAfter: load() };
}
