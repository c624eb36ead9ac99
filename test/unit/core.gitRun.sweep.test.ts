// runGit against the real git binary, beyond the two failures of core.gitRun.test.ts: what it
// hands back, the environment it runs with, cancelling before and during a run, git missing
// or not runnable, and that a signal's abort listener never outlives the run.
import * as assert from 'assert/strict';
import { getEventListeners } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitError, runGit } from '../../src/core/gitRun';
import { isolatedGitEnv, TestRepo } from '../support/gitRepo';

/** What runGit rejected with (fails the test when it resolves). */
function failureOf(run: Promise<string>): Promise<unknown> {
  return run.then(
    (stdout) => assert.fail(`git resolved with ${JSON.stringify(stdout)}`),
    (error: unknown) => error,
  );
}

describe('gitRun sweep: output, environment, cancelling, git not runnable', () => {
  let repo: TestRepo;
  let scratch: string;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-gitrun-sweep-');
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-gitrun-path-')));
  });
  afterEach(() => {
    repo.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("resolves with what git printed for the arguments given", async () => {
    assert.equal(await runGit(repo.root, ['rev-parse', '--is-inside-work-tree'], { env: isolatedGitEnv() }), 'true\n');
  });

  it('gives git no input: a command that reads stdin reads nothing instead of waiting', async () => {
    // The empty blob's id: git hashed an empty stdin (a pipe left open would never end).
    assert.equal(await runGit(repo.root, ['hash-object', '--stdin'], { env: isolatedGitEnv() }), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n');
  });

  it('runs git with the environment it is given', async () => {
    const env = isolatedGitEnv({ GIT_AUTHOR_NAME: 'Sweep Env Person', GIT_AUTHOR_EMAIL: 'sweep@example.com', GIT_AUTHOR_DATE: '@0 +0000' });
    assert.equal(await runGit(repo.root, ['var', 'GIT_AUTHOR_IDENT'], { env }), 'Sweep Env Person <sweep@example.com> 0 +0000\n');
  });

  it('an already aborted signal rejects with AbortError and git never runs', async () => {
    const controller = new AbortController();
    controller.abort();
    const failure = await failureOf(runGit(repo.root, ['config', 'sweep.ran', 'yes'], { signal: controller.signal, env: isolatedGitEnv() }));
    assert.equal((failure as Error).name, 'AbortError');
    assert.equal(repo.run('config', 'sweep.ran').stdout, '', 'git config ran although the signal was aborted');
  });

  it('aborting a running git stops it and rejects with AbortError', async () => {
    // git retries a held ref lock for core.filesRefLockTimeout ms, in its own process: a git that
    // waits a minute unless it is killed.
    repo.commit('first');
    repo.write('.git/refs/heads/held.lock', '');
    const controller = new AbortController();
    const run = runGit(repo.root, ['-c', 'core.filesRefLockTimeout=60000', 'update-ref', 'refs/heads/held', 'HEAD'], { signal: controller.signal, env: isolatedGitEnv() });
    controller.abort();
    const failure = await failureOf(run);
    assert.equal((failure as Error).name, 'AbortError');
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('leaves no abort listener on the signal once git has finished, failed or not started', async () => {
    const signal = new AbortController().signal;
    await runGit(repo.root, ['rev-parse', '--git-dir'], { signal, env: isolatedGitEnv() });
    assert.equal(getEventListeners(signal, 'abort').length, 0, 'after a success');
    await failureOf(runGit(repo.root, ['rev-parse', '--verify', '--quiet', 'no-such-ref'], { signal, env: isolatedGitEnv() }));
    assert.equal(getEventListeners(signal, 'abort').length, 0, 'after a failure');
    await failureOf(runGit(repo.root, ['status'], { signal, env: { PATH: scratch } }));
    assert.equal(getEventListeners(signal, 'abort').length, 0, 'after git could not start');
  });

  it('no git on PATH: a git-missing GitError with our message and no detail', async () => {
    const failure = await failureOf(runGit(repo.root, ['status'], { env: { PATH: scratch } }));
    assert.ok(failure instanceof GitError);
    assert.equal(failure.kind, 'git-missing');
    assert.equal(failure.message, 'git was not found on PATH.');
    assert.equal(failure.detail, '');
  });

  it('a folder that does not exist is not reported as git missing', async () => {
    const gone = path.join(scratch, 'deleted-folder');
    const failure = await failureOf(runGit(gone, ['status'], { env: isolatedGitEnv() }));
    assert.ok(failure instanceof GitError);
    assert.equal(failure.kind, 'git-failed');
    assert.equal(failure.message, 'The folder git was to run in does not exist.');
    assert.equal(failure.detail, 'ENOENT');
  });

  it('a git on PATH that cannot be run: a git-failed GitError with the system error code as detail', async () => {
    fs.writeFileSync(path.join(scratch, 'git'), '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    const failure = await failureOf(runGit(repo.root, ['status'], { env: { PATH: scratch } }));
    assert.ok(failure instanceof GitError);
    assert.equal(failure.kind, 'git-failed');
    assert.equal(failure.message, 'git could not be started.');
    assert.equal(failure.detail, 'EACCES');
  });

  it('a failure whose arguments are all options names no subcommand', async () => {
    const failure = await failureOf(runGit(repo.root, ['--no-such-option'], { env: isolatedGitEnv() }));
    assert.ok(failure instanceof GitError);
    assert.equal(failure.message, 'git  failed (exit code 129).');
  });

  it("keeps at most 2000 characters of git's stderr as the detail", async () => {
    // Short folder names: a long path, not a too-long name, so git reports the pathspec.
    const longName = `no-such-path/${'x/'.repeat(1500)}end`;
    const failure = await failureOf(runGit(repo.root, ['checkout', longName], { env: isolatedGitEnv() }));
    assert.ok(failure instanceof GitError);
    assert.equal(failure.message, 'git checkout failed (exit code 1).');
    assert.equal(failure.detail.length, 2000);
    assert.ok(failure.detail.startsWith("error: pathspec 'no-such-path/x/x/"), failure.detail.slice(0, 80));
  });
});
