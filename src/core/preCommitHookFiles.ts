// Installs and removes the pre-commit hook (src/hooks/preCommit.ts, shipped as
// dist/pre-commit.js) in a repository's hooks folder, honouring core.hooksPath. A hook that was
// there is renamed beside ours (pre-commit.iamkeys-previous), which runs it after its own check;
// uninstalling renames it back, so it comes back byte for byte, with its mode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runGit } from './gitRun';
import { CHAINED_HOOK_SUFFIX, HOOK_MARKER } from './preCommitHookNames';

export class HookError extends Error {
  override readonly name = 'HookError';
}

/** The pre-commit hook's path for the repository at `repoRoot` (core.hooksPath respected). */
export async function preCommitHookPath(repoRoot: string): Promise<string> {
  const hooks = (await runGit(repoRoot, ['rev-parse', '--git-path', 'hooks'])).trim();
  return path.resolve(repoRoot, hooks, 'pre-commit');
}

function isOurs(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(512);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, n).toString('utf8').includes(HOOK_MARKER);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Installs `script` as the pre-commit hook (again, if ours is there: an update). A hook that
 * was there before is kept beside it and chained.
 */
export async function installPreCommitHook(repoRoot: string, script: string): Promise<{ hookPath: string; chained: boolean }> {
  const hookPath = await preCommitHookPath(repoRoot);
  const previous = hookPath + CHAINED_HOOK_SUFFIX;
  await fs.promises.mkdir(path.dirname(hookPath), { recursive: true });
  const exists = fs.existsSync(hookPath) || isSymlink(hookPath);
  if (exists && !isOurs(hookPath)) {
    if (fs.existsSync(previous) || isSymlink(previous)) throw new HookError(`${previous} is in the way: move it, then install again.`);
    await fs.promises.rename(hookPath, previous);
  }
  const temp = `${hookPath}.iamkeys-${process.pid}.tmp`;
  try {
    await fs.promises.copyFile(script, temp);
    await fs.promises.chmod(temp, 0o755);
    await fs.promises.rename(temp, hookPath);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    // Put the old hook back where it was: a failed install leaves the repository as it was.
    if (exists && !fs.existsSync(hookPath) && fs.existsSync(previous)) await fs.promises.rename(previous, hookPath);
    throw error;
  }
  return { hookPath, chained: fs.existsSync(previous) || isSymlink(previous) };
}

/** Removes our hook and puts back the one it chained to, if any. */
export async function uninstallPreCommitHook(repoRoot: string): Promise<{ hookPath: string; restored: boolean }> {
  const hookPath = await preCommitHookPath(repoRoot);
  if (!isOurs(hookPath)) throw new HookError(`No IAM Access Keys pre-commit hook is installed at ${hookPath}.`);
  const previous = hookPath + CHAINED_HOOK_SUFFIX;
  const restored = fs.existsSync(previous) || isSymlink(previous);
  if (restored) await fs.promises.rename(previous, hookPath);
  else await fs.promises.rm(hookPath);
  return { hookPath, restored };
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
