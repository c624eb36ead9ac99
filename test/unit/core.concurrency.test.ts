import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AbortError, isAbortError, mapWithConcurrency } from '../../src/core/concurrency';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued promise callback run. */
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Tracks a promise's state without awaiting it. */
function track<T>(p: Promise<T>): { state: 'pending' | 'fulfilled' | 'rejected'; value?: T; error?: unknown } {
  const t: { state: 'pending' | 'fulfilled' | 'rejected'; value?: T; error?: unknown } = { state: 'pending' };
  p.then(
    (value) => Object.assign(t, { state: 'fulfilled', value }),
    (error: unknown) => Object.assign(t, { state: 'rejected', error }),
  );
  return t;
}

/** Runs items whose completion the test controls; records starts and the in-flight peak. */
function controlled(n: number) {
  const gates = Array.from({ length: n }, () => deferred<number>());
  const started: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const fn = async (item: number, index: number): Promise<number> => {
    assert.equal(item, index * 10);
    started.push(index);
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      return await (gates[index] as Deferred<number>).promise;
    } finally {
      inFlight--;
    }
  };
  return {
    items: Array.from({ length: n }, (_, i) => i * 10),
    gates,
    started,
    fn,
    inFlight: () => inFlight,
    peak: () => peak,
  };
}

describe('core/concurrency', () => {
  describe('mapWithConcurrency', () => {
    it('keeps input order and never exceeds the limit, whatever the completion order', async () => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), fc.array(fc.integer(), { maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (s, items, limit) => {
          let inFlight = 0;
          let peak = 0;
          const p = mapWithConcurrency(items, limit, async (x, i) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            try {
              return await s.schedule(Promise.resolve(`${i}:${x}`));
            } finally {
              inFlight--;
            }
          });
          await s.waitFor(p);
          assert.deepEqual(await p, items.map((x, i) => `${i}:${x}`));
          assert.ok(peak <= limit, `peak ${peak} > limit ${limit}`);
          assert.equal(peak, Math.min(limit, items.length)); // it does use the allowed width
          assert.equal(inFlight, 0);
        }),
        { numRuns: 200 },
      );
    });

    it('starts the next item as soon as a slot frees up', async () => {
      const c = controlled(5);
      const result = track(mapWithConcurrency(c.items, 2, c.fn));
      await flush();
      assert.deepEqual(c.started, [0, 1]);
      c.gates[1]!.resolve(1);
      await flush();
      assert.deepEqual(c.started, [0, 1, 2]);
      c.gates[0]!.resolve(0);
      c.gates[2]!.resolve(2);
      await flush();
      assert.deepEqual(c.started, [0, 1, 2, 3, 4]);
      c.gates[4]!.resolve(4);
      c.gates[3]!.resolve(3);
      await flush();
      assert.deepEqual(result, { state: 'fulfilled', value: [0, 1, 2, 3, 4] });
      assert.equal(c.peak(), 2);
    });

    it('on the first failure starts nothing new and rejects only after in-flight work settles', async () => {
      const c = controlled(6);
      const result = track(mapWithConcurrency(c.items, 3, c.fn));
      await flush();
      assert.deepEqual(c.started, [0, 1, 2]);
      const boom = new Error('boom');
      c.gates[1]!.reject(boom);
      await flush();
      assert.deepEqual(c.started, [0, 1, 2], 'nothing new after a failure');
      assert.equal(result.state, 'pending', 'still waiting for 0 and 2');
      c.gates[0]!.reject(new Error('second failure'));
      await flush();
      assert.equal(result.state, 'pending');
      c.gates[2]!.resolve(2);
      await flush();
      assert.equal(result.state, 'rejected');
      assert.equal(result.error, boom, 'the first error wins');
      assert.equal(c.inFlight(), 0);
    });

    it('stops starting work when aborted and rejects with an AbortError once in-flight work settles', async () => {
      const c = controlled(10);
      const ac = new AbortController();
      const progress: number[] = [];
      const result = track(mapWithConcurrency(c.items, 2, c.fn, { signal: ac.signal, onProgress: (d) => progress.push(d) }));
      await flush();
      c.gates[0]!.resolve(0);
      await flush();
      assert.deepEqual(c.started, [0, 1, 2]);
      ac.abort('user cancelled');
      await flush();
      assert.equal(result.state, 'pending');
      c.gates[2]!.resolve(2);
      c.gates[1]!.resolve(1);
      await flush();
      assert.deepEqual(c.started, [0, 1, 2], 'nothing started after abort');
      assert.equal(result.state, 'rejected');
      assert.ok(result.error instanceof AbortError);
      assert.ok(isAbortError(result.error));
      assert.equal((result.error as AbortError).name, 'AbortError');
      assert.equal((result.error as AbortError).cause, 'user cancelled');
      assert.deepEqual(progress, [1, 2, 3]);
    });

    it('reports AbortError even if in-flight calls then fail because of the abort', async () => {
      const c = controlled(4);
      const ac = new AbortController();
      const result = track(mapWithConcurrency(c.items, 2, c.fn, { signal: ac.signal }));
      await flush();
      ac.abort();
      const sdkAbort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
      c.gates[0]!.reject(sdkAbort);
      c.gates[1]!.reject(new Error('other'));
      await flush();
      assert.ok(result.error instanceof AbortError);
    });

    it('rejects at once, calling nothing, when already aborted', async () => {
      let calls = 0;
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(
        mapWithConcurrency([1, 2], 2, async () => {
          calls++;
          return 1;
        }, { signal: ac.signal }),
        (e: unknown) => isAbortError(e),
      );
      assert.equal(calls, 0);
    });

    it('removes its abort listener when done', async () => {
      const ac = new AbortController();
      let added = 0;
      let removed = 0;
      const add = ac.signal.addEventListener.bind(ac.signal);
      const remove = ac.signal.removeEventListener.bind(ac.signal);
      ac.signal.addEventListener = ((...a: Parameters<typeof add>) => {
        added++;
        add(...a);
      }) as typeof add;
      ac.signal.removeEventListener = ((...a: Parameters<typeof remove>) => {
        removed++;
        remove(...a);
      }) as typeof remove;
      assert.deepEqual(await mapWithConcurrency([1, 2, 3], 2, async (x) => x, { signal: ac.signal }), [1, 2, 3]);
      assert.equal(added, 1);
      assert.equal(removed, 1);
    });

    it('reports progress after each success, and ignores a throwing callback', async () => {
      const calls: [number, number][] = [];
      const out = await mapWithConcurrency([3, 1, 2], 3, async (x) => x * 2, {
        onProgress: (done, total) => {
          calls.push([done, total]);
          throw new Error('ui glitch');
        },
      });
      assert.deepEqual(out, [6, 2, 4]);
      assert.deepEqual(calls, [[1, 3], [2, 3], [3, 3]]);
    });

    it('treats a synchronous throw like a rejection', async () => {
      const err = new Error('sync');
      await assert.rejects(
        mapWithConcurrency([1, 2, 3], 1, (x) => {
          if (x === 2) throw err;
          return Promise.resolve(x);
        }),
        (e: unknown) => e === err,
      );
    });

    it('handles empty input and odd limits', async () => {
      let calls = 0;
      assert.deepEqual(await mapWithConcurrency([], 3, async () => ++calls), []);
      assert.equal(calls, 0);
      for (const bad of [0, -1, NaN, 0.5]) {
        await assert.rejects(mapWithConcurrency([1], bad, async (x) => x), RangeError);
      }
      const c = controlled(5);
      const result = track(mapWithConcurrency(c.items, Infinity, c.fn));
      await flush();
      assert.deepEqual(c.started, [0, 1, 2, 3, 4]);
      c.gates.forEach((g, i) => g.resolve(i));
      await flush();
      assert.equal(result.state, 'fulfilled');
      assert.deepEqual(await mapWithConcurrency([1, 2, 3], 2.9, async (x) => x), [1, 2, 3]);
    });

    it('works on a snapshot of the input', async () => {
      const items = [1, 2, 3];
      const out = await mapWithConcurrency(items, 1, async (x) => {
        items.push(99);
        return x;
      });
      assert.deepEqual(out, [1, 2, 3]);
    });
  });
});
