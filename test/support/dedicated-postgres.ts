import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type EmbeddedServer, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

export interface DedicatedPostgres {
  server: EmbeddedServer;
  /** URL of the one database made on it. */
  url: string;
  dispose(): Promise<void>;
}

/** A PostgreSQL server of a suite's own, for suites that stop and start their database. */
export async function startDedicatedPostgres(database: string): Promise<DedicatedPostgres> {
  const folder = mkdtempSync(join(tmpdir(), `forum-${database}-pg-`));
  chmodSync(folder, 0o777); // the embedded server runs as the postgres user, not root
  const server = await startEmbeddedPostgres(folder);
  await server.ensureDatabase(database);
  return {
    server,
    url: server.urlFor(database),
    async dispose() {
      await server.stop().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
