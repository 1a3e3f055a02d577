// An open-loop load generator: requests are sent at a fixed arrival rate whatever the
// server does, as independent users would send them, and each one's latency is measured
// from the moment it was *meant* to be sent, not from when it was actually written.
//
// Why: autocannon (even with its rate options) runs a closed loop of N connections, each
// waiting for its answer before sending again. When the server stalls for 300 ms, those N
// connections send nothing for 300 ms, so the requests users would have sent meanwhile are
// never made and never measured: the stall shows in a handful of samples instead of in
// every request that arrived during it ("coordinated omission"). Here request i is due at
// start + i / rate; if it cannot go out then (the sender lagged, or every socket is busy)
// it is "late" and its latency still counts from its due time.
//
// Requests go through a keep-alive `http.Agent` with enough sockets for the in-flight
// count (rate × latency) to grow during a stall without the agent becoming the limit.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { percentile } from './percentiles.js';

const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Sends `makeRequest(i)` ({ method, path, headers, body }) to `url` at `rate` requests a
 * second for `warmupSeconds + seconds`; only requests due in the last `seconds` are measured.
 * Resolves when every measured request has answered or timed out.
 *
 * `lateMs`: a request handed to its socket more than this long after its due time counts
 * as late (the generator, not the server, failed to keep the schedule; its latency still
 * includes the wait). Failed: a transport error, a timeout, or a non-2xx answer.
 */
export async function openLoop({
  url,
  rate,
  seconds,
  warmupSeconds = 0,
  makeRequest,
  agent,
  lateMs = 10,
  timeoutMs = 10_000,
}) {
  const target = new URL(url);
  const total = Math.max(1, Math.round(rate * (warmupSeconds + seconds)));
  const firstMeasured = Math.round(rate * warmupSeconds);
  const intervalMs = 1000 / rate;
  const latencies = [];
  const statuses = {};
  let late = 0;
  let errors = 0;
  let timeouts = 0;
  let lastCompletion = 0;
  const pending = new Set();

  const send = (i, due) =>
    new Promise((resolve) => {
      const measured = i >= firstMeasured;
      const spec = makeRequest(i);
      let done = false;
      const finish = (outcome) => {
        if (done) return;
        done = true;
        const now = performance.now();
        if (measured) {
          if (outcome === 'error') errors++;
          else if (outcome === 'timeout') timeouts++;
          else statuses[outcome] = (statuses[outcome] ?? 0) + 1;
          // Failed requests are counted, not timed: a fast refusal must not improve the p99.
          if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) latencies.push(now - due);
          lastCompletion = now;
        }
        resolve();
      };
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: spec.method,
          path: spec.path,
          headers: spec.headers,
          timeout: timeoutMs,
        },
        (response) => {
          response.on('data', () => undefined); // read the body: the answer is complete at 'end'
          response.on('end', () => finish(response.statusCode));
          response.on('error', () => finish('error'));
        },
      );
      request.on('socket', () => {
        if (measured && performance.now() - due > lateMs) late++;
      });
      request.on('timeout', () => {
        finish('timeout');
        request.destroy();
      });
      request.on('error', () => finish('error'));
      request.end(spec.body);
    });

  const started = performance.now();
  let next = 0;
  await new Promise((resolve) => {
    // Wakes when the next request is due and sends everything due by then, so a late wake-up
    // (timers are not exact, and the event loop may be busy) sends a burst, not fewer requests.
    const tick = () => {
      const now = performance.now();
      while (next < total && started + next * intervalMs <= now) {
        const promise = send(next, started + next * intervalMs);
        pending.add(promise);
        promise.then(() => pending.delete(promise));
        next++;
      }
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
    };
    tick();
  });
  const sentAt = performance.now();
  await Promise.all(pending);

  latencies.sort((a, b) => a - b);
  const measuredCount = total - firstMeasured;
  const ok = latencies.length;
  const non2xx = Object.entries(statuses)
    .filter(([status]) => Number(status) < 200 || Number(status) >= 300)
    .reduce((sum, [, count]) => sum + count, 0);
  const measuredStart = started + firstMeasured * intervalMs;
  return {
    rate: round(rate),
    seconds,
    sent: measuredCount,
    ok,
    // Throughput over the measured window, from the first measured due time to the last answer.
    achievedRps: round(ok / (Math.max(lastCompletion, sentAt) / 1000 - measuredStart / 1000)),
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    p99_9: round(percentile(latencies, 99.9)),
    max: round(latencies.at(-1) ?? null),
    late,
    lateMs,
    failed: errors + timeouts + non2xx,
    errors,
    timeouts,
    non2xx,
    statuses,
  };
}

/** A keep-alive agent for one open-loop run: enough sockets that the agent is not the bottleneck. */
export const openLoopAgent = (maxSockets = 512) =>
  new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
