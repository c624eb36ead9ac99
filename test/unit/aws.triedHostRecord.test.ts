// noteTriedHost / triedHost (src/aws/triedHost.ts) on what the SDK may hand them: a retried
// request notes the last attempt's host, a host without a port is shown alone, an IPv6 literal
// gets brackets, and anything that is not an error or not a request notes nothing (#27).
import * as assert from 'node:assert/strict';
import { noteTriedHost, triedHost } from '../../src/aws/triedHost';

describe('aws/triedHost: what is noted', () => {
  it('a retried request notes the last attempt\'s host', () => {
    const error = new Error('failed');
    noteTriedHost(error, { hostname: 'first.example', port: 8443 });
    noteTriedHost(error, { hostname: 'iam.amazonaws.com' });
    assert.equal(triedHost(error), 'iam.amazonaws.com');
  });

  it('an IPv6 literal without brackets gets them', () => {
    const error = new Error('failed');
    noteTriedHost(error, { hostname: '::1', port: 4566 });
    assert.equal(triedHost(error), '[::1]:4566');
  });

  it('no hostname, no request object, or a thrown non-object notes nothing', () => {
    for (const request of [undefined, null, 'iam.amazonaws.com', {}, { hostname: '' }, { hostname: 42 }]) {
      const error = new Error('failed');
      noteTriedHost(error, request);
      assert.equal(triedHost(error), undefined, JSON.stringify(request));
    }
    assert.doesNotThrow(() => noteTriedHost('a thrown string', { hostname: 'iam.amazonaws.com' }));
    assert.doesNotThrow(() => noteTriedHost(null, { hostname: 'iam.amazonaws.com' }));
    assert.equal(triedHost('a thrown string'), undefined);
    assert.equal(triedHost(null), undefined);
    assert.equal(triedHost(undefined), undefined);
  });

  it('a frozen error notes nothing and does not throw', () => {
    const error = Object.freeze(new Error('failed'));
    assert.doesNotThrow(() => noteTriedHost(error, { hostname: 'iam.amazonaws.com' }));
    assert.equal(triedHost(error), undefined);
  });

  it('the noted host is not copied with the error\'s own fields (it is not enumerable)', () => {
    const error = new Error('failed');
    noteTriedHost(error, { hostname: 'iam.amazonaws.com' });
    assert.deepEqual(Object.getOwnPropertySymbols({ ...error }), []);
  });
});
