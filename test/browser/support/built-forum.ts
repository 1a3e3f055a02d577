import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT, runForum } from '../../support/forum-process.js';
import { createTestDatabase } from '../../support/test-database.js';

export interface BuiltForum {
  url: string;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` runs it (dist/, built by `npm run test:browser`), on a fresh database
 * with the demo accounts, listening on a random port.
 */
export async function startBuiltForum(): Promise<BuiltForum> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'web', 'index.html')))
    throw new Error('No dist/web: run the browser tests with `npm run test:browser`, which builds first');
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'forum-browser-'));
  chmodSync(dataDir, 0o700);
  const forum = runForum({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    // Every test signs in from 127.0.0.1; the real limits would start refusing it.
    RATE_LIMIT_LOGIN_PER_IP: '100000',
    RATE_LIMIT_REJECTS_PER_IP: '1000000',
    RATE_LIMIT_REGISTER_PER_IP: '100000',
    RATE_LIMIT_GENERAL: '1000000',
  });
  const url = await forum.listening();
  return {
    url,
    async stop() {
      forum.child.kill('SIGTERM');
      await forum.exited();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
