import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createApp } from '../../src/app/app.js';
import type { Clock } from '../../src/common/clock.js';
import { createLogger } from '../../src/common/logger.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { HttpClient } from './http.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: HttpClient;
  baseUrl: string;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Use this database instead of a fresh one (the suite owns it). */
  databaseUrl?: string;
  /** Serve a built web client from this folder at `/`. */
  webRoot?: string;
  /** A clock the test moves, for expiries and limits (the app's own clock otherwise). */
  clock?: Clock;
}

/** Limits high enough that a suite creating many users from 127.0.0.1 never meets them. */
const GENEROUS_LIMITS = {
  RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '1000',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
  RATE_LIMIT_REJECTS_PER_IP: '1000000',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_REGISTER_PER_IP: '100000',
  RATE_LIMIT_GENERAL: '1000000',
  LIVE_SOCKETS_PER_PERSON: '100000',
  LIVE_SOCKETS_PER_ADDRESS: '100000',
};

/** The whole app on a fresh database, listening on a random port of 127.0.0.1. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'forum-test-data-'));
  chmodSync(dataDir, 0o700);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    ...GENEROUS_LIMITS,
    ...options.env,
  });
  const app = await createApp(config, options.databaseUrl ?? database.url, createLogger(config.logLevel), {
    webRoot: options.webRoot,
    clock: options.clock,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    baseUrl,
    http: new HttpClient(baseUrl),
    database,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
