// MinuteBudget, what the first tests left open: a bad budget is refused with our message (not
// the engine's "Invalid array length"), and a full window that empties completely is free again.
// TtlCache: an entry is gone at exactly its expiry for get and size alike, a ttl of 0 keeps
// nothing even when the clock steps back, and bad settings are named.
import assert from 'node:assert/strict';
import { MinuteBudget, TtlCache } from '../../src/core/lookupLimiter';

describe('lookup limiter (sweep)', () => {
  it('refuses a negative, NaN or infinite budget with a message naming the value', () => {
    assert.throws(() => new MinuteBudget(-1), { name: 'RangeError', message: 'perMinute must be a finite number ≥ 0, not -1' });
    assert.throws(() => new MinuteBudget(Number.NaN), { name: 'RangeError', message: 'perMinute must be a finite number ≥ 0, not NaN' });
    assert.throws(() => new MinuteBudget(Infinity), { name: 'RangeError', message: 'perMinute must be a finite number ≥ 0, not Infinity' });
  });

  it('a full window that empties completely gives the whole budget back', () => {
    let now = 0;
    const budget = new MinuteBudget(2, () => now);
    assert.equal(budget.tryTake(2), true);
    assert.equal(budget.tryTake(), false);
    now = 60_000;
    assert.equal(budget.remaining(), 2);
    assert.equal(budget.tryTake(2), true);
    assert.equal(budget.remaining(), 0);
  });

  describe('TtlCache', () => {
    it('an entry is gone at exactly its expiry, for get and for size', () => {
      let now = 1_000;
      const cache = new TtlCache<string, number>(500, () => now);
      cache.set('a', 1);
      now = 1_499;
      assert.equal(cache.size, 1);
      assert.equal(cache.get('a'), 1);
      now = 1_500;
      assert.equal(cache.size, 0);
      cache.set('b', 2);
      now = 2_000;
      assert.equal(cache.get('b'), undefined);
    });

    it('a ttl of 0 or less keeps nothing, even when the clock steps back', () => {
      for (const ttl of [0, -5]) {
        let now = 10_000;
        const cache = new TtlCache<string, number>(ttl, () => now);
        cache.set('a', 1);
        now = 9_000;
        assert.equal(cache.get('a'), undefined);
        assert.equal(cache.has('a'), false);
        assert.equal(cache.size, 0);
      }
    });

    it('refuses a NaN ttl or a maxEntries below 1 with a message', () => {
      assert.throws(() => new TtlCache(Number.NaN), { name: 'RangeError', message: 'ttlMs must be a number' });
      assert.throws(() => new TtlCache(1000, Date.now, 0), { name: 'RangeError', message: 'maxEntries must be at least 1, not 0' });
    });
  });
});
