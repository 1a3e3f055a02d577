import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';

import { buildOnce, type ForumProcess, REPO_ROOT, runForum } from './support/forum-process.js';

/** The real entry point, as `npm start` runs it: config errors, embedded database, restarts. */
describe('the forum process', () => {
  let dataDir: string;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'forum-process-'));
    chmodSync(dataDir, 0o777);
  }, 180_000);
  // A failed expectation must not leave a forum (and its PostgreSQL) running, or Jest never exits.
  const started: ForumProcess[] = [];
  const start = (env: Record<string, string>) => {
    const forum = runForum(env);
    started.push(forum);
    return forum;
  };
  afterAll(async () => {
    for (const forum of started.filter((each) => each.child.exitCode === null)) {
      forum.child.kill('SIGTERM');
      await Promise.race([forum.exited(), sleep(20_000).then(() => forum.child.kill('SIGKILL'))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  test('PORT=abc exits 1 with one line naming PORT', async () => {
    const forum = runForum({ PORT: 'abc', DATA_DIR: dataDir });
    expect(await forum.exited()).toBe(1);
    expect(forum.output().trim()).toBe('Configuration error: PORT expects a whole number from 0 to 65535 (got "abc")');
  });

  test('NODE_ENV=production without JWT_SECRET exits 1 naming JWT_SECRET', async () => {
    const forum = runForum({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(await forum.exited()).toBe(1);
    expect(forum.output()).toMatch(/^Configuration error: JWT_SECRET is required/);
  });

  test('starts on the embedded database, serves demo data, shares it with a command run meanwhile, stops cleanly on SIGTERM and keeps its data', async () => {
    const env = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const first = start(env);
    const url = await first.listening();
    expect(first.output()).toContain(`data in ${join(dataDir, 'postgres', 'pg')}`);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    // Leave a mark the seed would not make, straight in the database.
    const port = /on 127\.0\.0\.1:(\d+)\/forum/.exec(first.output())![1];
    const password = readFileSync(join(dataDir, 'postgres', 'password'), 'utf8');
    const client = new pg.Client({
      host: '127.0.0.1',
      port: Number(port),
      user: 'postgres',
      password,
      database: 'forum',
    });
    await client.connect();
    await client.query(
      `UPDATE collaboratives SET description = 'kept across restarts' WHERE slug = 'foundation-group'`,
    );
    await client.end();

    // An operator's command while the forum runs uses the forum's database and leaves it up.
    const command = await promisify(execFile)(
      process.execPath,
      ['dist/src/app/cli/user-create.js', '--email', 'second.admin@nhs.net', '--role', 'admin'],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, FORUM_PASSWORD: 'Orthoptic-clinic-rota-2026' },
      },
    );
    expect(command.stdout).toContain('Created admin second.admin@nhs.net');
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const signIn = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'second.admin@nhs.net', password: 'Orthoptic-clinic-rota-2026' }),
    });
    expect(signIn.status).toBe(200);
    // A second forum on the same data is refused, naming the owner, rather than borrowing a server that goes when the first stops.
    const rival = start({ ...env });
    expect(await rival.exited()).not.toBe(0);
    expect(rival.output()).toContain(`is in use by process ${first.child.pid}`);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited()).toBe(0);
    expect(first.output()).toContain('Stopped cleanly');
    expect(existsSync(join(dataDir, 'postgres', 'pg', 'postmaster.pid'))).toBe(false);

    const second = start(env);
    await second.listening();
    const again = /on 127\.0\.0\.1:(\d+)\/forum/.exec(second.output())![1];
    const check = new pg.Client({
      host: '127.0.0.1',
      port: Number(again),
      user: 'postgres',
      password,
      database: 'forum',
    });
    await check.connect();
    const rows = await check.query(`SELECT description FROM collaboratives WHERE slug = 'foundation-group'`);
    const count = await check.query(`SELECT count(*)::int AS n FROM collaboratives`);
    await check.end();
    expect(rows.rows[0].description).toBe('kept across restarts');
    expect(count.rows[0].n).toBe(12);
    second.child.kill('SIGINT');
    expect(await second.exited()).toBe(0);
    // Two full starts (embedded PostgreSQL, migrations, demo seed with argon2 hashing) on a busy 2-core machine.
  }, 240_000);
});
