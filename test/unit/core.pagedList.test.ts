// PagedList (src/core/pagedList.ts) case by case, with literal expectations: the `bulk` hint a
// fetch receives, a reset racing a load (the old load's end must not touch the new one), the
// ends of loadAll (aborted, already complete, cut short by an error) and the empty-page cap.
// The property test (property.pagedList.test.ts) checks the invariants over random runs; these
// pin the cases a mutation run (docs/testing.md) showed it let through.
import assert from 'node:assert/strict';
import { IAM_MAX_ITEMS, MAX_EMPTY_PAGES_PER_LOAD, PagedList, type PageFetcher, pageSizeFor } from '../../src/core/pagedList';
import type { Page } from '../../src/core/types';

/** A fetch answered by hand: each call waits until the test resolves or rejects it. */
class ManualFetcher {
  readonly calls: Array<{ marker: string | undefined; bulk: boolean; signal: AbortSignal; resolve: (page: Page<string>) => void; reject: (error: unknown) => void }> = [];
  readonly fetch: PageFetcher<string> = (marker, signal, hint) =>
    new Promise<Page<string>>((resolve, reject) => {
      this.calls.push({ marker, bulk: hint.bulk, signal, resolve, reject });
    });
}

/** A fetch that answers at once from a fixed list of pages, recording what it was asked. */
function scripted(pages: ReadonlyArray<Page<string> | Error>): { fetch: PageFetcher<string>; asked: Array<{ marker: string | undefined; bulk: boolean }> } {
  const asked: Array<{ marker: string | undefined; bulk: boolean }> = [];
  return {
    asked,
    fetch: async (marker, _signal, hint) => {
      const page = pages[asked.length];
      asked.push({ marker, bulk: hint.bulk });
      if (page === undefined) throw new Error(`unexpected call ${asked.length}`);
      if (page instanceof Error) throw page;
      return page;
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('PagedList, case by case', () => {
  it('a fetch is told bulk only when the whole list is wanted', async () => {
    const { fetch, asked } = scripted([
      { items: ['a'], nextMarker: 'm1' },
      { items: ['b'], nextMarker: 'm2' },
      { items: ['c'], nextMarker: 'm3' },
      { items: ['d'] },
    ]);
    const list = new PagedList(fetch);
    await list.loadNext();
    await list.loadNext({ bulk: true });
    await list.loadAll();
    assert.deepEqual(asked, [
      { marker: undefined, bulk: false },
      { marker: 'm1', bulk: true },
      { marker: 'm2', bulk: true },
      { marker: 'm3', bulk: true },
    ]);
    assert.deepEqual([...list.loaded], ['a', 'b', 'c', 'd']);
  });

  it('pageSizeFor: IAM’s largest page for a bulk load, the view’s page size otherwise', () => {
    assert.equal(IAM_MAX_ITEMS, 1000);
    assert.equal(pageSizeFor({ bulk: true }, 50), 1000);
    assert.equal(pageSizeFor({ bulk: false }, 50), 50);
  });

  it('the end of a load dropped by a reset leaves the newer load in charge', async () => {
    const fetcher = new ManualFetcher();
    const list = new PagedList(fetcher.fetch);
    const old = list.loadNext();
    list.reset();
    assert.equal(fetcher.calls[0].signal.aborted, true, 'the reset aborts the fetch in flight');
    assert.equal(list.isLoading, false);
    const fresh = list.loadNext();
    assert.equal(list.isLoading, true);
    // The old fetch answers after the reset: its outcome is stale and it must not end the new load.
    fetcher.calls[0].resolve({ items: ['old'], nextMarker: 'old-marker' });
    assert.deepEqual(await old, { kind: 'stale' });
    await tick();
    assert.equal(list.isLoading, true, 'the newer load is still running');
    assert.strictEqual(list.loadNext(), fresh, 'a call now joins the newer load instead of starting a third fetch');
    assert.equal(fetcher.calls.length, 2);
    // Aborting still reaches the newer load's fetch (the old load's end did not forget it).
    list.reset();
    assert.equal(fetcher.calls[1].signal.aborted, true);
    fetcher.calls[1].resolve({ items: ['new'] });
    assert.deepEqual(await fresh, { kind: 'stale' });
    assert.deepEqual([...list.loaded], []);
  });

  it('a failure dropped by a reset leaves no error behind', async () => {
    const fetcher = new ManualFetcher();
    const list = new PagedList(fetcher.fetch);
    const old = list.loadNext();
    list.reset();
    fetcher.calls[0].reject(new Error('Throttling'));
    assert.deepEqual(await old, { kind: 'stale' });
    assert.equal(list.error, undefined);
    assert.equal(list.hasStarted, false);
  });

  it('loadAll: already aborted → nothing fetched, nothing added', async () => {
    const { fetch, asked } = scripted([{ items: ['a'] }]);
    const list = new PagedList(fetch);
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual(await list.loadAll({ signal: controller.signal }), { kind: 'loaded', added: 0, calls: 0 });
    assert.equal(asked.length, 0);
  });

  it('loadAll: aborted between pages → stops after the page in flight, counting what it loaded', async () => {
    const { fetch, asked } = scripted([
      { items: ['a', 'b'], nextMarker: 'm1' },
      { items: ['c'], nextMarker: 'm2' },
      { items: ['d'] },
    ]);
    const list = new PagedList(fetch);
    const controller = new AbortController();
    const pages: number[] = [];
    const outcome = await list.loadAll({
      signal: controller.signal,
      onPage: (loaded) => {
        pages.push(loaded);
        if (loaded >= 3) controller.abort();
      },
    });
    assert.deepEqual(outcome, { kind: 'loaded', added: 3, calls: 2 });
    assert.deepEqual(pages, [2, 3]);
    assert.equal(asked.length, 2);
    assert.equal(list.isTruncated, true);
    assert.equal(list.marker, 'm2');
  });

  it('loadAll stops when the list is reset between its pages (a Refresh during Load all)', async () => {
    const { fetch, asked } = scripted([
      { items: ['a'], nextMarker: 'm1' },
      { items: ['b'], nextMarker: 'm2' },
      { items: ['c'] },
    ]);
    const list = new PagedList(fetch);
    const outcome = await list.loadAll({ onPage: () => list.reset() });
    assert.deepEqual(outcome, { kind: 'loaded', added: 1, calls: 1 });
    assert.equal(asked.length, 1, 'no page fetched after the reset');
    assert.deepEqual([...list.loaded], []);
  });

  it('loadAll on a complete list answers "complete" and fetches nothing', async () => {
    const { fetch, asked } = scripted([{ items: ['a'] }]);
    const list = new PagedList(fetch);
    await list.loadNext();
    assert.deepEqual(await list.loadAll(), { kind: 'complete' });
    assert.equal(asked.length, 1);
  });

  it('loadAll counts pages and items over the whole run and reports the page counts as it goes', async () => {
    const { fetch } = scripted([
      { items: ['a'], nextMarker: 'm1' },
      { items: [], nextMarker: 'm2' },
      { items: ['b', 'c'] },
    ]);
    const list = new PagedList(fetch);
    const pages: number[] = [];
    assert.deepEqual(await list.loadAll({ onPage: (n) => pages.push(n) }), { kind: 'loaded', added: 3, calls: 3 });
    assert.deepEqual(pages, [1, 3], 'the empty page is followed inside the second load');
    assert.equal(list.isComplete, true);
  });

  it('loadAll stops at an error and answers it; the items and Marker stay for the retry', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    const { fetch, asked } = scripted([{ items: ['a'], nextMarker: 'm1' }, throttled, { items: ['b'] }]);
    const list = new PagedList(fetch);
    const outcome = await list.loadAll();
    assert.equal(outcome.kind, 'failed');
    assert.equal(outcome.kind === 'failed' && outcome.error, throttled);
    assert.equal(outcome.kind === 'failed' && outcome.calls, 1);
    assert.deepEqual([...list.loaded], ['a']);
    assert.equal(list.marker, 'm1');
    assert.equal(list.error, throttled);
    assert.equal(list.isComplete, false);
    assert.equal(list.hasStarted, true);
    // The retry asks for the same Marker and clears the error.
    assert.deepEqual(await list.loadNext(), { kind: 'loaded', added: 1, calls: 1 });
    assert.deepEqual(asked.map((a) => a.marker), [undefined, 'm1', 'm1']);
    assert.equal(list.error, undefined);
    assert.equal(list.isComplete, true);
  });

  it('a first page that fails still counts as started, with nothing loaded', async () => {
    const { fetch } = scripted([new Error('AccessDenied')]);
    const list = new PagedList(fetch);
    assert.equal(list.hasStarted, false);
    const outcome = await list.loadNext();
    assert.deepEqual(outcome.kind === 'failed' ? outcome.calls : -1, 1);
    assert.equal(list.hasStarted, true);
    assert.equal(list.isComplete, false);
    assert.equal(list.isLoading, false);
  });

  it('empty truncated pages are followed up to the cap, then the load ends with the Marker kept', async () => {
    assert.equal(MAX_EMPTY_PAGES_PER_LOAD, 10);
    const empties = Array.from({ length: 12 }, (_, i) => ({ items: [], nextMarker: `e${i + 1}` }));
    const { fetch, asked } = scripted(empties);
    const list = new PagedList(fetch);
    assert.deepEqual(await list.loadNext(), { kind: 'loaded', added: 0, calls: 10 });
    assert.equal(asked.length, 10);
    assert.equal(list.marker, 'e10');
    assert.equal(list.isTruncated, true);
    assert.equal(list.isComplete, false);
  });

  it('a reset forgets items, Marker, error and start', async () => {
    const { fetch } = scripted([{ items: ['a'], nextMarker: 'm1' }, new Error('boom')]);
    const list = new PagedList(fetch);
    await list.loadNext();
    await list.loadNext();
    assert.notEqual(list.error, undefined);
    list.reset();
    assert.deepEqual([...list.loaded], []);
    assert.equal(list.marker, undefined);
    assert.equal(list.error, undefined);
    assert.equal(list.hasStarted, false);
    assert.equal(list.isComplete, false);
    assert.equal(list.isTruncated, false);
  });
});
