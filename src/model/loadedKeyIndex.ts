// The keys an account's lists hold now, by access key ID: the hover, the badge, the reminders,
// the report and the commands find a loaded key here without a call or a tree walk. Each key
// list tells the index what it holds; a key may sit in two lists at once (the signing user's
// keys are both "My access keys" and that user's row), so it leaves the index only when the
// last list holding it lets it go.
import type { AccessKey } from '../core/types';

/** What one list has handed to the index: its items array and how many of them are indexed. */
interface HeldList {
  readonly keys: readonly AccessKey[];
  readonly count: number;
}

export class LoadedKeyIndex {
  private readonly byId = new Map<string, AccessKey>();
  /** Keys held by more than one list: how many lists beyond the first (absent: one). */
  private readonly extraHolders = new Map<string, number>();
  private readonly lists = new Map<string, HeldList>();

  /**
   * `listId` now holds `keys`. A PagedList appends to one array until it is reset, so when the
   * same array comes again only its new tail is indexed (a page costs its own keys, not the list's).
   */
  hold(listId: string, keys: readonly AccessKey[]): void {
    const held = this.lists.get(listId);
    if (held && held.keys === keys && keys.length >= held.count) {
      this.add(keys, held.count);
    } else {
      if (held) this.release(held);
      this.add(keys, 0);
    }
    if (keys.length === 0) this.lists.delete(listId);
    else this.lists.set(listId, { keys, count: keys.length });
  }

  get(accessKeyId: string): AccessKey | undefined {
    return this.byId.get(accessKeyId);
  }

  all(): AccessKey[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byId.clear();
    this.extraHolders.clear();
    this.lists.clear();
  }

  private add(keys: readonly AccessKey[], from: number): void {
    for (let i = from; i < keys.length; i++) {
      const key = keys[i]!;
      if (this.byId.has(key.AccessKeyId)) this.extraHolders.set(key.AccessKeyId, (this.extraHolders.get(key.AccessKeyId) ?? 0) + 1);
      // The latest answer wins: it carries the key's current status.
      this.byId.set(key.AccessKeyId, key);
    }
  }

  private release(held: HeldList): void {
    for (let i = 0; i < held.count; i++) {
      const id = held.keys[i]!.AccessKeyId;
      const extra = this.extraHolders.get(id);
      if (extra === undefined) this.byId.delete(id);
      else if (extra === 1) this.extraHolders.delete(id);
      else this.extraHolders.set(id, extra - 1);
    }
  }
}
