// How long a run will take, from its settings and scenarios, printed before it starts (and
// alone with --estimate), so durations can be chosen to keep a run within its budget.
// The overheads are rough figures from short runs on the 2-core VMs: starting a server and
// waiting for the forum's notifications worker to be idle, stopping it, the load worker's
// start; the live scenarios' own duration (sockets connecting, posts, catch-up).
const SERVER_OVERHEAD_S = 6;
const WRITES_DRAIN_S = 10;
const FANOUT_S = 20;
const CATCH_UP_S = 25;

/** Estimated seconds for the HTTP and live scenarios given (each with its sides). */
export function estimateSeconds(settings, plans) {
  const { rounds, warmupSeconds, seconds, openLoop } = settings;
  let total = 0;
  for (const { scenario, closedSides, openSides } of plans) {
    if (scenario.kind === 'http') {
      total += rounds * closedSides * (SERVER_OVERHEAD_S + warmupSeconds + seconds);
      if (scenario.writes) total += rounds * WRITES_DRAIN_S;
      if (openSides > 0) {
        const steps = openLoop.fractions.length * (openLoop.stepWarmupSeconds + openLoop.seconds);
        total += openSides * (SERVER_OVERHEAD_S + openLoop.warmupSeconds + steps);
        if (scenario.writes) total += WRITES_DRAIN_S;
      }
    } else {
      // One forum start per live variant (plain, Redis) plus the drainer before them.
      total += closedSides * (2 * SERVER_OVERHEAD_S + (scenario.key === 'S5' ? FANOUT_S : CATCH_UP_S));
    }
  }
  return Math.round(total);
}
