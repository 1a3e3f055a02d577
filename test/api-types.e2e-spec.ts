import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { API_TYPES_FILE, apiTypesFrom } from '../scripts/api-types.js';
import { EVENT_TYPES_FILE, eventTypesFrom } from '../scripts/event-types.js';
import { REPO_ROOT } from './support/forum-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The web client is type-checked against these types, so they must be the API's as it is now. */
describe('the web client API types', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp();
  });
  afterAll(() => forum?.close());

  test(`${API_TYPES_FILE} matches the OpenAPI document (if not: npm run api:generate)`, async () => {
    const served = await forum.http.get('/docs/openapi.json');
    const checkedIn = readFileSync(join(REPO_ROOT, API_TYPES_FILE), 'utf8');
    expect(checkedIn).toBe(await apiTypesFrom(served.body));
  });

  test(`${EVENT_TYPES_FILE} matches the server's typed event map (if not: npm run api:generate)`, () => {
    const checkedIn = readFileSync(join(REPO_ROOT, EVENT_TYPES_FILE), 'utf8');
    expect(checkedIn).toBe(eventTypesFrom(REPO_ROOT));
  });
});
