// The open-loop part of an HTTP scenario: each server in turn, started afresh, receives the
// scenario's requests at fixed arrival rates (fractions of the baseline's closed-loop req/s
// measured just before in the same run), so forum and baseline are compared at the same
// offered load, with latency from each request's intended send time (open-loop-worker.js).
import { waitForQuiet } from './fixtures.js';
import { load, runWorker, startServer } from './servers.js';

/**
 * `capacity`: the req/s the fractions apply to. Returns { fractions, rates, basis, capacity,
 * [side.key]: steps } where each step is open-loop.js's figures at one rate.
 */
export async function runOpenSweep(ctx, scenario, state, sides, { capacity, basis }) {
  const { client, serverOptions, settings, planFile, log, root, cores } = ctx;
  const open = settings.openLoop;
  const rates = open.fractions.map((fraction) => Math.max(1, Math.round(capacity * fraction)));
  const result = { fractions: open.fractions, rates, basis, capacity: Math.round(capacity) };
  for (const side of sides) {
    const server = await startServer(side.kind, { ...serverOptions, root: side.root, env: side.env });
    try {
      if (side.kind === 'app') await waitForQuiet(client);
      log(`${scenario.name}: ${side.label}, open loop at ${rates.join(', ')} req/s…`);
      const loadBefore = load();
      const steps = await runWorker(
        root,
        cores,
        'open-loop-worker.js',
        planFile({
          url: server.url,
          key: scenario.key,
          state,
          rates,
          warmupSeconds: open.warmupSeconds,
          stepWarmupSeconds: open.stepWarmupSeconds,
          seconds: open.seconds,
          lateMs: open.lateMs,
        }),
      );
      result[side.key] = steps;
      result[`${side.key}Load`] = { before: loadBefore, after: load() };
      for (const step of steps)
        log(
          `  ${step.rate} req/s: p50 ${step.p50} ms, p99 ${step.p99} ms, p99.9 ${step.p99_9} ms, late ${step.late}, failed ${step.failed} of ${step.sent}`,
        );
      if (side.kind === 'app' && scenario.writes) await waitForQuiet(client);
    } finally {
      await server.stop();
    }
  }
  return result;
}
