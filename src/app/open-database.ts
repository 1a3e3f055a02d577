import { join } from 'node:path';

import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';

export interface OpenDatabase {
  url: string;
  /** Where the data lives, for the start-up message; never includes a password. */
  description: string;
  embedded: boolean;
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'forum';

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * DATABASE_URL when set; otherwise a real PostgreSQL started from DATA_DIR. A command line
 * tool passes `shareRunning`, so it uses the running forum's server instead of being refused.
 */
export async function openDatabase(
  config: AppConfig,
  onLog?: (line: string) => void,
  options: { shareRunning?: boolean } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      description: `PostgreSQL at ${describeUrl(config.databaseUrl)} (DATABASE_URL)`,
      embedded: false,
      close: async () => {},
    };
  }
  const folder = join(config.dataDir, 'postgres');
  const server = await startEmbeddedPostgres(folder, onLog, options);
  await server.ensureDatabase(EMBEDDED_DATABASE_NAME);
  const url = server.urlFor(EMBEDDED_DATABASE_NAME);
  return {
    url,
    description: `embedded PostgreSQL, data in ${join(folder, 'pg')}, database "${EMBEDDED_DATABASE_NAME}" on ${describeUrl(url)}`,
    embedded: true,
    close: () => server.stop(),
  };
}
