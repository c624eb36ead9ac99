// TokenBucket (src/core/tokenBucket.ts) with a fake clock: whatever the arrival pattern, calls
// are released no faster than `burst` at once plus `ratePerSecond` after, in arrival order,
// and nobody waits when the bucket has room.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAbortError } from '../../src/core/concurrency';
import { TokenBucket, TokenBuckets } from '../../src/core/tokenBucket';

describe('property: TokenBucket with a fake clock', () => {
  it('releases never exceed burst + rate × window, keep arrival order, and wait only when needed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 200 }),
        (ratePerSecond, burst, gaps) => {
          let now = 0;
          const bucket = new TokenBucket({ ratePerSecond, burst }, () => now);
          const releases: number[] = [];
          let prevRelease = -Infinity;
          for (const gap of gaps) {
            now += gap;
            const wait = bucket.reserve();
            assert.ok(wait >= 0);
            const release = now + wait;
            assert.ok(release >= prevRelease - 1, 'first come, first served');
            prevRelease = release;
            releases.push(release);
          }
          const sorted = [...releases].sort((a, b) => a - b);
          for (let i = 0; i < sorted.length; i++) {
            for (let j = i; j < sorted.length; j++) {
              // +1 ms: waits are rounded up to whole milliseconds, so two releases may sit 1 ms closer than exact
              const allowed = burst + ((sorted[j] - sorted[i] + 1) * ratePerSecond) / 1000;
              assert.ok(j - i + 1 <= allowed + 1e-9, `${j - i + 1} calls in ${sorted[j] - sorted[i]} ms > ${allowed}`);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after an idle spell as long as a full refill, the next `burst` calls go at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 40 }), (rate, burst, earlier) => {
        let now = 0;
        const bucket = new TokenBucket({ ratePerSecond: rate, burst }, () => now);
        for (let i = 0; i < earlier; i++) bucket.reserve();
        now += Math.ceil(((earlier + burst) * 1000) / rate);
        for (let i = 0; i < burst; i++) assert.equal(bucket.reserve(), 0, `call ${i} after idling waits`);
        assert.ok(bucket.reserve() > 0, 'the call after the burst waits');
      }),
      { numRuns: 300 },
    );
  });

  it('take() sleeps for the reserved wait; a cancelled wait gives its slot back', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1 }, () => now, (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      now += ms;
      return Promise.resolve();
    });
    await bucket.take();
    await bucket.take();
    assert.deepEqual(sleeps, [500]);
    const cancel = new AbortController();
    cancel.abort();
    await assert.rejects(bucket.take(cancel.signal), isAbortError);
    now += 500;
    assert.equal(bucket.reserve(), 0, 'the slot of the cancelled take was not used up');
  });

  it('rejects unusable rates and keeps one bucket per family', () => {
    assert.throws(() => new TokenBucket({ ratePerSecond: 0, burst: 1 }), RangeError);
    assert.throws(() => new TokenBucket({ ratePerSecond: 1, burst: 0 }), RangeError);
    const now = 0;
    const buckets = new TokenBuckets({ sts: { ratePerSecond: 1, burst: 1 }, sso: { ratePerSecond: 20, burst: 20 } }, () => now);
    assert.equal(buckets.of('sts'), buckets.of('sts'));
    assert.equal(buckets.of('sts').reserve(), 0);
    assert.ok(buckets.of('sts').reserve() > 0);
    assert.equal(buckets.of('sso').reserve(), 0, 'families do not share a budget');
  });
});
