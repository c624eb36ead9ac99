// TokenBucket on a hand-driven clock, what the first tests left open: the settings error names
// the bad value, a slot given back shortens the next caller's wait (but never beyond the burst),
// a clock that steps back does not take tokens away, and an aborted wait leaves no listener.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { TokenBucket } from '../../src/core/tokenBucket';

describe('token bucket (sweep)', () => {
  const neverSleep = (): Promise<void> => Promise.reject(new Error('no sleep expected'));

  it('a bad rate or burst is refused with a message naming the value', () => {
    assert.throws(() => new TokenBucket({ ratePerSecond: 0, burst: 1 }), { name: 'RangeError', message: 'ratePerSecond must be a finite number > 0, not 0' });
    assert.throws(() => new TokenBucket({ ratePerSecond: 1, burst: 0.5 }), { name: 'RangeError', message: 'burst must be a finite number ≥ 1, not 0.5' });
  });

  it('a slot given back shortens the next wait', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, () => 5_000, neverSleep);
    assert.equal(bucket.reserve(), 0);
    assert.equal(bucket.reserve(), 1000);
    bucket.release();
    assert.equal(bucket.reserve(), 1000);
    assert.equal(bucket.reserve(), 2000);
  });

  it('giving back slots never fills the bucket beyond its burst', () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 2 }, () => 5_000, neverSleep);
    bucket.release();
    bucket.release();
    assert.deepEqual([bucket.reserve(), bucket.reserve(), bucket.reserve()], [0, 0, 500]);
  });

  it('a clock that steps back takes no tokens away', () => {
    let now = 10_000;
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, () => now, neverSleep);
    assert.equal(bucket.reserve(), 0);
    now = 9_000;
    assert.equal(bucket.reserve(), 1000);
  });

  it('a wait cut short by an abort leaves no abort listener on the signal', async () => {
    // the real sleep: one slot a second, so the second take waits until the abort
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    await bucket.take();
    const ac = new AbortController();
    const waiting = bucket.take(ac.signal);
    assert.equal(getEventListeners(ac.signal, 'abort').length, 1);
    ac.abort('closed');
    await assert.rejects(waiting, (error: unknown) => error instanceof Error && error.name === 'AbortError' && error.cause === 'closed');
    assert.equal(getEventListeners(ac.signal, 'abort').length, 0);
  });
});
