// The leak scanner at scale: pairing costs time in proportion to the pairs (not their square),
// slices of any size find the same things, and the async scan gives the event loop back.
import * as assert from 'assert/strict';
import { leakScanSteps, scanForLeaks, scanForLeaksAsync, type LeakFinding } from '../../src/core/leakScanner';
import { leakPairsText } from '../support/leakPairsText';

const S1 = 'k9Qz/3vBn+Xe7LpR2mWc' + '8YtHs5DjFa4GuN6oPiE1';

function runSteps(text: string, sliceChars: number): LeakFinding[] {
  const steps = leakScanSteps(text, sliceChars);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Fewest milliseconds of `runs` scans of `text`: on a shared machine other work only ever adds
 * time, so the fastest run is the closest to the scan's own cost (a median still moves with load).
 */
function fastestScanMs(text: string, runs: number): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    scanForLeaks(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

describe('leakScanner at scale', () => {
  it('every planted secret is paired with the ID on the line above it (2,000 pairs)', () => {
    const { text, pairs } = leakPairsText(2000);
    const secrets = scanForLeaks(text).filter((f) => f.kind === 'secret-access-key');
    assert.deepEqual(
      secrets.map((s) => `${s.line} -> ${s.pairedAccessKeyId}`),
      pairs.map((p) => `${p.line + 1} -> ${p.accessKeyId}`),
    );
  });

  // 16× the pairs: linear work is ~16× (more with the collector's share of a bigger heap), the old
  // quadratic pairing was ~256×. The bound sits between them, far from both, so machine load
  // (which stretches both measurements alike) can't move it across.
  it('linear time: 16× the pairs costs less than 100× the time (quadratic would be ~256×)', function () {
    this.timeout(120_000);
    const small = leakPairsText(2000).text;
    const large = leakPairsText(32_000).text;
    fastestScanMs(large, 1); // warm-up: compiled regexes and optimised code
    const ratio = fastestScanMs(large, 5) / fastestScanMs(small, 7);
    assert.ok(ratio < 100, `32,000 pairs took ${ratio.toFixed(1)}× the time of 2,000 (quadratic would be ~256×)`);
  });

  it('pairing gives a step back at least once per 4,000 findings in each of its three passes', () => {
    // 6,000 pairs: 12,000 findings in 546,000 characters, 9 slices of 64 KiB.
    const { text } = leakPairsText(6000);
    assert.equal(text.length, 546_000);
    const steps = leakScanSteps(text);
    let count = 0;
    while (!steps.next().done) count++;
    assert.ok(count >= 9 + 3 * 3, `${count} steps`);
  });

  it('slices of any size find the same findings, including ones across a slice boundary', () => {
    const text = `[default]\naws_access_key_id = AKIAQWERTYUIOPASDFGH\naws_secret_access_key = ${S1}\n[dev]\n  "SecretAccessKey" :  "${S1}", AKIAZXCVBNMLKJHGFDSA\n`;
    const expected = [
      'access-key-id 1:20 AKIAQWERTYUIOPASDFGH -',
      'secret-access-key 2:24 aws_secret_access_key AKIAQWERTYUIOPASDFGH',
      'secret-access-key 4:24 SecretAccessKey AKIAZXCVBNMLKJHGFDSA',
      'access-key-id 4:67 AKIAZXCVBNMLKJHGFDSA -',
    ];
    for (const sliceChars of [1, 3, 7, 16, 20, 41, 64, 1000]) {
      const got = runSteps(text, sliceChars).map((f) => `${f.kind} ${f.line}:${f.column} ${f.accessKeyId ?? f.name} ${f.pairedAccessKeyId ?? '-'}`);
      assert.deepEqual(got, expected, `slices of ${sliceChars}`);
    }
  });

  it('the async scan gives the event loop back: a 10 ms interval keeps ticking through a 5 MB scan', async function () {
    this.timeout(120_000);
    const { text } = leakPairsText(60_000);
    let ticks = 0;
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 10);
    try {
      last = performance.now();
      const started = performance.now();
      const findings = await scanForLeaksAsync(text);
      const tookMs = performance.now() - started;
      assert.equal(findings.length, 120_000);
      // The timer fires about once every 10 ms of scan; a scan that never yields gets 0 ticks.
      assert.ok(ticks >= Math.floor(tookMs / 10 / 4), `${ticks} ticks in a ${tookMs.toFixed(0)} ms scan (longest gap ${longestGap.toFixed(0)} ms)`);
    } finally {
      clearInterval(timer);
    }
  });

  it('an aborted scan rejects with AbortError and stops; the abort reason is its cause', async () => {
    const controller = new AbortController();
    const scan = scanForLeaksAsync(leakPairsText(20_000).text, { signal: controller.signal });
    const reason = new Error('the document was closed');
    controller.abort(reason);
    await assert.rejects(scan, (err: Error) => err.name === 'AbortError' && err.cause === reason);
  });

  it('a slice ending after a secret marks no header there: the next secret still reaches the ID two lines up', () => {
    // Offsets: the ID at 20, the first secret's value at 65, the second's at 130.
    const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\naws_secret_access_key = ${S1}\naws_secret_access_key = ${S1}\n`;
    for (const sliceChars of [64, 100, 1000]) {
      const got = runSteps(text, sliceChars).map((f) => `${f.line}:${f.column} ${f.pairedAccessKeyId ?? '-'}`);
      assert.deepEqual(got, ['0:20 -', '1:24 AKIAQWERTYUIOPASDFGH', '2:24 AKIAQWERTYUIOPASDFGH'], `slices of ${sliceChars}`);
    }
  });

  it('a header after a slice\'s last finding still parts a secret in the next slice from the ID above', () => {
    // Slices of 48: the ID (at 20) and [dev] (at 41) in slice 0, the secret's name (at 48) in slice 1.
    const text = `aws_access_key_id = AKIAQWERTYUIOPASDFGH\n[dev]\n\naws_secret_access_key = ${S1}\n`;
    const got = runSteps(text, 48).map((f) => `${f.line}:${f.column} ${f.pairedAccessKeyId ?? '-'}`);
    assert.deepEqual(got, ['0:20 -', '3:24 -']);
  });

  it('a 41-character value that a slice\'s window cuts after 40 characters is no secret', () => {
    // Slice 0 of 64 characters sees 4,096 more: the name at 0, then 4,098 spaces, so the value's
    // 40th character is the window's last (64 + 4,096 = 21 + 1 + 4,098 + 40).
    const text = `aws_secret_access_key=${' '.repeat(4098)}${S1}x\n`;
    assert.deepEqual(runSteps(text, 64), []);
    assert.deepEqual(scanForLeaks(text), []);
  });
});
