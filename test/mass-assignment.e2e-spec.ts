import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { WRITE_ROUTES } from './fixtures/write-routes.js';
import { changedTables, DatabaseWatcher } from './support/db-fingerprint.js';
import { fillPath, isWrite, loadOperations, type Operation } from './support/openapi.js';
import { describeResponse, problemViolations } from './support/problem-check.js';
import { validBody } from './support/schema-values.js';
import { startTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Clients can never set ids, authors, roles, counters, flags or timestamps: every write
 * route in the served OpenAPI document gets each such field added to a valid request and
 * must answer 400 naming it, with nothing changed. The valid request then succeeds, so a
 * 400 caused by anything else would show.
 */
const forum = await startTestApp();
const writes = (await loadOperations(forum.http)).filter(isWrite);
let world: World;
let watcher: DatabaseWatcher;

/** Fields no client may set, with values an attacker would try. Ones a route's contract names are skipped. */
function forbiddenFields(world: World): Record<string, unknown> {
  const past = '2000-01-01T00:00:00.000Z';
  return {
    id: world.secret.id,
    role: 'admin',
    authorId: world.admin.id,
    userId: world.admin.id,
    status: 'approved',
    collaborativeId: world.secret.id,
    followerCount: 999,
    memberCount: 999,
    threadCount: 999,
    postCount: 999,
    replyCount: 999,
    voteCount: 999,
    createdAt: past,
    updatedAt: past,
    archivedAt: past,
    isPinned: true,
    isLocked: true,
    pinned: true,
    locked: true,
  };
}

beforeAll(async () => {
  world = await buildWorld(forum);
  watcher = await DatabaseWatcher.connect(forum.database.url);
}, 60_000);
afterAll(async () => {
  await watcher?.close();
  await forum.close();
});

test('the document has write routes to check', () => {
  expect(writes.map((operation) => operation.key)).toEqual(
    expect.arrayContaining(['POST /api/auth/register', 'PATCH /api/users/me', 'POST /api/collaboratives']),
  );
});

test.each(writes.map((operation) => [operation.key, operation] as const))(
  '%s refuses every field outside its contract',
  async (key, operation: Operation) => {
    const fixture = WRITE_ROUTES[key];
    if (!fixture)
      throw new Error(
        `No fixture for ${key}: add one to test/fixtures/write-routes.ts saying who sends a valid request`,
      );
    const prepared = await fixture(forum, world);
    const url = fillPath(
      operation.path,
      Object.fromEntries(
        Object.entries(prepared.params ?? {}).map(([name, value]) => [name, encodeURIComponent(value)]),
      ),
    );
    const body = prepared.body ?? (operation.body ? validBody(operation.body) : undefined);
    const contract = new Set(Object.keys(operation.body?.properties ?? {}));
    const before = await watcher.settled();

    for (const [field, value] of Object.entries(forbiddenFields(world)).filter(([field]) => !contract.has(field))) {
      const response = await forum.http.request(operation.method, url, {
        token: prepared.token,
        headers: prepared.headers,
        body: { ...body, [field]: value },
      });
      expect({ field, faults: problemViolations(response), status: response.status }).toEqual({
        field,
        faults: [],
        status: 400,
      });
      expect((response.body.errors ?? []).map((error: { field: string }) => error.field)).toContain(field);
      expect({ field, changed: changedTables(before, await watcher.fingerprint()) }).toEqual({ field, changed: [] });
    }

    const valid = await forum.http.request(operation.method, url, {
      token: prepared.token,
      headers: prepared.headers,
      body,
    });
    if (valid.status >= 300)
      throw new Error(`the valid request was refused, so the checks above prove nothing: ${describeResponse(valid)}`);
  },
);
