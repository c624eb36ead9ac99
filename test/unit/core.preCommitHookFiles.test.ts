// Installing the pre-commit hook beside a hook the user already has, in a real git repository:
// what is refused, and that a failed install leaves the hooks folder as it was.
import * as assert from 'assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HookError, installPreCommitHook } from '../../src/core/preCommitHookFiles';
import { TestRepo } from '../support/gitRepo';

const USERS_HOOK = '#!/bin/sh\necho users own hook\n';

describe('preCommitHookFiles: installing beside an existing hook', () => {
  let repo: TestRepo;
  let hook: string;
  let previous: string;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-hookfiles-');
    hook = path.join(repo.root, '.git', 'hooks', 'pre-commit');
    previous = path.join(repo.root, '.git', 'hooks', 'pre-commit.iamkeys-previous');
  });
  afterEach(() => repo.dispose());

  it('refuses when the chained hook name is taken, and says which file is in the way', async () => {
    repo.write('.git/hooks/pre-commit', USERS_HOOK);
    repo.write('.git/hooks/pre-commit.iamkeys-previous', 'older\n');
    const script = repo.write('our-hook.js', '// ours\n');
    await assert.rejects(installPreCommitHook(repo.root, script), (error: unknown) => {
      assert.ok(error instanceof HookError);
      assert.equal(error.name, 'HookError');
      assert.equal(error.message, `${previous} is in the way: move it, then install again.`);
      return true;
    });
    assert.equal(fs.readFileSync(hook, 'utf8'), USERS_HOOK);
  });

  it('a failed copy puts the user hook back where it was and rejects', async () => {
    repo.write('.git/hooks/pre-commit', USERS_HOOK);
    const missingScript = path.join(repo.root, 'no-such-hook.js');
    await assert.rejects(installPreCommitHook(repo.root, missingScript), { code: 'ENOENT' });
    assert.equal(fs.readFileSync(hook, 'utf8'), USERS_HOOK);
    assert.equal(fs.existsSync(previous), false);
  });

  it('a failed copy with no hook before leaves a stray chained file where it is', async () => {
    repo.write('.git/hooks/pre-commit.iamkeys-previous', 'stray\n');
    await assert.rejects(installPreCommitHook(repo.root, path.join(repo.root, 'no-such-hook.js')), { code: 'ENOENT' });
    assert.equal(fs.existsSync(hook), false);
    assert.equal(fs.readFileSync(previous, 'utf8'), 'stray\n');
  });
});
