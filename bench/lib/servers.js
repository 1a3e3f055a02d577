import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/**
 * Server on core 0, load generator on core 1, when taskset and two cores are there.
 * PostgreSQL stays free to run on either: pinned beside the load generator it starved
 * that core, and the baseline then used only 60 % of its own, which flattered the ratio.
 */
export function coreSets() {
  const taskset = spawnSync('taskset', ['-V']).status === 0;
  return taskset && cpus().length >= 2 ? { server: '0', load: '1' } : null;
}

function pinned(cores, core, args) {
  return cores ? ['taskset', ['-c', core, ...args]] : [args[0], args.slice(1)];
}

export function rssMiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Servers still running: killed if the runner dies, so none outlives an interrupted run. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, 100 a second on Linux
  } catch {
    return null;
  }
}

export const load = () => loadavg().map((value) => Number(value.toFixed(2)));

/**
 * Starts the forum (`dist/src/main.js`) or the baseline on its core and waits until it
 * answers /health/live. Both get the same database, secret and pool size; `env` adds to or
 * overrides the environment (REDIS_URL for the forum as users run it).
 */
export async function startServer(
  kind,
  { root, databaseUrl, jwtSecret, port, cores, cpuProfileDir, profileName = kind, env: extraEnv = {} },
) {
  const script = kind === 'app' ? `${root}/dist/src/main.js` : `${root}/bench/baseline/server.js`;
  const nodeArgs = [
    ...(kind === 'app' ? startFlags(root) : []),
    ...(cpuProfileDir
      ? [`--cpu-prof`, `--cpu-prof-dir=${cpuProfileDir}`, `--cpu-prof-name=${profileName}-${Date.now()}.cpuprofile`]
      : []),
  ];
  const [command, args] = pinned(cores, cores?.server, [process.execPath, ...nodeArgs, script]);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    // No SMTP server in a benchmark: mail stays in the database (production must say so).
    MAIL_TRANSPORT: 'mailbox',
    // The general per-person limit would otherwise answer 429 to a load generator.
    RATE_LIMIT_GENERAL: '1000000',
    RATE_LIMIT_REJECTS_PER_IP: '1000000',
    // The live scenarios open many sockets for few people from one address.
    LIVE_SOCKETS_PER_PERSON: '1000000',
    LIVE_SOCKETS_PER_ADDRESS: '1000000',
    // REDIS_URL for the run "as users run it" (shared limits, socket.io's Redis adapter); the
    // runner's own REDIS_URL, if any, must not leak into the other runs.
    REDIS_URL: undefined,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`${kind} exited during start: ${stderr}`);
    if (waited > 60_000) throw new Error(`${kind} did not start within 60 s: ${stderr}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) break;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    kind,
    url,
    pid: child.pid,
    rss: () => rssMiB(child.pid),
    cpu: () => cpuSeconds(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The Node flags `npm start` gives the forum (`node <flags> dist/src/main.js`), so it is measured as it runs. */
function startFlags(root) {
  const start = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).scripts.start.split(/\s+/);
  return start.slice(1, start.indexOf('dist/src/main.js'));
}

/** Runs a worker script on the load core and returns its JSON output. */
export function runWorker(root, cores, script, argument) {
  const [command, args] = pinned(cores, cores?.load, [process.execPath, `${root}/bench/lib/${script}`, argument]);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(out));
      } catch (error) {
        reject(new Error(`${script} printed no JSON: ${out.slice(0, 500)}`));
      }
    });
  });
}
