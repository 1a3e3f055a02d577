import { join } from 'node:path';

import { createDatabaseIfMissing, startEmbeddedPostgres } from '../../dist/src/app/bench-entry.js';

/**
 * The benchmark's own database, `forum_bench_<scale>`: on the server DATABASE_URL names
 * when it is set (never the database in it), otherwise on an embedded PostgreSQL whose
 * data lives in `.bench-data/` (kept, so a second run can skip loading).
 */
export async function openBenchDatabase(scale, root) {
  const name = `forum_bench_${scale}`;
  if (process.env.DATABASE_URL) {
    await createDatabaseIfMissing(process.env.DATABASE_URL, name);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      pid: null,
      description: `PostgreSQL at ${url.host} (DATABASE_URL), database ${name}`,
      close: async () => {},
    };
  }
  const folder = join(root, '.bench-data', 'postgres');
  const server = await startEmbeddedPostgres(folder);
  await server.ensureDatabase(name);
  const url = server.urlFor(name);
  return {
    url,
    embedded: true,
    description: `embedded PostgreSQL 18 in .bench-data/, database ${name}`,
    close: () => server.stop(),
  };
}
