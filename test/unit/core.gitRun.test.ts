// runGit against the real git binary: what it resolves with, and the GitError (its kind and the
// message we wrote) when git fails.
import * as assert from 'assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitError, runGit } from '../../src/core/gitRun';
import { isolatedGitEnv, TestRepo } from '../support/gitRepo';

describe('gitRun: git run without a shell, failures as GitError', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-gitrun-');
  });
  afterEach(() => repo.dispose());

  it('a failing command names the git subcommand (not its options) and the exit code', async () => {
    const failure = await runGit(repo.root, ['-c', 'core.quotePath=false', 'rev-parse', '--verify', '--quiet', 'no-such-ref'], { env: isolatedGitEnv() }).then(
      () => assert.fail('rev-parse of a missing ref resolved'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof GitError);
    assert.equal(failure.name, 'GitError');
    assert.equal(failure.kind, 'git-failed');
    assert.equal(failure.message, 'git rev-parse failed (exit code 1).');
  });

  it('a folder outside any repository is told apart by what git printed on stderr', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-norepo-')));
    try {
      const env = isolatedGitEnv({ GIT_CEILING_DIRECTORIES: path.dirname(outside) });
      const failure = await runGit(outside, ['status'], { env }).then(() => assert.fail('git status outside a repository resolved'), (error: unknown) => error);
      assert.ok(failure instanceof GitError);
      assert.equal(failure.kind, 'not-a-repository');
      assert.equal(failure.message, 'The folder is not in a git repository.');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
