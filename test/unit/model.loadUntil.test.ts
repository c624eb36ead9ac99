// loadUntil: the model loads a list page by page until an item appears (reveal's walk, no tree).
import * as assert from 'assert/strict';
import { PagedList } from '../../src/core/pagedList';
import { loadUntil } from '../../src/model/loadUntil';

/** A list of 0..total-1 paged by `size`, counting its calls. */
function numbers(total: number, size: number): { list: PagedList<number>; calls: () => number } {
  let calls = 0;
  const list = new PagedList<number>(async (marker) => {
    calls++;
    const from = marker ? Number(marker) : 0;
    const items = Array.from({ length: Math.min(size, total - from) }, (_, i) => from + i);
    return { items, nextMarker: from + size < total ? String(from + size) : undefined };
  });
  return { list, calls: () => calls };
}

describe('model: loadUntil', () => {
  it('loads pages only until the item appears, and asks no more once it is loaded', async () => {
    const { list, calls } = numbers(10, 2);
    assert.equal(await loadUntil(list, (n) => n === 5), 5);
    assert.equal(calls(), 3, 'pages [0,1] [2,3] [4,5]');
    assert.equal(await loadUntil(list, (n) => n === 1), 1);
    assert.equal(calls(), 3);
  });

  it('stops at the end of the list when the item is not there, each item looked at once', async () => {
    const { list, calls } = numbers(7, 3);
    let looked = 0;
    assert.equal(await loadUntil(list, () => (looked++, false)), undefined);
    assert.equal(calls(), 3);
    assert.equal(looked, 7);
  });

  it('gives up on a failed page (the list keeps the error to show)', async () => {
    const list = new PagedList<number>(async () => Promise.reject(new Error('AccessDenied')));
    assert.equal(await loadUntil(list, () => true), undefined);
    assert.ok(list.error instanceof Error);
  });
});
