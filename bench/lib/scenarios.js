// The benchmark's scenarios: the runner (bench/run.js) iterates this list, and the report
// and the results page (report.js, report-page.js) show whatever it produced. To add a
// scenario (digest building, suggested peers, uploads…), add an entry; see bench/README.md.
//
// An HTTP entry (`kind: 'http'`):
//   key       unique, names the result row (and its plot)
//   id        what `--only` selects (several entries may share one, as S1's two pages do)
//   name      the row's label in the tables
//   baseline  true when bench/baseline/server.js answers the same requests; false runs the
//             forum alone (no ratio and no ratio targets)
//   writes    true when requests change data: the forum then goes first in every round, and
//             the runner waits for its notifications worker after each forum run
//   openLoop  true to sweep it at fixed arrival rates as well (fractions of the baseline's
//             closed-loop throughput; of the forum's own when there is no baseline)
//   redis     true to run it against the forum with REDIS_URL as well
//   minRatio  the closed-loop target: forum req/s ÷ baseline req/s (omit for none)
//   setup(ctx) runs in the runner: returns { method, paths, people, bodies } or any JSON that
//             `request` understands, plus `people` (whose access tokens the runner signs into
//             `tokens`). ctx: { fx (bench/lib/fixtures.js), client (pg), base ('/api') }.
//   request(state, i) runs in the load generator's process (autocannon or the open-loop
//             sender), so it must be a pure function of the JSON state: it returns request i
//             as { method, path, headers, body }. Omit it to rotate through paths and tokens.
//
// A live entry (`kind: 'live'`): `run(ctx, server)` resolves to its figures, stored under
// `results.live[resultKey]` (and `${resultKey}Redis` for the REDIS_URL run when `redis`);
// see live-scenarios.js. The forum only: there is no socket baseline.
import { catchUp, fanOut } from './live-scenarios.js';
import { SEARCHES } from './vocabulary.js';

/** Request i takes the i-th path and the i-th person's token (writes from distinct people). */
export function rotating(state, i) {
  const headers = { authorization: `Bearer ${state.tokens[i % state.tokens.length]}` };
  let body;
  if (state.bodies) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ body: `${state.bodies[i % state.bodies.length]} (${i})` });
  }
  return { method: state.method ?? 'GET', path: state.paths[i % state.paths.length], headers, body };
}

const readers = (fx) => fx.people.slice(0, 1000);

export const SCENARIOS = [
  {
    key: 'S1',
    id: 'S1',
    kind: 'http',
    name: 'S1 threads of the busiest collaborative, first page',
    baseline: true,
    openLoop: true,
    redis: true,
    minRatio: 0.7,
    setup: ({ fx, base }) => ({
      method: 'GET',
      paths: [`${base}/collaboratives/${fx.busyCollaborativeId}/threads?limit=20`],
      people: readers(fx),
    }),
  },
  {
    key: 'S1-deep',
    id: 'S1',
    kind: 'http',
    name: 'S1 threads, deep cursor page (80 % down)',
    baseline: true,
    minRatio: 0.7,
    setup: ({ fx, base }) => ({
      method: 'GET',
      paths: [`${base}/collaboratives/${fx.busyCollaborativeId}/threads?limit=20&cursor=${fx.deepCursor}`],
      people: readers(fx),
    }),
  },
  {
    key: 'S2',
    id: 'S2',
    kind: 'http',
    name: 'S2 open a thread: thread, then its first 20 replies',
    baseline: true,
    openLoop: true,
    minRatio: 0.7,
    setup: ({ fx, base }) => ({
      method: 'GET',
      paths: fx.readThreads.flatMap((id) => [`${base}/threads/${id}`, `${base}/threads/${id}/replies?limit=20`]),
      people: readers(fx),
    }),
  },
  {
    key: 'S2-one',
    id: 'S2′',
    kind: 'http',
    name: 'S2′ open a thread in one request: thread with its first 20 replies (?include=replies)',
    baseline: true,
    openLoop: true,
    minRatio: 0.7,
    setup: ({ fx, base }) => ({
      method: 'GET',
      paths: fx.readThreads.map((id) => `${base}/threads/${id}?include=replies&limit=20`),
      people: readers(fx),
    }),
  },
  {
    key: 'S4',
    id: 'S4',
    kind: 'http',
    name: 'S4 full-text search',
    baseline: true,
    openLoop: true,
    minRatio: 0.7,
    setup: ({ base, fx }) => ({
      method: 'GET',
      paths: SEARCHES.map((q) => `${base}/search?q=${encodeURIComponent(q)}`),
      people: readers(fx),
    }),
  },
  {
    key: 'S3',
    id: 'S3',
    kind: 'http',
    name: 'S3 post a reply (distinct users)',
    baseline: true,
    writes: true,
    openLoop: true,
    minRatio: 0.6,
    setup: ({ fx, base }) => ({
      method: 'POST',
      paths: fx.replyThreads.map((id) => `${base}/threads/${id}/replies`),
      people: fx.people,
      bodies: ['A reply from the benchmark: we saw the same **waiting list** pressure and pooled our theatre lists.'],
    }),
  },
  {
    key: 'S5',
    id: 'S5',
    kind: 'live',
    name: 'S5 live fan-out',
    resultKey: 'fanout',
    redis: true,
    run: fanOut,
  },
  {
    key: 'S6',
    id: 'S6',
    kind: 'live',
    name: 'S6 catch-up',
    resultKey: 'catchUp',
    run: catchUp,
  },
];

export const scenarioByKey = (key) => SCENARIOS.find((scenario) => scenario.key === key);

/** Request i of a scenario, as the load generators call it. */
export const requestOf = (key, state, i) => (scenarioByKey(key)?.request ?? rotating)(state, i);
