// A git repository in a temporary folder, driven by the real git binary, with the user's and
// the system's git config kept out (so hooksPath, signing or templates on the machine can't
// change what a test sees). CI must have git: a missing binary fails the test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The environment git runs with in these tests: no global or system config, a fixed author. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    // No user-wide ignore file (core.excludesFile defaults to $XDG_CONFIG_HOME/git/ignore).
    XDG_CONFIG_HOME: path.join(os.tmpdir(), 'iamkeys-no-xdg-config'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

export class GitTempRepo {
  private constructor(readonly root: string) {}

  /** `git init` in a new temporary folder (branch main), in `parent` (default: the system's temp folder). */
  static create(prefix = 'iamkeys-git-', parent = os.tmpdir()): GitTempRepo {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(parent, prefix)));
    const repo = new GitTempRepo(root);
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  /** Runs git; throws with its output unless it exits 0. */
  git(...args: string[]): string {
    const run = this.run(...args);
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} exited ${run.status}: ${run.error?.message ?? ''}${run.stderr}`);
    return run.stdout;
  }

  /** Runs git and returns the whole result, whatever the exit code. */
  run(...args: string[]): SpawnSyncReturns<string> {
    return spawnSync('git', args, { cwd: this.root, env: isolatedGitEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  /** Writes `text` to `relative` (folders made as needed). */
  write(relative: string, text: string | Buffer): string {
    const file = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
