import { type ChildProcess, spawn } from 'node:child_process';

import { freePort } from '../../src/database/embedded-postgres.js';

export interface DedicatedRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A Redis server of a suite's own (the machine's `redis-server`), for suites that stop and start it. */
export async function dedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const ready = (process: ChildProcess) =>
    new Promise<void>((resolve, reject) => {
      let output = '';
      process.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) resolve();
      });
      process.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${output}`)));
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      await ready(child);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
