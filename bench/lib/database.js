import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';

/**
 * The benchmark's own database, `forum_bench_<scale>`: on the server DATABASE_URL names
 * when it is set (never the database in it), otherwise on an embedded PostgreSQL whose
 * data lives in `.bench-data/` (kept, so a second run can skip loading).
 */
export async function openBenchDatabase(scale, root) {
  const name = `forum_bench_${scale}`;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return { url: url.toString(), embedded: false, pid: null, description: `PostgreSQL at ${url.host} (DATABASE_URL), database ${name}`, close: async () => {} };
  }
  const folder = join(root, '.bench-data', 'postgres');
  const server = await startEmbeddedPostgres(folder);
  await server.ensureDatabase(name);
  const url = server.urlFor(name);
  return { url, embedded: true, description: `embedded PostgreSQL 18 in .bench-data/, database ${name}`, close: () => server.stop() };
}
