// The redactor runs over whatever a log line, an error or a document holds, so it must take time
// linear in its input. Adversarial texts are built by repeating random pieces of the patterns
// (scheme characters, separators, names, escapes, quotes…); each is redacted at n and at 8n
// characters, and the time ratio must stay near-linear (< 20× for 8× the input; a quadratic
// pattern gives about 64×). A ratio, not an absolute bound: the machine may be slow or busy.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { redactSecrets } from '../../src/core/redact';

/** Pieces of the patterns' vocabulary; repeated, they make the inputs backtracking likes. */
const PIECES = [
  'a', '.', '-', '+', ':', '/', '//', '@', '%2F', '%22', '%3A', '\\/', '\\u002f', '\\', '"', "'", '=', '|', ',', ' ', '\t', '\n', '\r\n',
  'password', 'secret', 'token', 'access', 'aws_secret_access_key', 'accessToken', 'Authorization', 'Bearer', 'http://', 'x:', 's.', 'hvs.',
  'IQoJb3JpZ2lu', '--', '--password', 'AKIA', 'Z', '9', 'null',
];

const unit = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** Fastest of `runs` timings of one redaction, in ms. */
function fastest(input: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    redactSecrets(input);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

function build(piece: string, length: number): string {
  return piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

const SMALL = 16_000;
const RATIO_LIMIT = 20;
/**
 * Below this the small run's time is mostly noise (a garbage collection doubles it): the ratio
 * is taken against this floor. A quadratic pattern takes about 100 ms at the small size.
 */
const FLOOR_MS = 2;

/**
 * The time ratio of 8n to n characters of `piece`, measured up to three times while above the
 * limit (the machine is shared: a busy moment can slow one large run; a quadratic pattern is
 * slow every time), keeping the best.
 */
function ratioFor(piece: string): { small: number; large: number; ratio: number } {
  fastest(build(piece, SMALL), 1); // warm-up: the first call compiles the patterns
  let best = { small: 0, large: 0, ratio: Infinity };
  for (let attempt = 0; attempt < 3 && best.ratio >= RATIO_LIMIT; attempt++) {
    const small = fastest(build(piece, SMALL), 5);
    const large = fastest(build(piece, SMALL * 8), 3);
    const ratio = large / Math.max(small, FLOOR_MS);
    if (ratio < best.ratio) best = { small, large, ratio };
  }
  return best;
}

describe('property: the redactor takes time linear in its input', function () {
  this.timeout(120_000);

  it('repeated random pieces of its patterns: 8× the input costs < 20× the time', () => {
    fc.assert(
      fc.property(unit, (piece) => {
        const { small, large, ratio } = ratioFor(piece);
        assert.ok(ratio < RATIO_LIMIT, `${JSON.stringify(piece)} × n: ${small.toFixed(2)} ms at ${SMALL}, ${large.toFixed(2)} ms at ${SMALL * 8} (${ratio.toFixed(1)}×)`);
      }),
      { numRuns: 100 },
    );
  });

  it('the inputs that were quadratic stay linear: scheme-character runs ("a.a.a…", 3 s on 80 KB before)', () => {
    for (const piece of ['a.', 'a-', 'x+y.', 'a:a.']) {
      const { small, large, ratio } = ratioFor(piece);
      assert.ok(ratio < RATIO_LIMIT, `${JSON.stringify(piece)} × n: ${small.toFixed(2)} ms at ${SMALL}, ${large.toFixed(2)} ms at ${SMALL * 8} (${ratio.toFixed(1)}×)`);
    }
  });
});
