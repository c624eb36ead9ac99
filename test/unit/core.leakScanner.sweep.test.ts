// The leak scanner's work in steps: how many steps a scan takes (one per slice, the pairing
// walk only when there is something to pair), when the async scan gives the event loop back
// (after 8 ms of a turn, read from a clock the test moves), and where a slice's window ends.
import * as assert from 'assert/strict';
import { leakScanSteps, scanForLeaksAsync, type LeakFinding } from '../../src/core/leakScanner';
import { turnsDuring, withClock } from '../support/eventLoopTurns';

// A made-up 40-character secret (40 distinct characters), written in halves so that secret
// scanners don't flag this file.
const S1 = 'k9Qz/3vBn+Xe7LpR2mWc' + '8YtHs5DjFa4GuN6oPiE1';
const ID = 'AKIAQWERTYUIOPASDFGH';

/** The steps a scan yields before it returns, and what it returns. */
function stepsOf(text: string, sliceChars?: number): { steps: number; findings: LeakFinding[] } {
  const scan = leakScanSteps(text, sliceChars);
  let steps = 0;
  for (;;) {
    const step = scan.next();
    if (step.done) return { steps, findings: step.value };
    steps++;
  }
}

describe('leakScanner sweep: steps, turns and windows', () => {
  it('a text shorter than an access key ID is done at once, without a step', () => {
    assert.deepEqual(stepsOf('AKIAQWERTYUIOPASDFG'), { steps: 0, findings: [] });
  });

  it('one step per slice, none more, when the findings are all IDs (nothing to pair)', () => {
    // 8 lines of 21 characters: 168 characters, 8 slices of 21.
    const { steps, findings } = stepsOf(`${ID}\n`.repeat(8), 21);
    assert.equal(steps, 8);
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column}`),
      ['0:0', '1:0', '2:0', '3:0', '4:0', '5:0', '6:0', '7:0'],
    );
  });

  it('one step per slice, none more, when the findings are all secrets (nothing to pair)', () => {
    // 2 lines of 65 characters, 2 slices of 65.
    const { steps, findings } = stepsOf(`aws_secret_access_key = ${S1}\n`.repeat(2), 65);
    assert.equal(steps, 2);
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column} ${f.pairedAccessKeyId ?? '-'}`),
      ['0:24 -', '1:24 -'],
    );
  });

  it('an ID, a secret and an ID in one slice: the slice and one step of the pairing walk', () => {
    const text = `${ID}\naws_secret_access_key = ${S1}\nAKIAZXCVBNMLKJHGFDSA\n`;
    const { steps, findings } = stepsOf(text);
    assert.equal(steps, 2);
    assert.deepEqual(
      findings.map((f) => `${f.kind} ${f.line} ${f.pairedAccessKeyId ?? '-'}`),
      ['access-key-id 0 -', 'secret-access-key 1 AKIAQWERTYUIOPASDFGH', 'access-key-id 2 -'],
    );
  });

  it('a 40-character secret that ends exactly where a slice\'s window ends is no finding', () => {
    // Slice 0 of 64 characters sees 4,096 more (4,160): the name (21) and `=` (1), 4,098 spaces,
    // then the value's 40 characters end at 4,160, with one more character in the text.
    const text = `aws_secret_access_key=${' '.repeat(4098)}${S1}\n`;
    assert.equal(text.length, 4161);
    assert.deepEqual(stepsOf(text, 64).findings, []);
  });

  describe('the async scan gives the event loop back after 8 ms of a turn', () => {
    // 10 slices of 64 characters without findings: 10 steps.
    const text = '-'.repeat(640);

    it('a clock that moves 8 ms a step: the event loop turns after every step', async () => {
      const { turns, value } = await withClock(1000, 8, () => turnsDuring(() => scanForLeaksAsync(text, { sliceChars: 64 })));
      assert.deepEqual(value, []);
      assert.ok(turns >= 9, `the event loop turned ${turns} times in 10 steps`);
    });

    it('a clock that does not move: the scan runs to its end in one turn', async () => {
      const { turns, value } = await withClock(1000, 0, () => turnsDuring(() => scanForLeaksAsync(`${text}${ID}`, { sliceChars: 64 })));
      assert.deepEqual(
        value.map((f) => `${f.line}:${f.column} ${f.accessKeyId}`),
        [`0:640 ${ID}`],
      );
      assert.equal(turns, 0);
    });
  });
});
