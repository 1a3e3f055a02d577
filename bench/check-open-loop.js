// `node bench/check-open-loop.js`: checks the open-loop sender (lib/open-loop.js) against
// autocannon, with no database. A small server in its own process answers after a fixed
// delay; twice:
// 1. at a low rate both generators should report about the same p50 (they time the same
//    thing when nothing queues);
// 2. the server then freezes its event loop for 500 ms once a second. autocannon, whose
//    connections wait through the freeze, records one slow request per connection per freeze
//    (a few percent of its samples), while the open-loop sender records every request due
//    during the freeze (about half of them): its p90 must be far above autocannon's
//    (coordinated omission, the reason for the open loop).
// Prints both sets of figures and exits 1 if either check fails.
import { fork } from 'node:child_process';
import http from 'node:http';

import autocannon from 'autocannon';

import { openLoop, openLoopAgent } from './lib/open-loop.js';

if (process.argv[2] === 'server') {
  // The server: answers after `delay` ms; with `stall`, blocks its event loop 500 ms once a second.
  const [delay, stall] = [Number(process.argv[3]), process.argv[4] === 'stall'];
  const server = http.createServer((_request, response) => setTimeout(() => response.end('ok'), delay));
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  if (stall)
    setInterval(() => {
      const until = Date.now() + 500;
      while (Date.now() < until);
    }, 1000);
} else {
  const start = (stall) =>
    new Promise((resolve) => {
      const child = fork(new URL(import.meta.url).pathname, ['server', '5', stall ? 'stall' : '']);
      child.once('message', (port) => resolve({ child, url: `http://127.0.0.1:${port}` }));
    });
  // One connection, one request in flight at a time: as light a load as the open loop's 100 a
  // second. (autocannon's rate options send each connection's quota in bursts, whose queueing
  // would show in its latencies and spoil the comparison.)
  const cannon = (url, seconds) =>
    new Promise((resolve, reject) =>
      autocannon({ url, connections: 1, duration: seconds }, (error, result) =>
        error ? reject(error) : resolve({ p50: result.latency.p50, p90: result.latency.p90, n: result.requests.total }),
      ),
    );
  const open = async (url, rate, seconds) => {
    const agent = openLoopAgent(64);
    const figures = await openLoop({
      url,
      rate,
      seconds,
      warmupSeconds: 1,
      agent,
      makeRequest: () => ({ method: 'GET', path: '/', headers: {} }),
    });
    agent.destroy();
    return figures;
  };
  let ok = true;
  for (const stall of [false, true]) {
    const { child, url } = await start(stall);
    const c = await cannon(url, 6);
    const o = await open(url, 100, 6);
    child.kill();
    process.stdout.write(
      `${stall ? 'stalling' : 'steady'} server: autocannon (1 connection) p50 ${c.p50} ms, p90 ${c.p90} ms (${c.n} requests); open loop at 100 req/s p50 ${o.p50} ms, p90 ${o.p90} ms, p99 ${o.p99} ms (${o.ok} answered, ${o.late} late, ${o.failed} failed)\n`,
    );
    if (!stall && !(Math.abs(o.p50 - c.p50) <= Math.max(2, 0.3 * c.p50))) {
      process.stdout.write('FAIL: at low load the two p50s should agree within 2 ms or 30 %\n');
      ok = false;
    }
    if (stall && !(o.p90 > 5 * c.p90 && o.p90 > 200)) {
      process.stdout.write("FAIL: the open loop's p90 should show the 500 ms stalls that autocannon's hides\n");
      ok = false;
    }
  }
  process.stdout.write(ok ? 'open-loop sender: checks passed\n' : '');
  process.exit(ok ? 0 : 1);
}
