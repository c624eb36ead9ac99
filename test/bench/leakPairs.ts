// Benchmark: the leak scanner on files full of key-ID/secret pairs (issue #21, "one file freezes
// the editor"). Rows: scan time (finding and pairing) for 1,000 / 8,000 / 64,000 pairs, with
// the time per pair to show it is linear; and the largest event-loop stall while the 64,000-pair
// file (~5.8 MB) is scanned the way the diagnostics scan it (scanForLeaksAsync), measured by a
// 1 ms interval timer in the same process.
//
//   node out/test/bench/leakPairs.js [--runs 5]
import { scanForLeaks, scanForLeaksAsync } from '../../src/core/leakScanner';
import { leakPairsText } from '../support/leakPairsText';
import { median, nowMs } from './stats';

function parseRuns(argv: readonly string[]): number {
  if (argv.length === 0) return 5;
  const runs = Number(argv[1]);
  if (argv[0] !== '--runs' || !Number.isInteger(runs) || runs < 1) throw new Error('usage: leakPairs.js [--runs N]');
  return runs;
}

/** The largest gap between ticks of a 1 ms interval while `work` runs. */
async function largestStall(work: () => Promise<unknown>): Promise<number> {
  let last = nowMs();
  let longest = 0;
  const probe = setInterval(() => {
    const now = nowMs();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    last = nowMs();
    await work();
    longest = Math.max(longest, nowMs() - last);
  } finally {
    clearInterval(probe);
  }
  return longest;
}

async function main(): Promise<void> {
  const runs = parseRuns(process.argv.slice(2));
  console.log(`leak scanner, pairs of .env lines (AWS_ACCESS_KEY_ID=… / AWS_SECRET=…), median of ${runs} runs, Node ${process.version}`);
  for (const pairs of [1000, 8000, 64_000]) {
    const { text } = leakPairsText(pairs);
    scanForLeaks(text); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = nowMs();
      const found = scanForLeaks(text);
      times.push(nowMs() - started);
      if (found.filter((f) => f.pairedAccessKeyId).length !== pairs) throw new Error(`${pairs} pairs: not every secret was paired`);
    }
    const ms = median(times);
    console.log(`scan + pairing, ${String(pairs).padStart(6)} pairs (${(text.length / 1e6).toFixed(2)} MB): ${ms.toFixed(1)} ms, ${((ms * 1000) / pairs).toFixed(2)} µs a pair`);
  }
  const { text } = leakPairsText(64_000);
  const stalls: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = nowMs();
    stalls.push(await largestStall(() => scanForLeaksAsync(text)));
    totals.push(nowMs() - started);
  }
  console.log(`async scan of 64,000 pairs (${(text.length / 1e6).toFixed(2)} MB): ${median(totals).toFixed(0)} ms in all, largest event-loop stall ${median(stalls).toFixed(1)} ms (median; worst run ${Math.max(...stalls).toFixed(1)} ms)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
