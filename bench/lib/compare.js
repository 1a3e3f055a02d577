// `--compare <rev>`: the forum as it was at a git revision, built beside this tree, so a
// change can be measured against the code before it in one run, rounds interleaved. On
// these VMs the machine's speed drifts by a fifth within hours, so figures from two runs
// made at different times cannot show a change of a few percent; interleaved rounds can.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function run(command, args, options, what) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0)
    throw new Error(
      `--compare: ${what} failed: ${String(
        result.stderr || result.stdout || result.error || `exit code ${result.status}`,
      )
        .trim()
        .slice(-2000)}`,
    );
  return result.stdout;
}

/**
 * Exports `rev` into `.bench-data/compare/<sha>/` (kept, so a second comparison reuses the
 * build) and builds its API. Its dependencies are this tree's when both lock files agree,
 * and its own (`npm ci`) when they do not.
 */
export function buildRevision(root, rev, log) {
  const found = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
    cwd: root,
    encoding: 'utf8',
  });
  if (found.status !== 0)
    throw new Error(`--compare: git knows no commit "${rev}" in ${root} (give a commit id, a tag, a branch or HEAD~1)`);
  const sha = found.stdout.trim();
  const short = sha.slice(0, 7);
  const dir = join(root, '.bench-data', 'compare', sha);
  const builtMarker = join(dir, '.built');
  if (existsSync(builtMarker)) {
    log(`Comparing with ${short}: reusing its build in ${dir}`);
    return { root: dir, sha, label: `forum at ${short}` };
  }
  log(`Comparing with ${short}: exporting and building it in ${dir}…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = run('git', ['archive', '--format=tar', sha], { cwd: root, encoding: 'buffer' }, `exporting ${short}`);
  run('tar', ['-x', '-C', dir], { input: archive }, `unpacking ${short}`);
  const sameLock =
    readFileSync(join(root, 'package-lock.json'), 'utf8') === readFileSync(join(dir, 'package-lock.json'), 'utf8');
  if (sameLock) {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } else {
    log(`  ${short} locks other dependencies than this tree: installing its own (npm ci)…`);
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir }, `npm ci for ${short}`);
  }
  run(
    process.execPath,
    [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: dir },
    `building ${short}`,
  );
  writeFileSync(builtMarker, `${sha}\n`);
  return { root: dir, sha, label: `forum at ${short}` };
}
