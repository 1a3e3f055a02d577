import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';

import { RejectBudget } from '../auth/reject-budget.js';
import type { Clock } from '../common/clock.js';
import { PinoNestLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { ForumIoAdapter } from '../live/forum-io.adapter.js';
import { AppModule } from './app.module.js';
import { depthLimitedJsonParser } from './http/json-body.js';
import { pageSecurityHeaders } from './http/page-security-headers.js';
import { sendRouterProblem, writeClientErrorProblem } from './http/transport-errors.js';
import { setUpOpenApi } from './openapi.js';
import { serveWebClient } from './web-client/serve-web-client.js';

const ONE_MIB = 1024 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's own request id (from a proxy, say) when it is sane; otherwise makes one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface AppOptions {
  /** Folder of the built web client (index.html and assets) to serve at `/`; none when absent. */
  webRoot?: string;
  /** The time source; tests pass one they can move. */
  clock?: Clock;
}

/** Builds the whole application, ready to listen. Shared by `main.ts` and the tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestId,
    bodyLimit: ONE_MIB,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    frameworkErrors: sendRouterProblem,
    clientErrorHandler: writeClientErrorProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, databaseUrl, options.clock),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit: ONE_MIB }, depthLimitedJsonParser(fastify));
  const headersFor = pageSecurityHeaders();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.headers(headersFor(request.url)).header('x-request-id', request.id);
  });
  app.get(RejectBudget).attach(fastify);
  // Parses Cookie for the refresh routes and writes Set-Cookie; no cookie is signed (the token is its own secret).
  await app.register(fastifyCookie);
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: false,
    exposedHeaders: ['x-request-id', 'retry-after'],
  });
  app.useWebSocketAdapter(new ForumIoAdapter(app, config.redisUrl, config.corsOrigins));
  app.setGlobalPrefix('api', { exclude: ['health/live', 'health/ready'] });
  setUpOpenApi(app);
  if (options.webRoot) await serveWebClient(app, options.webRoot);
  await app.init();
  return app;
}
