// Abort plumbing: untilAborted passes a rejection through (and drops its listener), and the
// token bucket's default sleep leaves no 'abort' listener behind on a long-lived signal (one per
// call would pile up over an organization walk). Issue #27, seeded Stryker sample 1206.
import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { untilAborted } from '../../src/core/concurrency';
import { TokenBucket } from '../../src/core/tokenBucket';

/** What `promise` settled to within 200 ms: 'resolved', the error message, or 'pending'. */
async function settledWithin(promise: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('pending'), 200)));
  const outcome = promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  try {
    return await Promise.race([outcome, pending]);
  } finally {
    clearTimeout(timer);
  }
}

describe('abort plumbing (sample 1206)', () => {
  it('untilAborted rejects with the promise’s own error when it fails before any abort', async () => {
    const controller = new AbortController();
    const failing = Promise.reject(new Error('throttled by IAM'));
    assert.equal(await settledWithin(untilAborted(failing, controller.signal)), 'throttled by IAM');
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0, 'no abort listener left behind');
  });

  it('a take on an already-aborted signal rejects with the abort reason as its cause', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    const controller = new AbortController();
    const reason = new Error('the user cancelled');
    controller.abort(reason);
    await assert.rejects(bucket.take(controller.signal), (error: unknown) => error instanceof Error && error.name === 'AbortError' && error.cause === reason);
  });

  it('a take that waited for its slot leaves no abort listener on the caller’s signal', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 500, burst: 1 }); // next slot in 2 ms
    const controller = new AbortController();
    await bucket.take(controller.signal);
    await bucket.take(controller.signal); // this one sleeps
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});
