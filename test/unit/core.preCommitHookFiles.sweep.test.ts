// Installing and removing the pre-commit hook in a real git repository, beyond
// core.preCommitHookFiles.test.ts: removing when none is ours, a user's hook that is a dangling
// symbolic link, and that telling our hook from another leaves no file open.
import * as assert from 'assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HookError, installPreCommitHook, uninstallPreCommitHook } from '../../src/core/preCommitHookFiles';
import { TestRepo } from '../support/gitRepo';
import { openDescriptorCount } from '../support/openDescriptors';

/** Our hook as far as the installer can tell: it carries the marker the shipped hook carries. */
const OUR_SCRIPT = '#!/usr/bin/env node\n// iam-access-keys pre-commit hook\n';

describe('preCommitHookFiles sweep: uninstalling, symbolic links, open files', () => {
  let repo: TestRepo;
  let hook: string;
  let previous: string;
  beforeEach(() => {
    repo = TestRepo.create('iamkeys-hookfiles-sweep-');
    hook = path.join(repo.root, '.git', 'hooks', 'pre-commit');
    previous = `${hook}.iamkeys-previous`;
  });
  afterEach(() => repo.dispose());

  it('uninstalling where no hook is installed is refused with a HookError naming the path', async () => {
    await assert.rejects(uninstallPreCommitHook(repo.root), (error: unknown) => {
      assert.ok(error instanceof HookError);
      assert.equal(error.message, `No IAM Access Keys pre-commit hook is installed at ${hook}.`);
      return true;
    });
  });

  it("a user's hook that is a dangling symbolic link is chained as the link and put back on uninstall", async () => {
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    fs.symlinkSync('../../team-hooks/pre-commit', hook);
    const script = repo.write('our-hook.js', OUR_SCRIPT);
    assert.deepEqual(await installPreCommitHook(repo.root, script), { hookPath: hook, chained: true });
    assert.equal(fs.readlinkSync(previous), '../../team-hooks/pre-commit');
    assert.equal(fs.readFileSync(hook, 'utf8'), OUR_SCRIPT);
    assert.deepEqual(await uninstallPreCommitHook(repo.root), { hookPath: hook, restored: true });
    assert.equal(fs.readlinkSync(hook), '../../team-hooks/pre-commit');
  });

  it('looking inside the hooks to tell ours apart leaves no file open', async () => {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho users own hook\n');
    const script = repo.write('our-hook.js', OUR_SCRIPT);
    const openBefore = openDescriptorCount();
    // Each round looks inside a hook twice: a leak would leave 20 more files open. Other tests'
    // sockets may still close (or, rarely, open) meanwhile, hence the margin.
    for (let i = 0; i < 10; i++) {
      await installPreCommitHook(repo.root, script);
      await uninstallPreCommitHook(repo.root);
    }
    const opened = openDescriptorCount() - openBefore;
    assert.ok(opened < 10, `${opened} more files open after 10 rounds`);
  });
});
