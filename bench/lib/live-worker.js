// The live scenarios, run on the load core: S5 fan-out and S6 catch-up with socket.io-client.
// argv[2]: a JSON file; prints the figures as JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { io } from 'socket.io-client';

import { rssMiB } from './servers.js';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

function open(token, lastEventId) {
  // forceNew: one connection per socket, as 2,000 readers' browsers would have.
  return io(`${plan.url}/live`, {
    transports: ['websocket'],
    auth: { token, lastEventId },
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
}

async function connectAll(sockets) {
  let failed = 0;
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise((resolve) => {
          socket.once('connect', resolve);
          socket.once('connect_error', () => {
            failed++;
            resolve();
          });
        }),
    ),
  );
  return failed;
}

async function fanOut() {
  const sockets = [];
  const receipts = []; // [threadId, time]
  const rssIdle = rssMiB(plan.serverPid);
  const started = performance.now();
  for (let i = 0; i < plan.tokens.length; i += 100) {
    const batch = plan.tokens.slice(i, i + 100).map((token) => {
      const socket = open(token, null);
      socket.on('thread.created', (envelope) => receipts.push([envelope.data.id, performance.now()]));
      return socket;
    });
    sockets.push(...batch);
    await connectAll(batch);
  }
  const connectSeconds = (performance.now() - started) / 1000;
  const failed = sockets.filter((socket) => !socket.connected).length;
  await sleep(2000);
  const rssConnected = rssMiB(plan.serverPid);
  let rssPeak = rssConnected;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(plan.serverPid) ?? 0)), 200);
  const posted = new Map();
  const postLatencies = [];
  for (let i = 0; i < plan.threads; i++) {
    const sent = performance.now();
    const response = await fetch(`${plan.url}/api/collaboratives/${plan.collaborativeId}/threads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${plan.posterToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Live fan-out benchmark thread ${i + 1}`,
        body: 'Does everyone following this collaborative see this at once?',
        kind: 'discussion',
      }),
    });
    const answered = performance.now();
    if (response.status !== 201) throw new Error(`POST thread answered ${response.status}: ${await response.text()}`);
    posted.set((await response.json()).id, answered);
    postLatencies.push(answered - sent);
    await sleep(plan.intervalMs);
  }
  const expected = (sockets.length - failed) * plan.threads;
  const deadline = performance.now() + 15_000;
  while (receipts.filter(([id]) => posted.has(id)).length < expected && performance.now() < deadline) await sleep(100);
  clearInterval(sampler);
  const latencies = receipts
    .filter(([id]) => posted.has(id))
    .map(([id, at]) => at - posted.get(id))
    .sort((a, b) => a - b);
  for (const socket of sockets) socket.disconnect();
  return {
    sockets: sockets.length,
    connectFailed: failed,
    connectSeconds: round(connectSeconds),
    threads: plan.threads,
    expected,
    received: latencies.length,
    lost: expected - latencies.length,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? null),
    min: round(latencies[0] ?? null),
    postP50: round(
      percentile(
        [...postLatencies].sort((a, b) => a - b),
        50,
      ),
    ),
    rssIdleMiB: rssIdle,
    rssConnectedMiB: rssConnected,
    rssPeakMiB: rssPeak,
  };
}

async function catchUp() {
  const started = performance.now();
  const caughtAt = new Array(plan.tokens.length).fill(null);
  const replayed = new Array(plan.tokens.length).fill(0);
  const sockets = plan.tokens.map((token, index) => {
    const socket = open(token, plan.lastEventId);
    const target = BigInt(plan.expectedLast[index]);
    socket.onAny((_type, envelope) => {
      if (!envelope?.id) return;
      replayed[index]++;
      if (caughtAt[index] === null && BigInt(envelope.id) >= target) caughtAt[index] = performance.now() - started;
    });
    return socket;
  });
  const failed = await connectAll(sockets);
  const deadline = performance.now() + 60_000;
  while (caughtAt.some((at) => at === null) && performance.now() < deadline) await sleep(20);
  const times = caughtAt.filter((at) => at !== null).sort((a, b) => a - b);
  for (const socket of sockets) socket.disconnect();
  return {
    sockets: sockets.length,
    connectFailed: failed,
    lastEventId: plan.lastEventId,
    caughtUp: times.length,
    notCaughtUp: sockets.length - times.length,
    eventsReplayedMean: round(replayed.reduce((a, b) => a + b, 0) / sockets.length),
    allCaughtUpMs: times.length === sockets.length ? round(times.at(-1)) : null,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
  };
}

const result = plan.mode === 'fanout' ? await fanOut() : await catchUp();
process.stdout.write(JSON.stringify(result));
process.exit(0);
