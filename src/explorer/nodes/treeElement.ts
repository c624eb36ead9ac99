// What the view shows: a row object, or, for an access key, the key's record itself (#22
// memory: 100,000 keys in the tree need no row object and no rows array each). The list row
// that returns a key marks the record (`shownIn`), and that row gives the key row its parent,
// id, rendering and session.
import type { AccessKey } from '../../core/types';
import { ExplorerNode } from './explorerNode';
import { KeyListNode } from './keyListNode';

export type TreeElement = ExplorerNode | AccessKey;

/** A key's record as a row: it points at the list row that shows it. */
type ShownKey = AccessKey & { shownIn?: unknown };

/** Marks `key` as shown by `list` (the latest list to show it wins) and returns it as a row. */
export function showKey(key: AccessKey, list: KeyListNode): AccessKey {
  const shown = key as ShownKey;
  if ('shownIn' in shown) shown.shownIn = list;
  // A record that has no room for it (a plain object): a property that neither prints nor spreads.
  else Object.defineProperty(shown, 'shownIn', { value: list, writable: true, enumerable: false });
  return key;
}

/** The list row showing a key element (undefined for a record no row returned). */
export function keyListOf(key: AccessKey): KeyListNode | undefined {
  const list = (key as ShownKey).shownIn;
  return list instanceof KeyListNode ? list : undefined;
}

export function isKeyElement(element: TreeElement): element is AccessKey {
  return !(element instanceof ExplorerNode);
}

/** The parent row of any element. */
export function parentOf(element: TreeElement): ExplorerNode | undefined {
  return element instanceof ExplorerNode ? element.parent : keyListOf(element);
}
