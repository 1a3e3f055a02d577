import { chmodSync, mkdtempSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EmbeddedServer } from '../../src/database/embedded-postgres.js';

declare global {
  var embeddedTestServer: EmbeddedServer | undefined;
}

/**
 * Jest loads this file outside its module system, so its `moduleNameMapper` does not
 * apply: let Node find our `.ts` sources behind their `.js` import specifiers (Node 24
 * strips the types itself).
 */
function resolveTypeScriptSources(): void {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        if (specifier.startsWith('.') && specifier.endsWith('.js'))
          return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
        throw error;
      }
    },
  });
}

/**
 * One PostgreSQL server for the whole run: the machine's (DATABASE_URL) when set,
 * otherwise an embedded one in a temporary folder. Each suite makes its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  resolveTypeScriptSources();
  const { startEmbeddedPostgres } = await import('../../src/database/embedded-postgres.js');
  const folder = mkdtempSync(join(tmpdir(), 'forum-test-pg-'));
  chmodSync(folder, 0o777); // the embedded server runs as the postgres user, not root
  const server = await startEmbeddedPostgres(folder);
  globalThis.embeddedTestServer = server;
  process.env.TEST_ADMIN_DATABASE_URL = server.urlFor('postgres');
  process.env.TEST_EMBEDDED_FOLDER = folder;
}
