// `npm run bench -- --scale small|large [--reload] [--seconds 10] [--warmup 3] [--rounds 3] [--only S1,S5] [--profile] [--compare <rev>]`
// Loads the data (once per scale), then runs each scenario against the forum and the raw
// baseline in turn, one server at a time, and writes bench/results/<timestamp>.json and .md.
// With --compare, the forum as built at <rev> takes the baseline's place (HTTP scenarios only).
// On two cores one run of a scenario can differ from the next by a fifth, so each is run
// `--rounds` times, alternating forum and baseline, and the median round is reported.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { freePort } from '../dist/src/app/bench-entry.js';
import { buildRevision } from './lib/compare.js';
import { openBenchDatabase } from './lib/database.js';
import { fixtures, tokensFor, waitForQuiet } from './lib/fixtures.js';
import { loadData, SCALES } from './lib/load-data.js';
import { report } from './lib/report.js';
import { coreSets, load, runWorker, startServer } from './lib/servers.js';
import { answerShapes } from './lib/shape.js';
import { SEARCHES } from './lib/vocabulary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const scale = option('scale', 'small');
if (!SCALES[scale]) throw new Error(`--scale must be small or large, not ${scale}`);
const seconds = Number(option('seconds', '10'));
const warmupSeconds = Number(option('warmup', '3'));
const rounds = Number(option('rounds', '3'));
const compareRev = option('compare', undefined);
const only = option('only', compareRev ? 'S1,S2,S3,S4' : 'S1,S2,S3,S4,S5,S6').split(',');
if (compareRev && (only.includes('S5') || only.includes('S6'))) {
  throw new Error(
    '--compare runs the HTTP scenarios (S1 to S4) against both builds; S5 and S6 measure the forum alone, so run them without --compare',
  );
}
const connections = 32;

const log = (line) => process.stderr.write(`${line}\n`);
// The second server of each pair: the raw baseline, or with --compare the forum at <rev>.
const reference = compareRev ? buildRevision(root, compareRev, log) : null;
const sides = [
  { key: 'app', kind: 'app', root, profileName: 'app' },
  reference
    ? { key: 'baseline', kind: 'app', root: reference.root, profileName: `app-${reference.sha.slice(0, 7)}` }
    : { key: 'baseline', kind: 'baseline', root, profileName: 'baseline' },
];

const db = await openBenchDatabase(scale, root);
const client = new pg.Client({ connectionString: db.url });
const cores = coreSets();
const jwtSecret = randomBytes(48).toString('base64url');
const profileDir = args.includes('--profile') ? join(root, 'bench', 'results', 'profiles') : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const planDir = join(tmpdir(), `forum-bench-${process.pid}`);
mkdirSync(planDir, { recursive: true });
let plans = 0;
const planFile = (plan) => {
  const file = join(planDir, `plan-${plans++}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
};
/** The round with the median requests/s (its latencies with it), and every round's requests/s. */
const medianRound = (runs) => {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: runs.map((run) => Math.round(run.rps)) };
};

const results = {
  startedAt: new Date().toISOString(),
  scale,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    pinning: cores
      ? `server on core ${cores.server}, load generator on core ${cores.load}, PostgreSQL unpinned`
      : 'none (no taskset or one core)',
  },
  database: db.description,
  reference: reference ? { label: reference.label, sha: reference.sha } : { label: 'baseline' },
  settings: { connections, warmupSeconds, seconds, rounds },
  http: [],
  live: {},
};

try {
  results.data = await loadData(db.url, scale, { reload: args.includes('--reload') });
  await client.connect();
  const fx = await fixtures(client);
  // A port nobody listens on: a server left over from an interrupted run must never answer for ours.
  const port = await freePort();
  const serverOptions = { root, databaseUrl: db.url, jwtSecret, port, cores };
  const readers = fx.people.slice(0, 1000);
  const base = `/api`;
  const httpScenarios = [
    {
      id: 'S1',
      name: 'S1 threads of the busiest collaborative, first page',
      method: 'GET',
      paths: [`${base}/collaboratives/${fx.busyCollaborativeId}/threads?limit=20`],
      people: readers,
    },
    {
      id: 'S1',
      name: 'S1 threads, deep cursor page (80 % down)',
      method: 'GET',
      paths: [`${base}/collaboratives/${fx.busyCollaborativeId}/threads?limit=20&cursor=${fx.deepCursor}`],
      people: readers,
    },
    {
      id: 'S2',
      name: 'S2 open a thread: thread, then its first 20 replies',
      method: 'GET',
      paths: fx.readThreads.flatMap((id) => [`${base}/threads/${id}`, `${base}/threads/${id}/replies?limit=20`]),
      people: readers,
    },
    {
      id: 'S4',
      name: 'S4 full-text search',
      method: 'GET',
      paths: SEARCHES.map((q) => `${base}/search?q=${encodeURIComponent(q)}`),
      people: readers,
    },
    {
      id: 'S3',
      name: 'S3 post a reply (distinct users)',
      method: 'POST',
      paths: fx.replyThreads.map((id) => `${base}/threads/${id}/replies`),
      people: fx.people,
      bodies: ['A reply from the benchmark: we saw the same **waiting list** pressure and pooled our theatre lists.'],
    },
  ].filter((scenario) => only.includes(scenario.id));

  for (const scenario of httpScenarios) {
    const row = { name: scenario.name, id: scenario.id };
    const runs = { app: [], baseline: [] };
    const shapes = {};
    for (let round = 1; round <= rounds; round++) {
      // Reads swap which server goes first each round, so a machine that speeds up or slows down
      // during the run favours neither. S3 keeps the forum first: only the forum's start waits
      // for (and its worker writes) the notifications the previous run left, so the baseline
      // must follow a forum run, never its own.
      const swap = scenario.method === 'GET' && round % 2 === 0;
      for (const side of swap ? [...sides].reverse() : sides) {
        const server = await startServer(side.kind, {
          ...serverOptions,
          root: side.root,
          cpuProfileDir: profileDir,
          profileName: side.profileName,
        });
        try {
          if (side.kind === 'app') await waitForQuiet(client);
          if (round === 1 && scenario.method === 'GET')
            shapes[side.key] = await answerShapes(
              server.url,
              scenario.paths.slice(0, 2),
              tokensFor(scenario.people.slice(0, 1), jwtSecret)[0],
            );
          const loadBefore = load();
          log(
            `${scenario.name}: ${side.key === 'app' ? 'app' : results.reference.label}, round ${round} of ${rounds}…`,
          );
          const tokens = tokensFor(scenario.people, jwtSecret);
          const [cpuBefore, startedAt] = [server.cpu(), performance.now()];
          const figures = await runWorker(
            root,
            cores,
            'cannon-worker.js',
            planFile({
              url: server.url,
              connections,
              warmupSeconds,
              seconds,
              method: scenario.method,
              paths: scenario.paths,
              tokens,
              bodies: scenario.bodies,
            }),
          );
          // How busy the server kept its core (warm-up and measured run): under 100 % means something else limited it.
          const cpuPercent =
            cpuBefore === null
              ? null
              : Math.round(((server.cpu() - cpuBefore) / ((performance.now() - startedAt) / 1000)) * 100);
          runs[side.key].push({ ...figures, cpuPercent, rssMiB: server.rss(), loadBefore, loadAfter: load() });
          log(
            `  ${Math.round(figures.rps)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, non-2xx ${figures.non2xx}, server CPU ${cpuPercent} %`,
          );
          if (side.kind === 'app' && scenario.id === 'S3') await waitForQuiet(client);
        } finally {
          await server.stop();
        }
      }
      if (shapes.app !== shapes.baseline) {
        const difference = `${scenario.name}: the two servers answer different JSON.\nthis tree: ${shapes.app}\n${results.reference.label}: ${shapes.baseline}`;
        // Against the baseline the figures would not compare; between two builds the answer may have changed on purpose.
        if (!reference) throw new Error(`${difference}\nSo their figures would not compare.`);
        if (round === 1) log(`Note: ${difference}`);
        row.shapesDiffer = true;
      }
    }
    for (const kind of ['app', 'baseline']) row[kind] = medianRound(runs[kind]);
    row.ratio = row.baseline.rps > 0 ? Math.round((row.app.rps / row.baseline.rps) * 100) / 100 : null;
    // Each round's own ratio: its two runs were made minutes apart, so drift between rounds cancels out of it.
    row.roundRatios = runs.app.map((app, i) =>
      runs.baseline[i].rps > 0 ? Math.round((app.rps / runs.baseline[i].rps) * 100) / 100 : null,
    );
    // The same ratio per second of server CPU: what each request costs the server, whatever else limited the run.
    const perCpu = (figures) => (figures.cpuPercent ? figures.rps / figures.cpuPercent : null);
    row.cpuRatio =
      perCpu(row.app) && perCpu(row.baseline) ? Math.round((perCpu(row.app) / perCpu(row.baseline)) * 100) / 100 : null;
    results.http.push(row);
  }

  if (only.includes('S5') || only.includes('S6')) {
    // Notifications left unwritten when a server stopped (workers stop mid-backlog: S3's, or
    // an earlier run's S5) are written by a server of their own, so the live scenarios
    // measure sockets, not that backlog.
    const drainer = await startServer('app', serverOptions);
    await waitForQuiet(client).finally(() => drainer.stop());
    const server = await startServer('app', { ...serverOptions, cpuProfileDir: profileDir });
    try {
      await waitForQuiet(client);
      const followers = fx.people.filter((person) => person.follows_busy);
      const poster = fx.people.find((person) => person.role === 'member');
      const socketsOf = (count) => Array.from({ length: count }, (_, i) => followers[i % followers.length]);
      if (only.includes('S5')) {
        log(`S5 live fan-out: 2,000 sockets, 20 threads…`);
        const people = socketsOf(2000);
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
        results.live.fanout = {
          ...figures,
          distinctUsers: new Set(people.map((p) => p.id)).size,
          loadBefore,
          loadAfter: load(),
        };
        log(
          `  p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms, lost ${figures.lost}, RSS ${figures.rssConnectedMiB}/${figures.rssPeakMiB} MiB`,
        );
      }
      if (only.includes('S6')) {
        // 100 fresh events in the busy collaborative (replies from many people), so the last
        // 100 events are mostly ones every follower may see, then 1,000 sockets reconnect.
        await waitForQuiet(client);
        const tokens = tokensFor(fx.people.slice(0, 100), jwtSecret);
        for (let i = 0; i < 100; i++) {
          const response = await fetch(
            `${server.url}/api/threads/${fx.replyThreads[i % fx.replyThreads.length]}/replies`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
              body: JSON.stringify({ body: `Catch-up benchmark reply ${i}` }),
            },
          );
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
        const people = socketsOf(1000);
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
        results.live.catchUp = { ...figures, loadBefore, loadAfter: load() };
        log(
          `  all caught up in ${figures.allCaughtUpMs} ms (p50 ${figures.p50}, p99 ${figures.p99}), ${figures.eventsReplayedMean} events each, ${figures.notCaughtUp} not caught up`,
        );
      }
    } finally {
      await server.stop();
    }
  }
  results.finishedAt = new Date().toISOString();
  results.complete = only.length === 6 && !profileDir && !reference;
  const { markdown, files } = report(root, results);
  process.stdout.write(`\n${markdown}\n`);
  log(`Written: ${files.join(', ')}`);
} finally {
  await client.end().catch(() => undefined);
  await db.close();
}
