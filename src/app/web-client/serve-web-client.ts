import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Paths the server owns. An unknown one (a mistyped API route, say) must stay a 404
 * problem, never the client's HTML shell, or API callers would get a 200 they cannot parse.
 */
const SERVER_PREFIXES = ['/api', '/docs', '/health', '/live'];

/** Vite names these files after their content, so a browser may keep them for good. */
const FINGERPRINTED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

function ownedByServer(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A missing script or image must be a 404: the HTML shell in its place fails in confusing ways. */
function looksLikeFile(path: string): boolean {
  return /\.\w+$/.test(path.slice(path.lastIndexOf('/')));
}

/**
 * Serves the built web client (`dist/web`) at `/`: its files as they are, and its HTML shell
 * for every other GET, so client routes such as /account survive a reload or a shared link.
 */
export async function serveWebClient(app: NestFastifyApplication, root: string): Promise<void> {
  const shell = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders: (reply, path) => {
      const servedAs = `/${relative(root, path).split(sep).join('/')}`;
      reply.header('cache-control', FINGERPRINTED.test(servedAs) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (ownedByServer(path) || looksLikeFile(path)) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
    });
}
