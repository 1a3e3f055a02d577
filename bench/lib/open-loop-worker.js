// Runs one server's open-loop sweep on the load core and prints its figures as JSON.
// argv[2]: a JSON file { url, key, state, rates, warmupSeconds, stepWarmupSeconds, seconds, lateMs }.
// First a warm-up at the lower middle rate (the server has just started and its code is cold),
// then each rate in turn, lowest first, each with a short warm-up of its own; between rates
// it waits for every answer, so one rate's backlog is not charged to the next.
import { readFileSync } from 'node:fs';

import { openLoop, openLoopAgent } from './open-loop.js';
import { requestOf } from './scenarios.js';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = openLoopAgent();
let offset = 0;
// Every run continues the request numbering, so writes keep coming from new people and paths.
const runAt = async (rate, warmupSeconds, seconds) => {
  const start = offset;
  const figures = await openLoop({
    url: plan.url,
    rate,
    warmupSeconds,
    seconds,
    lateMs: plan.lateMs,
    agent,
    makeRequest: (i) => requestOf(plan.key, plan.state, start + i),
  });
  offset += Math.round(rate * (warmupSeconds + seconds));
  return figures;
};

if (plan.warmupSeconds > 0) {
  const middle = plan.rates[Math.floor((plan.rates.length - 1) / 2)];
  await runAt(middle, 0, plan.warmupSeconds);
}
const steps = [];
for (const rate of plan.rates) steps.push(await runAt(rate, plan.stepWarmupSeconds, plan.seconds));
agent.destroy();
process.stdout.write(JSON.stringify(steps));
