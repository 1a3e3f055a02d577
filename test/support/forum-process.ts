import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Compiles the app as `npm start` does, so the real entry point can be run. */
export function buildOnce(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}

export interface ForumProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the URL once the server says it listens. */
  listening(): Promise<string>;
  exited(): Promise<number | null>;
}

/** The Node flags `npm start` gives `dist/src/main.js`, so a test runs the server as it ships (and a flag Node no longer takes fails here). */
function startFlags(): string[] {
  const start: string[] = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')).scripts.start.split(/\s+/);
  return start.slice(1, start.indexOf('dist/src/main.js'));
}

/**
 * Runs `node <npm start's flags> dist/src/main.js` with only the given environment (plus PATH). `detached`
 * makes it lead its own process group, so the server and the embedded PostgreSQL it
 * starts can be killed together, as a power cut would.
 */
export function runForum(env: Record<string, string>, options: { detached?: boolean } = {}): ForumProcess {
  const child = spawn(process.execPath, [...startFlags(), 'dist/src/main.js'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited: () => exit,
    listening: () =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
          if (match) return resolve(match[1]!);
          if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode}: ${output}`));
          setTimeout(check, 100);
        };
        check();
      }),
  };
}
