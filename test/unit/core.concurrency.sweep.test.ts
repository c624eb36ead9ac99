// AbortError and isAbortError, what the first tests left open: the default message a user may
// read, and which values count as an abort (told by name, only on objects). mapWithConcurrency:
// the limit error names the value, items replaced during the run are not seen, an abort before
// the start keeps its reason, and a failure is not replaced by a later abort.
import assert from 'node:assert/strict';
import { AbortError, isAbortError, mapWithConcurrency } from '../../src/core/concurrency';

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
});
