// `npm run dev`: compiles the API in watch mode and restarts it after each good build, and runs
// Vite's dev server for the web client (hot reload), which forwards /api, /live, /docs and
// /health to the API. Open the web client at the address Vite prints (http://localhost:5173).
import { spawn } from 'node:child_process';

let server;
let restarting = Promise.resolve();

function startServer() {
  server = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], { stdio: 'inherit' });
}

function stopServer() {
  if (!server || server.exitCode !== null) return Promise.resolve();
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  return stopped;
}

const compiler = spawn(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
compiler.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Found 0 errors/.test(text)) restarting = restarting.then(stopServer).then(startServer);
});

const apiPort = process.env.PORT ?? '3000';
const webDevServer = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FORUM_API_URL: process.env.FORUM_API_URL ?? `http://127.0.0.1:${apiPort}` },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    compiler.kill();
    webDevServer.kill();
    await stopServer();
    process.exit(0);
  });
}
