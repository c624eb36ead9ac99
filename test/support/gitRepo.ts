// A real git repository in a temporary folder (or a folder the test names), driven by the real
// `git` binary with the user's and the system's git config kept out (so hooksPath, signing,
// templates or a global ignore file on the machine can't change what a test sees); commits get
// a fixed author and one fake day each. A missing git fails through requireTool, never a skip.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GIT, requireTool } from './requiredTool';

export const TEST_AUTHOR = { name: 'Test Author', email: 'author@example.com' };

/** The environment git runs with in these tests: no global or system config, a fixed author. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    // No user-wide ignore file (core.excludesFile defaults to $XDG_CONFIG_HOME/git/ignore).
    XDG_CONFIG_HOME: path.join(os.tmpdir(), 'iamkeys-no-xdg-config'),
    GIT_AUTHOR_NAME: TEST_AUTHOR.name,
    GIT_AUTHOR_EMAIL: TEST_AUTHOR.email,
    GIT_COMMITTER_NAME: TEST_AUTHOR.name,
    GIT_COMMITTER_EMAIL: TEST_AUTHOR.email,
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

export class TestRepo {
  private tick = 0;

  private constructor(readonly root: string) {}

  /** `git init` (branch main) in a new temporary folder under `parent` (default: the system's temp folder). */
  static create(prefix = 'iamkeys-git-', parent = os.tmpdir()): TestRepo {
    requireTool(GIT);
    return TestRepo.init(fs.realpathSync(fs.mkdtempSync(path.join(parent, prefix))));
  }

  /** `git init` (branch main) in an existing folder, e.g. the test workspace itself. */
  static initIn(dir: string): TestRepo {
    requireTool(GIT);
    return TestRepo.init(dir);
  }

  private static init(root: string): TestRepo {
    const repo = new TestRepo(root);
    repo.git('init', '-q', '-b', 'main');
    return repo;
  }

  /** The folder (the history tests' name for it). */
  get dir(): string {
    return this.root;
  }

  /** Runs git; throws with its output unless it exits 0. */
  git(...args: string[]): string {
    const run = this.run(...args);
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} exited ${run.status}: ${run.error?.message ?? ''}${run.stderr}`);
    return run.stdout;
  }

  /** Runs git and returns the whole result, whatever the exit code. */
  run(...args: string[]): SpawnSyncReturns<string> {
    return spawnSync('git', args, { cwd: this.root, env: isolatedGitEnv(this.dates()), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  /** Writes `text` to `relative` (folders made as needed); returns the file's path. */
  write(relative: string, text: string | Buffer): string {
    const file = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  /** Deletes one file of the working tree. */
  deleteFile(relative: string): void {
    fs.rmSync(path.join(this.root, relative));
  }

  /** Commits everything, one fake day after the previous commit; returns the commit's hash. */
  commit(message: string): string {
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Deletes the whole folder. */
  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private dates(): NodeJS.ProcessEnv {
    const date = new Date(Date.UTC(2024, 0, 1) + this.tick * 86_400_000).toISOString();
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }
}
