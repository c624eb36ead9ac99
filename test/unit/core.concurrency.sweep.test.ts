// AbortError and isAbortError, what the first tests left open: the default message a user may
// read, and which values count as an abort (told by name, only on objects). mapWithConcurrency:
// the limit error names the value, items replaced during the run are not seen, an abort before
// the start keeps its reason, and a failure is not replaced by a later abort. untilAborted: the
// promise itself without a signal, the abort's reason as cause, no listener left once settled.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { AbortError, isAbortError, mapWithConcurrency, untilAborted } from '../../src/core/concurrency';

describe('abort errors (sweep)', () => {
  it('an AbortError says the operation was aborted unless told otherwise', () => {
    const error = new AbortError();
    assert.equal(error.message, 'The operation was aborted');
    assert.equal(error.name, 'AbortError');
    assert.equal(new AbortError('Export cancelled').message, 'Export cancelled');
  });

  it('counts objects named AbortError as aborts, and nothing else', () => {
    assert.equal(isAbortError(new AbortError()), true);
    assert.equal(isAbortError(new DOMException('stop', 'AbortError')), true);
    assert.equal(isAbortError({ name: 'AbortError', $metadata: {} }), true);
    assert.equal(isAbortError(new Error('AbortError')), false);
    assert.equal(isAbortError(new DOMException('late', 'TimeoutError')), false);
    assert.equal(isAbortError(null), false);
    assert.equal(isAbortError(undefined), false);
    assert.equal(isAbortError('AbortError'), false);
    // a function is no error, even one whose name is AbortError
    assert.equal(isAbortError(function AbortError() {}), false);
  });

  describe('mapWithConcurrency', () => {
    it('refuses a limit below 1 with a message naming it', async () => {
      await assert.rejects(mapWithConcurrency([1], 0, async (x) => x), { name: 'RangeError', message: 'limit must be at least 1, not 0' });
    });

    it('works on the items as they were at the call, even when one is replaced meanwhile', async () => {
      const items = [1, 2, 3];
      const out = await mapWithConcurrency(items, 1, async (x, index) => {
        if (index === 0) items[1] = 42;
        return x;
      });
      assert.deepEqual(out, [1, 2, 3]);
    });

    it('an abort before the start rejects with an AbortError caused by the reason', async () => {
      const ac = new AbortController();
      ac.abort('user cancelled');
      await assert.rejects(mapWithConcurrency([1], 1, async (x) => x, { signal: ac.signal }), (error: unknown) => {
        assert.ok(error instanceof AbortError);
        assert.equal(error.cause, 'user cancelled');
        return true;
      });
    });

    it('the first failure is what it rejects with, even when an abort follows it', async () => {
      const ac = new AbortController();
      const boom = new Error('boom');
      let releaseSecond: (value: number) => void = () => undefined;
      const result = mapWithConcurrency(
        [1, 2],
        2,
        (x) => (x === 1 ? Promise.reject(boom) : new Promise<number>((resolve) => (releaseSecond = resolve))),
        { signal: ac.signal },
      );
      await new Promise((r) => setImmediate(r));
      ac.abort();
      releaseSecond(2);
      await assert.rejects(result, (error: unknown) => error === boom);
    });
  });

  describe('untilAborted', () => {
    it('without a signal is the promise itself', () => {
      const promise = Promise.resolve(7);
      assert.equal(untilAborted(promise, undefined), promise);
    });

    it('passes the value or the error through and leaves no abort listener behind', async () => {
      const ac = new AbortController();
      assert.equal(await untilAborted(Promise.resolve(7), ac.signal), 7);
      assert.equal(getEventListeners(ac.signal, 'abort').length, 0);
      await assert.rejects(untilAborted(Promise.reject(new Error('throttled')), ac.signal), { message: 'throttled' });
      assert.equal(getEventListeners(ac.signal, 'abort').length, 0);
    });

    it('rejects with an AbortError caused by the reason, at once or when the abort comes', async () => {
      const never = new Promise<number>(() => undefined);
      const early = new AbortController();
      early.abort('closed');
      await assert.rejects(untilAborted(never, early.signal), (error: unknown) => error instanceof AbortError && error.cause === 'closed');
      const late = new AbortController();
      const waiting = untilAborted(never, late.signal);
      assert.equal(getEventListeners(late.signal, 'abort').length, 1);
      late.abort('cancelled');
      await assert.rejects(waiting, (error: unknown) => error instanceof AbortError && error.cause === 'cancelled');
      assert.equal(getEventListeners(late.signal, 'abort').length, 0);
    });
  });
});
