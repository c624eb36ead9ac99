// PagedList, what the first tests left open: a load asked for from inside the fetcher's own
// start (before the first load has its answer promise) is told 'stale' and makes no second call;
// the fetcher's first page is copied, not appended to; a subclass hears of non-empty pages only.
import assert from 'node:assert/strict';
import { PagedList, type LoadOutcome } from '../../src/core/pagedList';
import type { Page } from '../../src/core/types';

describe('paged list (sweep)', () => {
  it('a load asked for while the fetcher starts is stale and fetches nothing more', async () => {
    let calls = 0;
    let inner: Promise<LoadOutcome> | undefined;
    const list: PagedList<string> = new PagedList<string>((): Promise<Page<string>> => {
      calls++;
      inner ??= list.loadNext();
      return Promise.resolve({ items: ['a'], nextMarker: undefined });
    });
    const outer = await list.loadNext();
    assert.deepEqual(outer, { kind: 'loaded', added: 1, calls: 1 });
    assert.deepEqual(await inner, { kind: 'stale' });
    assert.equal(calls, 1);
    assert.deepEqual(list.loaded, ['a']);
  });

  it('keeps its own copy of the first page: the fetcher\'s array is never appended to', async () => {
    const first = ['a', 'b'];
    const pages: Record<string, Page<string>> = { start: { items: first, nextMarker: 'm1' }, m1: { items: ['c'] } };
    const list = new PagedList<string>((marker) => Promise.resolve(pages[marker ?? 'start'] as Page<string>));
    await list.loadNext();
    await list.loadNext();
    assert.deepEqual(list.loaded, ['a', 'b', 'c']);
    assert.deepEqual(first, ['a', 'b']);
  });

  it('tells a subclass of each page that added items, never of an empty one', async () => {
    const pages: Record<string, Page<string>> = {
      start: { items: ['a', 'b'], nextMarker: 'm1' },
      m1: { items: [], nextMarker: 'm2' },
      m2: { items: ['c'] },
    };
    const heard: Array<[number, string[]]> = [];
    class Indexed extends PagedList<string> {
      protected override fetchPage(marker: string | undefined): Promise<Page<string>> {
        return Promise.resolve(pages[marker ?? 'start'] as Page<string>);
      }
      protected override appended(items: readonly string[], from: number): void {
        heard.push([from, [...items]]);
      }
    }
    const list = new Indexed();
    await list.loadNext();
    await list.loadNext();
    assert.deepEqual(heard, [
      [0, ['a', 'b']],
      [2, ['a', 'b', 'c']],
    ]);
  });
});
