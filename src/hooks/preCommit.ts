// The pre-commit hook iamKeys.installPreCommitHook installs (bundled alone as
// dist/pre-commit.js, needing only git and node): blocks a commit whose staged changes add an
// AWS access key ID or secret access key (the documentation's …EXAMPLE keys excepted), naming
// file and line, then runs the hook that was there before (kept beside it), if any. Runs from
// a terminal's `git commit` as well as from the editor; `git commit --no-verify` skips it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHAINED_HOOK_SUFFIX } from '../core/preCommitHookNames';
import { STAGED_DIFF_ARGS, stagedLeaks } from '../core/stagedDiff';

const KIND_TEXT = { 'access-key-id': 'AWS access key ID', 'secret-access-key': 'AWS secret access key' } as const;

function main(): number {
  const diff = spawnSync('git', [...STAGED_DIFF_ARGS], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, windowsHide: true });
  if (diff.error || diff.status !== 0) {
    process.stderr.write(`iam-access-keys pre-commit: could not read the staged changes (${diff.error ? diff.error.message : `git diff exit code ${diff.status}`}); commit blocked.\n`);
    return 1;
  }
  const leaks = stagedLeaks(diff.stdout);
  if (leaks.length > 0) {
    const lines = leaks.map((l) => `  ${l.path}:${l.line}:${l.column}: ${KIND_TEXT[l.finding.kind]}${l.finding.accessKeyId ? ` ${l.finding.accessKeyId}` : ''}`);
    process.stderr.write(
      `iam-access-keys pre-commit: the staged changes add AWS credentials; commit blocked.\n${lines.join('\n')}\n` +
        'Remove them from the staged files (git restore --staged <file>), or commit with --no-verify to skip this check.\n',
    );
    return 1;
  }
  // The hook that was there before ours: it runs after the check, with the same arguments.
  const chained = path.join(path.dirname(process.argv[1] as string), `pre-commit${CHAINED_HOOK_SUFFIX}`);
  if (!fs.existsSync(chained)) return 0;
  const run = spawnSync(chained, process.argv.slice(2), { stdio: 'inherit', windowsHide: true });
  if (run.error) {
    process.stderr.write(`iam-access-keys pre-commit: the earlier pre-commit hook (${chained}) could not run: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

process.exitCode = main();
