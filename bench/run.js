// `npm run bench -- --scale small|large [--reload] [--seconds 10] [--warmup 3] [--rounds 3] [--only S1,S5] [--profile] [--compare <rev>]`
//   open loop: [--open-seconds 8] [--open-warmup 3] [--open-step-warmup 1] [--fractions 0.25,0.5,0.7,0.85] [--late-ms 10] [--no-open]
//   Redis:     [--redis-url redis://127.0.0.1:6379/5] [--no-redis]
//   short:     [--quick] (short durations, one round: to try the runner, never the latest figures) [--estimate] (print the duration and stop)
// Loads the data (once per scale), then runs each scenario of bench/lib/scenarios.js against
// the forum and the raw baseline in turn, one server at a time: closed-loop rounds
// (closed-loop.js), then an open-loop sweep at fractions of the baseline's capacity
// (open-sweep.js); scenarios marked `redis` also run against the forum with REDIS_URL. Writes
// bench/results/<timestamp>.json and .md, and regenerates docs/performance-results.md.
// With --compare, the forum as built at <rev> takes the baseline's place (HTTP scenarios only).
// On two cores one run of a scenario can differ from the next by a fifth, so each is run
// `--rounds` times, alternating the servers, and the median round is reported.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Redis } from 'ioredis';
import pg from 'pg';

import { freePort } from '../dist/src/app/bench-entry.js';
import { runClosedLoop } from './lib/closed-loop.js';
import { buildRevision } from './lib/compare.js';
import { openBenchDatabase } from './lib/database.js';
import { estimateSeconds } from './lib/estimate.js';
import { fixtures, tokensFor, waitForQuiet } from './lib/fixtures.js';
import { gitState } from './lib/git-state.js';
import { loadData, SCALES } from './lib/load-data.js';
import { runOpenSweep } from './lib/open-sweep.js';
import { report } from './lib/report.js';
import { latestResultFiles, writeResultsPage } from './lib/report-page.js';
import { SCENARIOS } from './lib/scenarios.js';
import { coreSets, startServer } from './lib/servers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const flag = (name) => args.includes(`--${name}`);
const scale = option('scale', 'small');
if (!SCALES[scale]) throw new Error(`--scale must be small or large, not ${scale}`);
// --quick: every duration short and one round, to try the runner end to end in a few minutes.
const quick = flag('quick');
const seconds = Number(option('seconds', quick ? '3' : '10'));
const warmupSeconds = Number(option('warmup', quick ? '1' : '3'));
const rounds = Number(option('rounds', quick ? '1' : '3'));
const compareRev = option('compare', undefined);
const allIds = [...new Set(SCENARIOS.map((scenario) => scenario.id))];
const httpIds = [...new Set(SCENARIOS.filter((s) => s.kind === 'http').map((scenario) => scenario.id))];
const only = option('only', (compareRev ? httpIds : allIds).join(',')).split(',');
if (compareRev && SCENARIOS.some((s) => s.kind === 'live' && only.includes(s.id))) {
  throw new Error(
    '--compare runs the HTTP scenarios against both builds; the live ones measure the forum alone, so run them without --compare',
  );
}
const openLoop = flag('no-open')
  ? null
  : {
      fractions: option('fractions', '0.25,0.5,0.7,0.85').split(',').map(Number),
      seconds: Number(option('open-seconds', quick ? '2' : '8')),
      warmupSeconds: Number(option('open-warmup', quick ? '1' : '3')),
      stepWarmupSeconds: Number(option('open-step-warmup', quick ? '0.5' : '1')),
      lateMs: Number(option('late-ms', '10')),
    };
// The forum as users run it: limits counted in Redis and socket.io's Redis adapter. Database 5
// by default, which no test uses; the forum's throttle keys are scoped by database name too.
const redisUrl = flag('no-redis') || compareRev ? null : option('redis-url', 'redis://127.0.0.1:6379/5');
const settings = { connections: 32, warmupSeconds, seconds, rounds, openLoop };

const log = (line) => process.stderr.write(`${line}\n`);
const scenarios = SCENARIOS.filter((scenario) => only.includes(scenario.id) || only.includes(scenario.key));
const sidesOf = (scenario, redisReady) => ({
  closedSides: scenario.kind === 'live' ? 1 + (scenario.redis && redisReady ? 1 : 0) : 0,
});
const planOf = (scenario, redisReady) => {
  if (scenario.kind === 'live') return { scenario, ...sidesOf(scenario, redisReady), openSides: 0 };
  const count = 1 + (scenario.baseline || compareRev ? 1 : 0) + (scenario.redis && redisReady ? 1 : 0);
  return { scenario, closedSides: count, openSides: scenario.openLoop && openLoop ? count : 0 };
};
const estimate = (redisReady) =>
  estimateSeconds(
    settings,
    scenarios.map((scenario) => planOf(scenario, redisReady)),
  );
if (flag('estimate')) {
  const total = estimate(Boolean(redisUrl));
  process.stdout.write(
    `Estimated duration of the scenarios: ${Math.floor(total / 60)} min ${total % 60} s (data already loaded, build done).\n`,
  );
  process.exit(0);
}

// The second server of each pair: the raw baseline, or with --compare the forum at <rev>.
const reference = compareRev ? buildRevision(root, compareRev, log) : null;
const referenceSide = reference
  ? {
      key: 'baseline',
      kind: 'app',
      root: reference.root,
      profileName: `app-${reference.sha.slice(0, 7)}`,
      label: reference.label,
    }
  : { key: 'baseline', kind: 'baseline', root, profileName: 'baseline', label: 'baseline' };
const appSide = { key: 'app', kind: 'app', root, profileName: 'app', label: 'app' };
const redisSide = {
  key: 'redis',
  kind: 'app',
  root,
  profileName: 'app-redis',
  label: 'app, REDIS_URL',
  env: { REDIS_URL: redisUrl },
};

/** Whether Redis answers at the given URL; without it the Redis runs are left out, and the run says so. */
async function redisReachable(url) {
  if (!url) return false;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const db = await openBenchDatabase(scale, root);
const client = new pg.Client({ connectionString: db.url });
const cores = coreSets();
const jwtSecret = randomBytes(48).toString('base64url');
const profileDir = flag('profile') ? join(root, 'bench', 'results', 'profiles') : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const planDir = join(tmpdir(), `forum-bench-${process.pid}`);
mkdirSync(planDir, { recursive: true });
let plans = 0;
const planFile = (plan) => {
  const file = join(planDir, `plan-${plans++}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
};

const redisReady = await redisReachable(redisUrl);
if (redisUrl && !redisReady) log(`Redis does not answer at ${redisUrl}: the REDIS_URL runs are left out.`);
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
  git: gitState(root),
  database: db.description,
  reference: reference ? { label: reference.label, sha: reference.sha } : { label: 'baseline' },
  redis: redisReady ? { url: redisUrl } : null,
  settings,
  quick,
  http: [],
  live: {},
};
const total = estimate(redisReady);
log(`Estimated duration once the data is loaded: ${Math.floor(total / 60)} min ${total % 60} s.`);

try {
  results.data = await loadData(db.url, scale, { reload: flag('reload') });
  await client.connect();
  const fx = await fixtures(client);
  // A port nobody listens on: a server left over from an interrupted run must never answer for ours.
  const port = await freePort();
  const serverOptions = { root, databaseUrl: db.url, jwtSecret, port, cores };
  const ctx = { root, cores, client, fx, jwtSecret, serverOptions, profileDir, settings, planFile, log, base: '/api' };

  for (const scenario of scenarios.filter((s) => s.kind === 'http')) {
    const { people, ...setup } = await scenario.setup(ctx);
    const state = { ...setup, tokens: tokensFor(people, jwtSecret) };
    const sides = [
      appSide,
      ...(scenario.redis && redisReady ? [redisSide] : []),
      ...(scenario.baseline || reference ? [referenceSide] : []),
    ];
    const row = {
      key: scenario.key,
      id: scenario.id,
      name: scenario.name,
      minRatio: scenario.minRatio,
      ...(await runClosedLoop(ctx, scenario, state, sides)),
    };
    if (scenario.openLoop && openLoop) {
      // The same offered load for every server: fractions of the baseline's capacity in this
      // run (of the forum's own when the scenario has no baseline).
      const basis = row.baseline ? 'baseline' : 'app';
      row.openLoop = await runOpenSweep(ctx, scenario, state, sides, { capacity: row[basis].rps, basis });
    }
    results.http.push(row);
  }

  const live = scenarios.filter((s) => s.kind === 'live');
  if (live.length) {
    // Notifications left unwritten when a server stopped (workers stop mid-backlog: S3's, or
    // an earlier run's S5) are written by a server of their own, so the live scenarios
    // measure sockets, not that backlog.
    const variants = [{ suffix: '', env: {}, scenarios: live }];
    if (redisReady)
      variants.push({ suffix: 'Redis', env: { REDIS_URL: redisUrl }, scenarios: live.filter((s) => s.redis) });
    for (const variant of variants.filter((v) => v.scenarios.length)) {
      const drainer = await startServer('app', serverOptions);
      await waitForQuiet(client).finally(() => drainer.stop());
      const server = await startServer('app', { ...serverOptions, env: variant.env, cpuProfileDir: profileDir });
      try {
        await waitForQuiet(client);
        if (variant.suffix) log(`With REDIS_URL=${redisUrl}:`);
        for (const scenario of variant.scenarios)
          results.live[`${scenario.resultKey}${variant.suffix}`] = await scenario.run(ctx, server);
      } finally {
        await server.stop();
      }
    }
  }
  results.finishedAt = new Date().toISOString();
  // Only a run of every scenario, at full length, unprofiled and against the baseline becomes the latest figures.
  results.complete = allIds.every((id) => only.includes(id)) && !profileDir && !reference && !quick;
  const { markdown, files } = report(root, results);
  process.stdout.write(`\n${markdown}\n`);
  log(`Written: ${files.join(', ')}`);
  const page = writeResultsPage({
    files: latestResultFiles(root),
    out: join(root, 'docs', 'performance-results.md'),
    svgDir: join(root, 'bench', 'results'),
  });
  log(`Regenerated: ${page.join(', ')}`);
} finally {
  await client.end().catch(() => undefined);
  await db.close();
}
