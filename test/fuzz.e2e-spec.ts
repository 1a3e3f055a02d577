import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import { type FuzzRequest, requestArbitrary } from './fuzz/requests.js';
import { changedTables, DatabaseWatcher, type Fingerprint } from './support/db-fingerprint.js';
import type { HttpResponse } from './support/http.js';
import { loadOperations } from './support/openapi.js';
import { describeResponse, problemViolations } from './support/problem-check.js';
import { startTestApp } from './support/test-app.js';
import { buildWorld, Caller, targetIds } from './support/world.js';

/**
 * Every operation in the served OpenAPI document, fuzzed as each kind of caller: a new
 * route is covered the moment it is documented. Pass: never a 5xx, every error is
 * problem details, and a refused request leaves the database exactly as it was.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ANONYMOUS_RUNS = Math.max(3, Math.round(RUNS / 3));
// A fixed seed by default, so a red run is reproduced by running it again; `FUZZ_SEED=random`
// explores new cases (fast-check prints the seed of any counterexample it finds).
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261124);

const forum = await startTestApp();
const operations = await loadOperations(forum.http);
let watcher: DatabaseWatcher;
let callers: Caller[];
let targets: string[];
let baseline: Fingerprint;
let sent = 0;

beforeAll(async () => {
  const world = await buildWorld(forum);
  targets = targetIds(world);
  callers = [
    new Caller('anonymous', forum, null),
    new Caller('member', forum, world.member),
    new Caller('admin', forum, world.admin),
  ];
  watcher = await DatabaseWatcher.connect(forum.database.url);
  baseline = await watcher.settled();
}, 120_000);

afterAll(async () => {
  console.log(
    `fuzz: ${sent} requests over ${operations.length} operations (${RUNS} runs per operation and signed-in caller, ${ANONYMOUS_RUNS} anonymous)`,
  );
  await watcher?.close();
  await forum.close();
});

async function send(request: FuzzRequest, token: string | undefined): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.body?.contentType) headers['content-type'] = request.body.contentType;
  sent++;
  // A Buffer, so fetch adds no content type of its own when the case sends none.
  return forum.http.request(request.method, request.url, {
    headers,
    ...(request.body ? { raw: Buffer.from(request.body.raw) } : {}),
  });
}

/** Sends one case and says what broke the contract, if anything. */
async function check(caller: Caller, request: FuzzRequest): Promise<string[]> {
  const response = await send(request, caller.token);
  const faults = problemViolations(response);
  const after = await watcher.fingerprint();
  const changed = changedTables(baseline, after);
  if (response.status >= 400 && changed.length > 0)
    faults.push(`refused with ${response.status} but changed ${changed.join(', ')}`);
  if (changed.length > 0) {
    // An accepted write (or a session it ended) moves the baseline; let background work settle first.
    await caller.ensureSignedIn();
    baseline = await watcher.settled(after);
  }
  return faults.map(
    (fault) =>
      `${fault}\n  request: ${request.method} ${request.url.slice(0, 300)} (${request.label})\n  response: ${describeResponse(response)}`,
  );
}

test('the document lists the routes of every module that exists today', () => {
  const keys = operations.map((operation) => operation.key);
  expect(keys).toEqual(
    expect.arrayContaining([
      'POST /api/auth/register',
      'PATCH /api/users/me',
      'GET /api/collaboratives',
      'GET /api/events',
      'POST /api/notifications/read',
    ]),
  );
});

describe.each(operations)('$key', (operation) => {
  test.each(['anonymous', 'member', 'admin'])(
    'as %s',
    async (name) => {
      const caller = callers.find((candidate) => candidate.name === name)!;
      await caller.ensureSignedIn();
      baseline = await watcher.settled(baseline);
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, targets), async (request) => {
          const faults = await check(caller, request);
          if (faults.length > 0) throw new Error(faults.join('\n'));
        }),
        {
          numRuns: name === 'anonymous' ? ANONYMOUS_RUNS : RUNS,
          endOnFailure: true,
          ...(SEED !== undefined ? { seed: SEED } : {}),
        },
      );
    },
    120_000,
  );
});
