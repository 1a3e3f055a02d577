// Runs one autocannon load (warm-up, then the measured run) and prints its figures as JSON.
// A separate process, so the orchestrator can pin it to its own core with taskset.
// argv[2]: a JSON file { url, connections, warmupSeconds, seconds, method, paths, tokens, bodies }.
import { readFileSync } from 'node:fs';

import autocannon from 'autocannon';

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
            method: plan.method ?? 'GET',
            setupRequest: (request) => {
              // Each request takes the next path and the next person's token, so writes come
              // from distinct users and reads are spread over the chosen subjects.
              const i = next++;
              request.path = plan.paths[i % plan.paths.length];
              request.headers = { ...request.headers, authorization: `Bearer ${plan.tokens[i % plan.tokens.length]}` };
              if (plan.bodies) {
                request.headers['content-type'] = 'application/json';
                request.body = JSON.stringify({ body: `${plan.bodies[i % plan.bodies.length]} (${i})` });
              }
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
