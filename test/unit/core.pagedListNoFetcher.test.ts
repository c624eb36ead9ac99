// A PagedList made without a fetcher and not subclassed fails its load with a message that
// names the mistake (#27: a sampled Stryker mutant emptied it; no test reached it).
import assert from 'node:assert/strict';
import { PagedList } from '../../src/core/pagedList';

describe('PagedList without a fetcher', () => {
  it('fails the load with "PagedList: no page fetcher" and keeps the error', async () => {
    const list = new PagedList<string>();
    const outcome = await list.loadNext();
    assert.equal(outcome.kind, 'failed');
    assert.equal(outcome.kind === 'failed' && (outcome.error as Error).message, 'PagedList: no page fetcher');
    assert.equal((list.error as Error).message, 'PagedList: no page fetcher');
    assert.deepEqual(list.loaded, []);
  });
});
