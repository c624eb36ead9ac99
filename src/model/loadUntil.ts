// Loads an account's lists page by page until an item appears, with no tree involved: reveal
// asks the model for a user's key this way, then asks the tree for the row of what it found.
// Each page is scanned once (the scan goes on where the last one stopped), so the walk is linear.
import type { LoadOutcome, PagedList } from '../core/pagedList';
import type { AccessKey } from '../core/types';
import type { AccountModel } from './accountModel';

/** Loads `list`'s pages (the view's page size) until `matches` holds for an item, or the list ends or fails. */
export async function loadUntil<T>(list: PagedList<T>, matches: (item: T) => boolean): Promise<T | undefined> {
  let scanned = 0;
  for (;;) {
    const items = list.loaded;
    for (; scanned < items.length; scanned++) if (matches(items[scanned]!)) return items[scanned];
    if (list.hasStarted && !list.isTruncated) return undefined;
    const outcome: LoadOutcome = await list.loadNext();
    if (outcome.kind !== 'loaded') return undefined;
    // A reset meanwhile replaced the items: scan them from the start.
    if (list.loaded !== items) scanned = 0;
  }
}

/** `userName`'s key `accessKeyId`, loading the users pages and then that user's key pages as needed. */
export async function loadUserKey(model: AccountModel, userName: string, accessKeyId: string): Promise<AccessKey | undefined> {
  const user = await loadUntil(model.users, (candidate) => candidate.UserName === userName);
  if (!user) return undefined;
  return loadUntil(model.keysOf(userName), (key) => key.AccessKeyId === accessKeyId);
}
