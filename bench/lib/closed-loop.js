// The closed-loop part of an HTTP scenario: autocannon's 32 connections, each sending its next
// request when the last one answers, for `rounds` rounds per server, servers alternating. It
// measures capacity (req/s); its latencies hide stalls (see open-loop.js), so latency targets
// are judged on the open-loop sweep instead.
import { waitForQuiet } from './fixtures.js';
import { requestOf } from './scenarios.js';
import { load, runWorker, startServer } from './servers.js';
import { answerShapes } from './shape.js';

/** The round with the median requests/s (its latencies with it), and every round's requests/s. */
const medianRound = (runs) => {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: runs.map((run) => Math.round(run.rps)) };
};

/** The order of the servers in round `round` (1-based). */
function orderFor(scenario, sides, round) {
  // S3 and other writes keep the forum first: only the forum's start waits for (and its worker
  // writes) the notifications the previous run left, so the baseline must follow a forum run.
  if (scenario.writes) return sides;
  // Reads rotate which server goes first each round, so a machine that speeds up or slows
  // down during the run favours none of them.
  const shift = (round - 1) % sides.length;
  return [...sides.slice(shift), ...sides.slice(0, shift)];
}

/**
 * Runs one scenario's closed-loop rounds on every side. `state` is the scenario's setup with
 * `tokens`; `sides`: [{ key, kind, root, profileName, env, label }]. Returns the result row's
 * figures: the median round per side, ratios, and whether the answers' shapes differ.
 */
export async function runClosedLoop(ctx, scenario, state, sides) {
  const { client, serverOptions, profileDir, settings, planFile, log, root, cores } = ctx;
  const runs = Object.fromEntries(sides.map((side) => [side.key, []]));
  const shapes = {};
  const row = {};
  for (let round = 1; round <= settings.rounds; round++) {
    for (const side of orderFor(scenario, sides, round)) {
      const server = await startServer(side.kind, {
        ...serverOptions,
        root: side.root,
        env: side.env,
        cpuProfileDir: profileDir,
        profileName: side.profileName,
      });
      try {
        if (side.kind === 'app') await waitForQuiet(client);
        if (round === 1 && !scenario.writes)
          shapes[side.key] = await answerShapes(
            server.url,
            [0, 1].map((i) => requestOf(scenario.key, state, i).path),
            state.tokens[0],
          );
        const loadBefore = load();
        log(`${scenario.name}: ${side.label}, round ${round} of ${settings.rounds}…`);
        const [cpuBefore, startedAt] = [server.cpu(), performance.now()];
        const figures = await runWorker(
          root,
          cores,
          'cannon-worker.js',
          planFile({
            url: server.url,
            connections: settings.connections,
            warmupSeconds: settings.warmupSeconds,
            seconds: settings.seconds,
            key: scenario.key,
            state,
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
        if (side.kind === 'app' && scenario.writes) await waitForQuiet(client);
      } finally {
        await server.stop();
      }
    }
    for (const side of sides.slice(1)) {
      if (round !== 1 || scenario.writes || shapes[side.key] === shapes.app) continue;
      const difference = `${scenario.name}: the two servers answer different JSON.\nthis tree: ${shapes.app}\n${side.label}: ${shapes[side.key]}`;
      // Against the baseline the figures would not compare; between two builds the answer may have changed on purpose.
      if (side.kind === 'baseline' || side.key === 'redis')
        throw new Error(`${difference}\nSo their figures would not compare.`);
      log(`Note: ${difference}`);
      row.shapesDiffer = true;
    }
  }
  for (const side of sides) row[side.key] = medianRound(runs[side.key]);
  if (row.baseline) {
    row.ratio = row.baseline.rps > 0 ? Math.round((row.app.rps / row.baseline.rps) * 100) / 100 : null;
    // Each round's own ratio: its two runs were made minutes apart, so drift between rounds cancels out of it.
    row.roundRatios = runs.app.map((app, i) =>
      runs.baseline[i].rps > 0 ? Math.round((app.rps / runs.baseline[i].rps) * 100) / 100 : null,
    );
    // The same ratio per second of server CPU: what each request costs the server, whatever else limited the run.
    const perCpu = (figures) => (figures.cpuPercent ? figures.rps / figures.cpuPercent : null);
    row.cpuRatio =
      perCpu(row.app) && perCpu(row.baseline) ? Math.round((perCpu(row.app) / perCpu(row.baseline)) * 100) / 100 : null;
  }
  return row;
}
