// TokenBucket (src/core/tokenBucket.ts) with its own clock and timer, as the organization walks
// use it: a caller over the burst waits its turn and then goes on; an abort while waiting rejects
// at once. Issue #27: the default sleep had no unit test (its body → {} survived as "no coverage").
import * as assert from 'node:assert/strict';
import { TokenBucket } from '../../src/core/tokenBucket';

describe('TokenBucket with the real clock and timer', () => {
  it('a caller over the burst waits for the next slot, then goes on', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 1 });
    await bucket.take();
    const started = Date.now();
    await bucket.take(); // one slot per 10 ms
    assert.ok(Date.now() - started >= 5, 'the second caller waited');
  });

  it('an abort while waiting rejects with AbortError, whose cause is the reason', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.01, burst: 1 });
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort('closed');
    await assert.rejects(waiting, (error: Error) => error.name === 'AbortError' && error.cause === 'closed');
  });
});
