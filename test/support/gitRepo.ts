// A real git repository in a temporary folder, for tests of the history scan: files written and
// committed with fixed authors and dates, branches and merges made with the real `git` binary
// (missing git fails through requireTool, never a skip).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GIT, requireTool } from './requiredTool';

export class TestRepo {
  private tick = 0;

  private constructor(readonly dir: string) {}

  /** A new repository on branch `main`, with a fixed identity, in a new temporary folder or in `dir`. */
  static create(prefix = 'iamkeys-history-', dir?: string): TestRepo {
    requireTool(GIT);
    const repo = new TestRepo(dir ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.name', 'Test Author');
    repo.git('config', 'user.email', 'author@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...this.dates() } });
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.dir, file));
  }

  /** Commits everything, one fake day after the previous commit; returns the commit's hash. */
  commit(message: string): string {
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private dates(): NodeJS.ProcessEnv {
    const date = new Date(Date.UTC(2024, 0, 1) + this.tick * 86_400_000).toISOString();
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }
}
