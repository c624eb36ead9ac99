// Benchmark: the git history scan (git/historyScan: one streamed `git log -p`, parsed and
// scanned as it comes) over a generated repository (test/support/historyRepo: 10,000 commits of
// ~20 KB each, ~200 MB of history, 100 planted key IDs, every other one removed later), against
// the floor of reading that history once: `git log -p --all | grep -E <key ID pattern>`.
// Every planted key must be found, in the commit that added it, at its line; the removed ones
// must not be "still in HEAD" and the others must. detect-secrets (pip) is not installable on
// these machines (no PyPI access), so it is not compared.
//
//   node out/test/bench/historyScan.js [--commits 10000] [--kb 20] [--keys 100] [--runs 3]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { scanHistory, stillInHead } from '../../src/git/historyScan';
import { generateHistory } from '../support/historyRepo';

interface Options {
  commits: number;
  kb: number;
  keys: number;
  runs: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { commits: 10_000, kb: 20, keys: 100, runs: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '') as keyof Options;
    const value = Number(argv[i + 1]);
    if (!(name in options) || !Number.isInteger(value) || value < 1) throw new Error(`bad option ${argv[i]} ${argv[i + 1]}`);
    options[name] = value;
  }
  return options;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let t = performance.now();
  const repo = await generateHistory({ commits: options.commits, bytesPerCommit: options.kb * 1024, plantedKeys: options.keys });
  console.log(`generated ${options.commits} commits in ${((performance.now() - t) / 1000).toFixed(1)} s (${repo.dir})`);
  try {
    const historyBytes = Number(execFileSync('bash', ['-c', 'git log -p --all | wc -c'], { cwd: repo.dir, encoding: 'utf8' }).trim());
    console.log(`history: ${(historyBytes / 1e6).toFixed(0)} MB of git log -p`);
    const floor: number[] = [];
    const ours: number[] = [];
    let peakRss = 0;
    for (let run = 0; run < options.runs; run++) {
      t = performance.now();
      // grep exits 0 (matches); the floor reads and matches the whole history once.
      execFileSync('bash', ['-c', "git log -p --all | grep -E -c 'A(KIA|SIA|BIA|CCA)[A-Z0-9]{16}'"], { cwd: repo.dir, encoding: 'utf8' });
      floor.push(performance.now() - t);
      t = performance.now();
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const out = await scanHistory({ cwd: repo.dir });
      clearInterval(sampler);
      ours.push(performance.now() - t);
      if (run === 0) {
        const found = new Map(out.leaks.map((l) => [l.finding.accessKeyId, l]));
        const missing = repo.planted.filter((p) => {
          const leak = found.get(p.accessKeyId);
          return !leak || leak.commit.commit !== p.commit || leak.path !== p.path || leak.line !== p.line;
        });
        if (missing.length > 0 || out.leaks.length !== repo.planted.length) throw new Error(`planted ${repo.planted.length}, found ${out.leaks.length}; wrong or missing: ${missing.map((m) => m.accessKeyId).join(', ')}`);
        t = performance.now();
        const inHead = await stillInHead(out.root, out.leaks);
        const headMs = performance.now() - t;
        const wrong = out.leaks.filter((l) => inHead.has(l) === repo.planted.find((p) => p.accessKeyId === l.finding.accessKeyId)?.removed);
        if (wrong.length > 0) throw new Error(`still-in-HEAD wrong for ${wrong.length}`);
        console.log(`found all ${repo.planted.length} planted keys with their first commit, path and line; still in HEAD right for all (${headMs.toFixed(0)} ms)`);
      }
    }
    const f = median(floor);
    const o = median(ours);
    console.log(`floor  git log -p --all | grep -E: median ${(f / 1000).toFixed(2)} s (${floor.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
    console.log(`ours   scanHistory:                median ${(o / 1000).toFixed(2)} s (${ours.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
    console.log(`ratio  ${(o / f).toFixed(2)}× the floor (goal ≤ 2×); peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
  } finally {
    repo.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
