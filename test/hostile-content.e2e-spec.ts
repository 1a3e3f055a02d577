import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { FREE_TEXT_FIELDS, type FreeTextField } from './fixtures/free-text-fields.js';
import { WRITE_ROUTES } from './fixtures/write-routes.js';
import { XSS_VECTORS } from './fixtures/xss-vectors.js';
import { executableParts } from './support/html-safety.js';
import type { HttpResponse } from './support/http.js';
import { fillPath, loadOperations, type Operation } from './support/openapi.js';
import { describeResponse, problemViolations } from './support/problem-check.js';
import { validBody } from './support/schema-values.js';
import { startTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Stored cross-site scripting: every vector through every free-text field. HTML fields
 * carry nothing executable, text comes back as the same text in JSON, and every response
 * has a Content-Security-Policy.
 */
const forum = await startTestApp();
const operations = new Map((await loadOperations(forum.http)).map((operation) => [operation.key, operation]));
let world: World;

beforeAll(async () => {
  world = await buildWorld(forum);
}, 60_000);
afterAll(() => forum.close());

test('there are at least 50 vectors', () => {
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50);
});

async function submit(operation: Operation, field: string, value: unknown): Promise<HttpResponse> {
  const prepared = await WRITE_ROUTES[operation.key]!(forum, world);
  const url = fillPath(
    operation.path,
    Object.fromEntries(Object.entries(prepared.params ?? {}).map(([name, id]) => [name, encodeURIComponent(id)])),
  );
  const body = { ...(prepared.body ?? (operation.body ? validBody(operation.body) : {})), [field]: value };
  return forum.http.request(operation.method, url, { token: prepared.token, headers: prepared.headers, body });
}

function stringsIn(value: unknown, key = ''): Array<{ key: string; text: string }> {
  if (typeof value === 'string') return [{ key, text: value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, item]) => stringsIn(item, Array.isArray(value) ? key : name));
}

/** What is wrong with one response to one vector. */
function faultsOf(entry: FreeTextField, vector: string, response: HttpResponse): string[] {
  const faults = problemViolations(response);
  if (!response.headers.get('content-security-policy')) faults.push('no Content-Security-Policy header');
  if (response.status >= 300) return faults;
  if (entry.kind === 'handle') return [...faults, `a handle was accepted: ${response.body.handle}`];
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json'))
    faults.push('a stored write did not answer JSON');
  const strings = stringsIn(response.body);
  for (const { key, text } of strings.filter(({ key }) => key.endsWith('Html'))) {
    for (const part of executableParts(text)) faults.push(`${key} has executable ${part}`);
  }
  if (entry.kind === 'markdown' && !strings.some(({ key }) => key === `${entry.field}Html`))
    faults.push(`no ${entry.field}Html in the response`);
  if (entry.kind !== 'markdown' && !strings.some(({ text }) => text === vector.trim()))
    faults.push('the text did not come back unchanged');
  return faults;
}

test.each(FREE_TEXT_FIELDS.map((entry) => [`${entry.route} ${entry.field}`, entry] as const))(
  '%s',
  async (_name, entry: FreeTextField) => {
    const operation = operations.get(entry.route);
    if (!operation) throw new Error(`${entry.route} is not in the OpenAPI document`);
    if (!WRITE_ROUTES[entry.route]) throw new Error(`${entry.route} has no fixture in test/fixtures/write-routes.ts`);
    const failures: string[] = [];
    let stored = 0;
    for (const vector of XSS_VECTORS) {
      const response = await submit(operation, entry.field, entry.kind === 'text-list' ? [vector] : vector);
      if (response.status < 300) stored++;
      for (const fault of faultsOf(entry, vector, response))
        failures.push(`${JSON.stringify(vector)}: ${fault} (${describeResponse(response).slice(0, 200)})`);
    }
    expect(failures).toEqual([]);
    // Length limits refuse some vectors; enough must be stored for the checks to mean something.
    if (entry.kind === 'markdown') expect(stored).toBe(XSS_VECTORS.length);
    else if (entry.kind !== 'handle') expect(stored).toBeGreaterThanOrEqual(XSS_VECTORS.length / 2);
  },
  120_000,
);
