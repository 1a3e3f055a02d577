// `npm run api:generate`: writes web/src/api/schema.d.ts from the OpenAPI document of the
// compiled app (dist/, built by the npm script first). The app needs a database to start, so
// this runs it on a throwaway embedded PostgreSQL: no server to start, no DATABASE_URL touched.
// It also writes web/src/api/events.d.ts, the live events' types, from the server's sources.
import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createApp } from '../dist/src/app/app.js';
import { createLogger } from '../dist/src/common/logger.js';
import { loadConfig } from '../dist/src/config/app-config.js';
import { startEmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';
import { API_TYPES_FILE, apiTypesFrom } from './api-types.js';
import { EVENT_TYPES_FILE, eventTypesFrom } from './event-types.js';

async function openApiDocument(dataDir) {
  const server = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  try {
    await server.ensureDatabase('forum');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
    const app = await createApp(config, server.urlFor('forum'), createLogger('silent'));
    try {
      const response = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /docs/openapi.json answered ${response.statusCode}`);
      return JSON.parse(response.body);
    } finally {
      await app.close();
    }
  } finally {
    await server.stop();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'forum-openapi-'));
chmodSync(dataDir, 0o777); // the embedded server runs as the postgres user when we are root
try {
  writeFileSync(API_TYPES_FILE, await apiTypesFrom(await openApiDocument(dataDir)));
  console.log(`Wrote ${API_TYPES_FILE}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
writeFileSync(EVENT_TYPES_FILE, eventTypesFrom(fileURLToPath(new URL('..', import.meta.url))));
console.log(`Wrote ${EVENT_TYPES_FILE}`);
