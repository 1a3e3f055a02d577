import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { signIn } from './factories/user.factory.js';
import {
  ARCHIVED,
  archivedExpectation,
  buildMatrixWorld,
  type CallerName,
  CALLERS,
  MATRIX,
  type MatrixRequest,
  type MatrixWorld,
} from './fixtures/authorisation-matrix.js';
import type { HttpResponse } from './support/http.js';
import { fillPath, isWrite, loadOperations, type Operation } from './support/openapi.js';
import { startTestApp } from './support/test-app.js';

/**
 * Every route of the served OpenAPI document against every kind of caller, each cell
 * with the status the table in fixtures/authorisation-matrix.ts expects. A route the
 * table does not list fails here, so a new route cannot ship without deciding who may
 * call it. Where an outsider is told 404, a random id must get the very same answer.
 */
const forum = await startTestApp();
const operations = await loadOperations(forum.http);
let world: MatrixWorld;

beforeAll(async () => {
  world = await buildMatrixWorld(forum);
}, 120_000);
afterAll(() => forum.close());

function urlFor(operation: Operation, request: MatrixRequest): string {
  const params = Object.fromEntries(
    Object.entries(request.params ?? {}).map(([name, value]) => [name, encodeURIComponent(value)]),
  );
  return fillPath(operation.path, params) + (request.query ? `?${request.query}` : '');
}

function send(operation: Operation, caller: CallerName, request: MatrixRequest): Promise<HttpResponse> {
  const token = caller === 'anonymous' ? undefined : world.users[caller].accessToken;
  return forum.http.request(operation.method, urlFor(operation, request), {
    token,
    headers: request.headers,
    body: request.body ?? (isWrite(operation) && operation.body ? {} : undefined),
  });
}

/** A caller whose call ended its own session (logout, sign out everywhere) signs in again. */
async function stillSignedIn(caller: CallerName): Promise<void> {
  if (caller === 'anonymous' || caller === 'suspended') return;
  const user = world.users[caller];
  if ((await forum.http.get('/api/users/me', { token: user.accessToken })).status === 200) return;
  Object.assign(user, await signIn(forum.http, user.email, user.password));
}

/** What a person would see of an answer; `instance` and `requestId` name this request, so they differ by design. */
const seen = (response: HttpResponse) => ({
  status: response.status,
  body:
    typeof response.body === 'object' ? { ...response.body, instance: undefined, requestId: undefined } : response.body,
});

test('the table lists every route the API serves, and nothing else', () => {
  const served = operations.map((operation) => operation.key).sort();
  expect(Object.keys(MATRIX).sort()).toEqual(served);
});

test('the archived table says how every route answers in an archived collaborative', () => {
  expect(Object.keys(ARCHIVED).sort()).toEqual(operations.map((operation) => operation.key).sort());
});

describe.each(operations.map((operation) => [operation.key, operation] as const))('%s', (key, operation) => {
  test('each caller gets the status the table says', async () => {
    const row = MATRIX[key];
    if (!row) throw new Error(`${key} is not in test/fixtures/authorisation-matrix.ts: say who may call it`);
    const writes = isWrite(operation) || operation.method === 'DELETE';
    const shared = row.perCaller ? null : await row.request(world, 'member');
    const got: Partial<Record<CallerName, number | string>> = {};
    for (const caller of CALLERS) {
      const fresh = row.perCaller || (writes && row.expect[caller] < 300);
      const request = fresh ? await row.request(world, caller) : shared!;
      const response = await send(operation, caller, request);
      got[caller] =
        response.status === row.expect[caller] ? response.status : `${response.status}: ${response.text.slice(0, 200)}`;
      if (response.status < 300) await row.restore?.(world, caller);
      await stillSignedIn(caller);
    }
    expect(got).toEqual(row.expect);
  });
});

/** Cells where someone is told 404 about something real, by an id in the path. */
const hiding = operations.flatMap((operation) =>
  (['outsider', 'otherLead'] as const)
    .filter((caller) => MATRIX[operation.key]?.expect[caller] === 404 && /\{\w+\}/.test(operation.path))
    .map((caller) => [operation.key, caller, operation] as const),
);

test.each(hiding)(
  '%s answers %s about a hidden item exactly as about a missing one',
  async (key, caller, operation) => {
    const request = await MATRIX[key]!.request(world, caller);
    const randomised = Object.entries(request.params ?? {}).map(([name, value]) => [
      name,
      /^[0-9a-f-]{36}$/.test(value) ? randomUUID() : value,
    ]);
    const hidden = await send(operation, caller, request);
    const absent = await send(operation, caller, { ...request, params: Object.fromEntries(randomised) });
    expect(seen(hidden)).toEqual(seen(absent));
  },
);

let archived = false;
/** Archives or reopens the matrix's second members-only collaborative, as an admin would. */
async function setArchived(wanted: boolean): Promise<void> {
  if (archived === wanted) return;
  const action = wanted ? 'archive' : 'unarchive';
  const response = await forum.http.post(`/api/collaboratives/${world.archived.id}/${action}`, undefined, {
    token: world.users.admin.accessToken,
  });
  if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${response.text}`);
  archived = wanted;
}

/**
 * The same routes where the collaborative is archived: each request is built while it is
 * open (the content must exist first), then sent once it is archived. Writes must be
 * refused with 409 unless ARCHIVED says otherwise, so a feature that forgets the archive
 * (or answers it with another status) fails here.
 */
const inArchived = operations.filter((operation) => (ARCHIVED[operation.key] ?? 'outside') !== 'outside');

describe.each(inArchived.map((operation) => [operation.key, operation] as const))(
  '%s in an archived collaborative',
  (key, operation) => {
    test('each caller gets the status the archived table says', async () => {
      const row = MATRIX[key]!;
      const expected = archivedExpectation(row, ARCHIVED[key] as Exclude<(typeof ARCHIVED)[string], 'outside'>);
      const there = { ...world, secret: world.archived };
      const writes = isWrite(operation) || operation.method === 'DELETE';
      await setArchived(false);
      const shared = row.perCaller ? null : await row.request(there, 'member');
      const requests = {} as Record<CallerName, MatrixRequest>;
      for (const caller of CALLERS) {
        const fresh = row.perCaller || (writes && expected[caller] < 300);
        requests[caller] = fresh ? await row.request(there, caller) : shared!;
      }
      await setArchived(true);
      const got: Partial<Record<CallerName, number | string>> = {};
      for (const caller of CALLERS) {
        const response = await send(operation, caller, requests[caller]);
        got[caller] =
          response.status === expected[caller] ? response.status : `${response.status}: ${response.text.slice(0, 200)}`;
        if (response.status < 300) await row.restore?.(there, caller);
        await stillSignedIn(caller);
      }
      expect(got).toEqual(expected);
    });
  },
);
