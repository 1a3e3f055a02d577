// Runs one autocannon load (warm-up, then the measured run) and prints its figures as JSON.
// A separate process, so the orchestrator can pin it to its own core with taskset.
// argv[2]: a JSON file { url, connections, warmupSeconds, seconds, key, state } (key and state: scenarios.js).
import { readFileSync } from 'node:fs';

import autocannon from 'autocannon';

import { requestOf } from './scenarios.js';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function run(seconds) {
  let next = 0;
  const statuses = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: seconds,
        requests: [
          {
            // Each request is the scenario's next one (bench/lib/scenarios.js): by default the
            // next path and the next person's token, so writes come from distinct users and
            // reads are spread over the chosen subjects.
            setupRequest: (request) => {
              const spec = requestOf(plan.key, plan.state, next++);
              request.method = spec.method;
              request.path = spec.path;
              request.headers = { ...request.headers, ...spec.headers };
              if (spec.body !== undefined) request.body = spec.body;
              return request;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, statuses })),
    );
    instance.on('response', (_client, statusCode) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);
const { result, statuses } = await run(plan.seconds);
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }),
);
