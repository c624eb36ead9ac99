// Benchmark: the staged check (iamKeys.scanStaged and the pre-commit hook) on a 1 MB staged
// change in a real git repository: `git diff --cached -U0` read and scanned (added lines only)
// against reading the diff alone (the floor), and the hook bundle run as git runs it.
//
//   npm run compile-tests && node out/test/bench/stagedCheck.js [--mb 1] [--runs 7]
//
// Every run must find exactly the planted keys, at their lines.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runGit } from '../../src/core/gitRun';
import { STAGED_DIFF_ARGS, stagedLeaksAsync } from '../../src/core/stagedDiff';
import { makeAccessKeyId } from '../emulator/keyIds';
import { SeededRandom } from '../emulator/random';
import { TestRepo, isolatedGitEnv } from '../support/gitRepo';
import { fmtMs, median, nowMs } from './stats';

const FILLER = 'export const config = { region: "us-east-1", retries: 3, timeoutMs: 5000 }; // staged change';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mb = Number(argv[argv.indexOf('--mb') + 1] ?? 1) || 1;
  const runs = Number(argv[argv.indexOf('--runs') + 1] ?? 7) || 7;
  const repo = TestRepo.create('iamkeys-bench-staged-');
  try {
    const random = new SeededRandom(24);
    const planted: string[] = [];
    const lines: string[] = [];
    const files = 20;
    for (let f = 0; f < files; f++) {
      const fileLines: string[] = [];
      while (fileLines.join('\n').length < (mb * 1024 * 1024) / files) {
        if (fileLines.length % 500 === 250) {
          const id = makeAccessKeyId('123456789012', random);
          planted.push(`src/f${f}.ts:${fileLines.length + 1} ${id}`);
          fileLines.push(`const key = "${id}";`);
        } else fileLines.push(`${FILLER} ${fileLines.length}`);
      }
      lines.push(...fileLines);
      repo.write(`src/f${f}.ts`, fileLines.join('\n') + '\n');
    }
    repo.git('add', '.');
    const diffBytes = Buffer.byteLength(repo.git(...STAGED_DIFF_ARGS));
    const env = isolatedGitEnv();
    const floor: number[] = [];
    const check: number[] = [];
    const scanOnly: number[] = [];
    await runGit(repo.root, STAGED_DIFF_ARGS, { env }); // warm: the index and objects in the page cache
    for (let i = 0; i < runs; i++) {
      let t = nowMs();
      const diff = await runGit(repo.root, STAGED_DIFF_ARGS, { env });
      floor.push(nowMs() - t);
      t = nowMs();
      await stagedLeaksAsync(diff);
      scanOnly.push(nowMs() - t);
      t = nowMs();
      const leaks = await stagedLeaksAsync(await runGit(repo.root, STAGED_DIFF_ARGS, { env }));
      check.push(nowMs() - t);
      const found = leaks.map((l) => `${l.path}:${l.line} ${l.finding.accessKeyId}`).sort();
      if (JSON.stringify(found) !== JSON.stringify([...planted].sort())) throw new Error(`run ${i}: found ${found.length}, planted ${planted.length}`);
    }
    // The hook as git runs it: a node process reading the diff itself.
    const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iamkeys-bench-hook-')), 'pre-commit.js');
    const build = spawnSync(process.execPath, [path.resolve(__dirname, '../../../scripts/build-pre-commit-hook.mjs'), hook], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(build.stderr);
    const hookMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = nowMs();
      const run = spawnSync(process.execPath, [hook], { cwd: repo.root, env, encoding: 'utf8' });
      hookMs.push(nowMs() - t);
      if (run.status !== 1 || (run.stderr.match(/AWS access key ID/g) ?? []).length !== planted.length) throw new Error(`hook run ${i}: exit ${run.status}`);
    }
    fs.rmSync(path.dirname(hook), { recursive: true, force: true });
    console.log(`staged change: ${files} new files, ${lines.length} lines, diff ${(diffBytes / 1024 / 1024).toFixed(2)} MB, ${planted.length} planted key IDs; median of ${runs}`);
    console.log(`git diff --cached -U0 alone (floor): ${fmtMs(median(floor))}`);
    console.log(`added lines + scan of that diff: ${fmtMs(median(scanOnly))}`);
    console.log(`staged check (diff + added lines + scan): ${fmtMs(median(check))} (${(median(check) / median(floor)).toFixed(1)}× the floor)`);
    console.log(`pre-commit hook process (node start + diff + scan): ${fmtMs(median(hookMs))}`);
  } finally {
    repo.dispose();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
