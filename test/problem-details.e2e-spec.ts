import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { createUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('problem details and cross-cutting behaviour', () => {
  let forum: TestApp;

  beforeAll(async () => {
    forum = await startTestApp({ env: { CORS_ORIGINS: 'https://forum.example.nhs.uk' } });
  });
  afterAll(() => forum?.close());

  test('an unknown route is a 404 problem', async () => {
    const response = await forum.http.get('/api/no-such-thing?x=1');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.body).toMatchObject({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      instance: '/api/no-such-thing',
    });
    expect(typeof response.body.detail).toBe('string');
  });

  test('a link with a broken id says so in words, not as a parser would', async () => {
    const member = await createUser(forum);
    const response = await forum.http.get('/api/threads/9f3c2a1e-not-an-id', { token: member.accessToken });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      type: '/problems/not-an-id',
      title: 'Not a valid address',
      detail:
        'This address does not lead to anything: the id in it is incomplete or mistyped. Check the link, or copy the whole address again.',
    });
  });

  test('every response carries a request id, and a sane one from the caller is kept', async () => {
    const generated = await forum.http.get('/health/live');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await forum.http.get('/api/nowhere', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    expect(given.body.requestId).toBe('trace-123');
    const hostile = await forum.http.get('/health/live', { headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers.get('x-request-id')).not.toBe('<script>');
  });

  test('security headers are set', async () => {
    const response = await forum.http.get('/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  test('CORS answers only the configured origins', async () => {
    const allowed = await forum.http.request('OPTIONS', '/health/live', {
      headers: { origin: 'https://forum.example.nhs.uk', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://forum.example.nhs.uk');
    const other = await forum.http.request('OPTIONS', '/health/live', {
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the OpenAPI document is OpenAPI 3 and lists the health routes', async () => {
    const response = await forum.http.get('/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    const ui = await forum.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
