import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { startTestApp, type TestApp } from './support/test-app.js';

const SHELL = '<!doctype html><title>Collaboratives Forum</title><div id="root"></div>';

/** A stand-in for `dist/web`, shaped as Vite builds it, so this suite needs no client build. */
function fakeBuiltClient(): string {
  const root = mkdtempSync(join(tmpdir(), 'forum-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), SHELL);
  writeFileSync(join(root, 'assets', 'index-BdX3k9_q.js'), 'console.log("client")');
  writeFileSync(join(root, 'favicon.ico'), 'icon');
  return root;
}

describe('the web client served by the API', () => {
  let forum: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fakeBuiltClient();
    forum = await startTestApp({ webRoot });
  });
  afterAll(async () => {
    await forum?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  test.each(['/', '/account/sessions', '/admin/users?id=42'])(
    'GET %s answers the HTML shell, never cached',
    async (path) => {
      const response = await forum.http.get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.text).toBe(SHELL);
    },
  );

  test('the shell carries the strict content security policy: scripts only from this site', async () => {
    const policy = (await forum.http.get('/')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  test('pages allow stylesheets from this site only; only the API documentation (Swagger UI) may style inline', async () => {
    const styles = async (path: string) => {
      const policy = (await forum.http.get(path)).headers.get('content-security-policy') ?? '';
      return policy
        .split(';')
        .map((directive) => directive.trim())
        .find((directive) => directive.startsWith('style-src'));
    };
    expect(await styles('/')).toBe(`style-src 'self'`);
    expect(await styles('/account/sessions')).toBe(`style-src 'self'`);
    expect(await styles('/api/users/me')).toBe(`style-src 'self'`);
    expect(await styles('/docs')).toBe(`style-src 'self' 'unsafe-inline'`);
    expect(await styles('/docs/')).toBe(`style-src 'self' 'unsafe-inline'`);
  });

  test('fingerprinted assets are served as files and cached for good', async () => {
    const response = await forum.http.get('/assets/index-BdX3k9_q.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.text).toBe('console.log("client")');
  });

  test('other files are served but revalidated', async () => {
    const response = await forum.http.get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  test('a missing file is a 404, not the shell', async () => {
    const response = await forum.http.get('/assets/index-gone1234.js');
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<div id="root">');
  });

  test.each(['/api/no-such-route', '/api', '/health/nope', '/docs/nope.json', '/live/x'])(
    'unknown server path %s stays a 404 problem',
    async (path) => {
      const response = await forum.http.get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, instance: path });
    },
  );

  test('a POST to a client route is a 404 problem, not the shell', async () => {
    const response = await forum.http.post('/account', {});
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  test('health, the OpenAPI document and the API itself are unaffected', async () => {
    expect((await forum.http.get('/health/live')).status).toBe(200);
    const openApi = await forum.http.get('/docs/openapi.json');
    expect(openApi.status).toBe(200);
    expect(openApi.body.paths['/api/auth/login']).toBeDefined();
    expect((await forum.http.get('/api/users/me')).status).toBe(401);
  });
});
