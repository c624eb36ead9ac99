// The pre-commit hook as git runs it: the bundle scripts/build-pre-commit-hook.mjs makes (what
// the .vsix ships), installed with the installer, in a repository driven by the real git binary.
import * as assert from 'assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installPreCommitHook, uninstallPreCommitHook } from '../../src/core/preCommitHookFiles';
import { makeAccessKeyId, makeSecretAccessKey } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { TestRepo, isolatedGitEnv } from '../support/gitRepo';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const random = new SeededRandom(2424);
const KEY_ID = makeAccessKeyId('123456789012', random);
const SECRET = makeSecretAccessKey(random);
const EXISTING_HOOK = '#!/bin/sh\n# the team\'s own hook\necho ran >> "$(git rev-parse --git-dir)/existing-hook-ran"\nexit "${EXISTING_HOOK_EXIT:-0}"\n';

describe('pre-commit hook: blocks commits that add access keys (real git)', function () {
  this.timeout(30_000);
  let script: string;
  let repo: TestRepo;

  before(() => {
    script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-hook-build-')), 'pre-commit.js');
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-pre-commit-hook.mjs'), script], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });
  after(() => fs.rmSync(path.dirname(script), { recursive: true, force: true }));
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-hook-');
    repo.write('README.md', 'hello\n');
    repo.git('add', '.');
    repo.git('commit', '-q', '-m', 'first');
  });
  afterEach(() => repo.dispose());

  const head = (): string => repo.git('rev-parse', 'HEAD').trim();

  it('blocks a commit that adds a key ID and a secret, naming file and line; a clean commit then passes', async () => {
    const { hookPath } = await installPreCommitHook(repo.root, script);
    assert.equal(hookPath, path.join(repo.root, '.git', 'hooks', 'pre-commit'));
    const before = head();
    repo.write('deploy/prod.env', `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`);
    repo.git('add', '.');
    const blocked = repo.run('commit', '-m', 'add config');
    assert.equal(blocked.status, 1, `commit exit code (stderr: ${blocked.stderr})`);
    assert.match(blocked.stderr, new RegExp(`deploy/prod\\.env:2:19: AWS access key ID ${KEY_ID}`));
    assert.match(blocked.stderr, /deploy\/prod\.env:3:23: AWS secret access key\n/);
    assert.ok(!blocked.stderr.includes(SECRET), 'the secret itself is never printed');
    assert.equal(head(), before, 'no commit was made');

    repo.write('deploy/prod.env', 'REGION=eu-west-1\n# keys come from the environment\n# doc example: AKIAIOSFODNN7EXAMPLE\n');
    repo.git('add', '.');
    const clean = repo.run('commit', '-q', '-m', 'add config');
    assert.equal(clean.status, 0, clean.stderr);
    assert.notEqual(head(), before);
  });

  it('keeps an existing hook, runs it after its own check, and uninstall restores it byte for byte with its mode', async () => {
    const existing = repo.write('.git/hooks/pre-commit', EXISTING_HOOK);
    fs.chmodSync(existing, 0o750);
    const { chained } = await installPreCommitHook(repo.root, script);
    assert.equal(chained, true);
    const ranFile = path.join(repo.root, '.git', 'existing-hook-ran');

    repo.write('a.txt', `id ${KEY_ID}\n`);
    repo.git('add', '.');
    assert.equal(repo.run('commit', '-q', '-m', 'leak').status, 1);
    assert.ok(!fs.existsSync(ranFile), 'a blocked commit stops before the existing hook');

    repo.write('a.txt', 'nothing here\n');
    repo.git('add', '.');
    const refused = spawnSync('git', ['commit', '-q', '-m', 'clean'], { cwd: repo.root, env: isolatedGitEnv({ EXISTING_HOOK_EXIT: '3' }), encoding: 'utf8' });
    assert.notEqual(refused.status, 0, 'the existing hook can still refuse a commit');
    assert.equal(fs.readFileSync(ranFile, 'utf8'), 'ran\n');
    assert.equal(repo.run('commit', '-q', '-m', 'clean').status, 0);
    assert.equal(fs.readFileSync(ranFile, 'utf8'), 'ran\nran\n', 'the existing hook ran on each clean commit');

    await installPreCommitHook(repo.root, script); // again: an update, the chained hook stays
    const { restored } = await uninstallPreCommitHook(repo.root);
    assert.equal(restored, true);
    assert.equal(fs.readFileSync(existing, 'utf8'), EXISTING_HOOK);
    assert.equal(fs.statSync(existing).mode & 0o777, 0o750);
    assert.ok(!fs.existsSync(`${existing}.iamkeys-previous`), 'nothing left beside it');
  });

  it('installs where core.hooksPath points, and uninstall without an earlier hook removes it', async () => {
    repo.git('config', 'core.hooksPath', 'tools/hooks');
    const { hookPath, chained } = await installPreCommitHook(repo.root, script);
    assert.equal(hookPath, path.join(repo.root, 'tools', 'hooks', 'pre-commit'));
    assert.equal(chained, false);
    repo.write('b.txt', `${KEY_ID}\n`);
    repo.git('add', 'b.txt');
    const blocked = repo.run('commit', '-m', 'leak');
    assert.equal(blocked.status, 1);
    assert.match(blocked.stderr, /b\.txt:1:1: AWS access key ID/);
    await uninstallPreCommitHook(repo.root);
    assert.ok(!fs.existsSync(hookPath));
    assert.equal(repo.run('commit', '-q', '-m', 'leak').status, 0, 'without the hook the commit goes through');
  });

  it('uninstall refuses a hook that is not its own', async () => {
    repo.write('.git/hooks/pre-commit', EXISTING_HOOK);
    await assert.rejects(uninstallPreCommitHook(repo.root), /No IAM Access Keys pre-commit hook is installed/);
    assert.equal(fs.readFileSync(path.join(repo.root, '.git/hooks/pre-commit'), 'utf8'), EXISTING_HOOK);
  });
});

