import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InFlight, MinuteBudget, TtlCache } from '../../src/core/lookupLimiter';

function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('core/lookupLimiter', () => {
  describe('MinuteBudget', () => {
    it('allows perMinute takes, then refuses until the oldest is 60 s old', () => {
      const clock = fakeClock();
      const b = new MinuteBudget(3, clock.now);
      assert.equal(b.remaining(), 3);
      assert.equal(b.tryTake(), true);
      clock.advance(10_000);
      assert.equal(b.tryTake(), true);
      assert.equal(b.tryTake(), true);
      assert.equal(b.tryTake(), false);
      assert.equal(b.remaining(), 0);
      assert.equal(b.msUntilNext(), 50_000);
      clock.advance(49_999);
      assert.equal(b.tryTake(), false);
      clock.advance(1); // first take is now exactly 60 s old
      assert.equal(b.remaining(), 1);
      assert.equal(b.tryTake(), true);
      assert.equal(b.tryTake(), false);
      assert.equal(b.msUntilNext(), 10_000);
      clock.advance(10_000);
      assert.equal(b.remaining(), 2);
    });

    it('matches a naive sliding-window model', () => {
      const op = fc.oneof(fc.constant<'take'>('take'), fc.integer({ min: 0, max: 30_000 }));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 8 }), fc.array(op, { maxLength: 120 }), (perMinute, ops) => {
          const clock = fakeClock();
          const b = new MinuteBudget(perMinute, clock.now);
          const taken: number[] = [];
          for (const o of ops) {
            if (o === 'take') {
              const live = taken.filter((t) => clock.now() - t < 60_000).length;
              const expected = live < perMinute;
              assert.equal(b.tryTake(), expected);
              if (expected) taken.push(clock.now());
            } else {
              clock.advance(o);
            }
            const live = taken.filter((t) => clock.now() - t < 60_000);
            assert.equal(b.remaining(), perMinute - live.length);
            const wait = b.msUntilNext();
            if (live.length < perMinute) assert.equal(wait, 0);
            else if (perMinute === 0) assert.equal(wait, Infinity);
            else assert.equal(wait, Math.min(...live) + 60_000 - clock.now());
          }
        }),
      );
    });

    it('with a budget of 0 never allows a lookup', () => {
      const b = new MinuteBudget(0, fakeClock().now);
      assert.equal(b.tryTake(), false);
      assert.equal(b.remaining(), 0);
      assert.equal(b.msUntilNext(), Infinity);
    });

    it('refuses nonsense budgets', () => {
      assert.throws(() => new MinuteBudget(-1), RangeError);
      assert.throws(() => new MinuteBudget(NaN), RangeError);
      assert.throws(() => new MinuteBudget(Infinity), RangeError);
    });

    it('uses the real clock by default', () => {
      const b = new MinuteBudget(1);
      assert.equal(b.tryTake(), true);
      assert.equal(b.tryTake(), false);
      assert.ok(b.msUntilNext() > 59_000);
    });
  });

  describe('TtlCache', () => {
    it('forgets entries exactly ttl after they were set', () => {
      const clock = fakeClock();
      const c = new TtlCache<string, number>(1000, clock.now);
      c.set('a', 1);
      clock.advance(999);
      assert.equal(c.get('a'), 1);
      assert.equal(c.size, 1);
      clock.advance(1);
      assert.equal(c.has('a'), false);
      assert.equal(c.get('a'), undefined);
      assert.equal(c.size, 0);
    });

    it('restarts the ttl on set but not on get', () => {
      const clock = fakeClock();
      const c = new TtlCache<string, number>(1000, clock.now);
      c.set('a', 1);
      clock.advance(600);
      assert.equal(c.get('a'), 1);
      clock.advance(600);
      assert.equal(c.get('a'), undefined);
      c.set('a', 2);
      clock.advance(600);
      c.set('a', 3);
      clock.advance(600);
      assert.equal(c.get('a'), 3);
    });

    it('evicts the least recently used beyond maxEntries', () => {
      const clock = fakeClock();
      const c = new TtlCache<string, number>(10_000, clock.now, 2);
      c.set('a', 1);
      c.set('b', 2);
      assert.equal(c.get('a'), 1); // a is now more recent than b
      c.set('c', 3);
      assert.equal(c.get('b'), undefined);
      assert.equal(c.get('a'), 1);
      assert.equal(c.get('c'), 3);
      assert.equal(c.size, 2);
    });

    it('evicts expired entries before live ones', () => {
      const clock = fakeClock();
      const c = new TtlCache<string, number>(1000, clock.now, 2);
      c.set('old', 1);
      clock.advance(500);
      c.set('b', 2);
      clock.advance(100);
      assert.equal(c.get('old'), 1); // "old" is now the most recently used…
      clock.advance(500); // …but has expired, while "b" has not
      c.set('c', 3);
      assert.equal(c.get('b'), 2);
      assert.equal(c.get('c'), 3);
    });

    it('caches nothing with a ttl of 0', () => {
      const c = new TtlCache<string, number>(0, fakeClock().now);
      c.set('a', 1);
      assert.equal(c.get('a'), undefined);
      assert.equal(c.size, 0);
    });

    it('supports delete and clear', () => {
      const c = new TtlCache<string, number>(1000, fakeClock().now);
      c.set('a', 1);
      c.set('b', 2);
      assert.equal(c.delete('a'), true);
      assert.equal(c.delete('a'), false);
      assert.equal(c.get('a'), undefined);
      c.clear();
      assert.equal(c.size, 0);
      assert.equal(c.get('b'), undefined);
    });

    it('matches a simple model when there is room, and never grows past maxEntries', () => {
      const op = fc.oneof(
        fc.record({ set: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.integer() }),
        fc.record({ get: fc.constantFrom('a', 'b', 'c', 'd') }),
        fc.record({ del: fc.constantFrom('a', 'b', 'c', 'd') }),
        fc.record({ wait: fc.integer({ min: 0, max: 700 }) }),
      );
      fc.assert(
        fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ops, maxEntries) => {
          const clock = fakeClock();
          const c = new TtlCache<string, number>(1000, clock.now, maxEntries);
          const model = new Map<string, { v: number; at: number }>();
          for (const o of ops) {
            if ('set' in o) {
              c.set(o.set, o.v);
              model.set(o.set, { v: o.v, at: clock.now() });
            } else if ('get' in o) {
              const m = model.get(o.get);
              const live = m && clock.now() - m.at < 1000 ? m.v : undefined;
              const got = c.get(o.get);
              if (maxEntries >= 4) assert.equal(got, live);
              else assert.ok(got === undefined || got === live); // may have been evicted, never stale
            } else if ('del' in o) {
              c.delete(o.del);
              model.delete(o.del);
            } else {
              clock.advance(o.wait);
            }
            assert.ok(c.size <= maxEntries);
          }
        }),
      );
    });

    it('refuses nonsense settings', () => {
      assert.throws(() => new TtlCache(NaN), RangeError);
      assert.throws(() => new TtlCache(1000, Date.now, 0), RangeError);
    });
  });

  describe('InFlight', () => {
    it('shares one pending promise per key', async () => {
      const f = new InFlight<string, number>();
      let starts = 0;
      let release!: (v: number) => void;
      const start = (): Promise<number> => {
        starts++;
        return new Promise<number>((r) => (release = r));
      };
      const p1 = f.run('AKIA1', start);
      const p2 = f.run('AKIA1', start);
      assert.equal(p1, p2);
      assert.equal(starts, 1);
      assert.equal(f.has('AKIA1'), true);
      assert.equal(f.size, 1);
      release(7);
      assert.deepEqual(await Promise.all([p1, p2]), [7, 7]);
      assert.equal(f.has('AKIA1'), false);
      assert.equal(f.size, 0);
    });

    it('forgets a key once settled, so the next call starts afresh', async () => {
      const f = new InFlight<string, number>();
      let n = 0;
      assert.equal(await f.run('k', async () => ++n), 1);
      assert.equal(await f.run('k', async () => ++n), 2);
    });

    it('forgets failures too, and every waiter sees the error', async () => {
      const f = new InFlight<string, number>();
      const err = new Error('throttled');
      let fail!: (e: unknown) => void;
      const p1 = f.run('k', () => new Promise<number>((_, rej) => (fail = rej)));
      const p2 = f.run('k', async () => 1);
      fail(err);
      await assert.rejects(p1, (e: unknown) => e === err);
      await assert.rejects(p2, (e: unknown) => e === err);
      assert.equal(f.has('k'), false);
      assert.equal(await f.run('k', async () => 5), 5);
    });

    it('turns a synchronous throw into a rejection and forgets it', async () => {
      const f = new InFlight<string, number>();
      const err = new Error('sync');
      await assert.rejects(
        f.run('k', () => {
          throw err;
        }),
        (e: unknown) => e === err,
      );
      assert.equal(f.has('k'), false);
    });

    it('keeps keys independent', async () => {
      const f = new InFlight<string, string>();
      const [a, b] = await Promise.all([f.run('a', async () => 'A'), f.run('b', async () => 'B')]);
      assert.deepEqual([a, b], ['A', 'B']);
    });

    it('a caller continuing after the result can start a new request', async () => {
      const f = new InFlight<string, number>();
      let starts = 0;
      const again = await f.run('k', async () => ++starts).then(() => f.run('k', async () => ++starts));
      assert.equal(again, 2);
    });
  });
});
