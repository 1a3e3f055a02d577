import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildOnce, type ForumProcess, runForum } from '../support/forum-process.js';
import { HttpClient } from '../support/http.js';

/** Limits out of the way: twenty clients share one address. */
const RELIABILITY_ENV = {
  PORT: '0',
  LOG_LEVEL: 'info', // the start-up lines say where the server listens and which database it uses
  RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '100000',
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
  RATE_LIMIT_REJECTS_PER_IP: '1000000',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_REGISTER_PER_IP: '100000',
  RATE_LIMIT_GENERAL: '1000000',
  LIVE_SOCKETS_PER_PERSON: '1000000',
  LIVE_SOCKETS_PER_ADDRESS: '1000000',
  // An email whose first attempt failed under load is tried again within seconds, not 30 s.
  MAIL_RETRY_SECONDS: '1',
  MAIL_POLL_SECONDS: '1',
};

/**
 * The built server as a child process in its own process group, with a data folder that
 * outlives it, so it can be killed and started again on the same data. Clients read
 * `http` afresh on every request: each start listens on a new port.
 */
export class ForumUnderTest {
  readonly dataDir: string;
  private current: ForumProcess | null = null;
  private readonly started: ForumProcess[] = [];
  http: HttpClient = new HttpClient('http://127.0.0.1:1');

  constructor(private readonly env: Record<string, string> = {}) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'forum-reliability-'));
    chmodSync(this.dataDir, 0o777); // the embedded server runs as the postgres user
  }

  static build(): void {
    buildOnce();
  }

  async start(): Promise<void> {
    const forum = runForum({ ...RELIABILITY_ENV, DATA_DIR: this.dataDir, ...this.env }, { detached: true });
    this.started.push(forum);
    this.current = forum;
    this.http = new HttpClient(await forum.listening());
  }

  /** The embedded database of the running server, as its start-up line names it. */
  embeddedDatabaseUrl(): string {
    const port = /on 127\.0\.0\.1:(\d+)\/forum/.exec(this.process.output())?.[1];
    if (!port) throw new Error('the server did not say which embedded database it uses');
    const password = readFileSync(join(this.dataDir, 'postgres', 'password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/forum`;
  }

  get process(): ForumProcess {
    if (!this.current) throw new Error('not started');
    return this.current;
  }

  /** SIGKILL the server alone: its embedded PostgreSQL is orphaned, as after an OOM kill. */
  async killServer(): Promise<void> {
    this.process.child.kill('SIGKILL');
    await this.process.exited();
  }

  /** SIGKILL the whole process group, PostgreSQL and its backends too, as a power cut would. */
  async killEverything(): Promise<void> {
    process.kill(-this.process.child.pid!, 'SIGKILL');
    await this.process.exited();
  }

  /** Kills every process group this started (by id) and removes the data. */
  async dispose(): Promise<void> {
    for (const forum of this.started) {
      try {
        process.kill(-forum.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
