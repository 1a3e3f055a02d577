import { spawnSync } from 'node:child_process';

/**
 * The commit a run measured and whether the tree had changes on top of it (tracked files
 * only: the benchmark's own untracked results do not count), so figures can be traced.
 */
export function gitState(root) {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return { commit: null, dirty: null };
  const status = git('status', '--porcelain', '--untracked-files=no');
  const changed = status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : null;
  return { commit: head.stdout.trim(), dirty: changed === null ? null : changed > 0, changedFiles: changed };
}
