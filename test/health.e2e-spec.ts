import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { type DedicatedPostgres, startDedicatedPostgres } from './support/dedicated-postgres.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  // This suite stops its database, so it runs on a PostgreSQL server of its own.
  let postgres: DedicatedPostgres;
  let forum: TestApp;

  beforeAll(async () => {
    postgres = await startDedicatedPostgres('health');
    forum = await startTestApp({ databaseUrl: postgres.url });
  });

  afterAll(async () => {
    await forum?.close();
    await postgres?.dispose();
  });

  test('live answers without touching the database', async () => {
    const response = await forum.http.get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('ready reports the database up', async () => {
    const response = await forum.http.get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.info.database.status).toBe('up');
  });

  test('ready turns 503 while the database is stopped and 200 again when it returns, without a restart', async () => {
    await postgres.server.stop();
    const down = await forum.http.get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(down.body).toMatchObject({ status: 503, title: 'Service unavailable' });
    expect(down.body.detail).toContain('database');
    expect((await forum.http.get('/health/live')).status).toBe(200);

    await postgres.server.restart();
    let ready = await forum.http.get('/health/ready');
    // The pool may hand out one connection that died with the old server before it notices.
    for (let attempt = 0; attempt < 5 && ready.status !== 200; attempt++) ready = await forum.http.get('/health/ready');
    expect(ready.status).toBe(200);
  });
});
