// The keys an account's lists hold now, by access key ID: the hover, the badge, the reminders,
// the report and the commands find a loaded key here without a call or a tree walk. Each key
// list hands the index the keys it appends and gives them back when it is reset; a key may sit
// in two lists at once (the signing user's keys are both "My access keys" and that user's row),
// so it leaves the index only when the last list holding it lets it go. The lists remember what
// they hold (their loaded items), so the index keeps no table of lists (#22 memory).
import type { AccessKey } from '../core/types';

export class LoadedKeyIndex {
  private readonly byId = new Map<string, AccessKey>();
  /** Keys held by more than one list: how many lists beyond the first (absent: one). */
  private readonly extraHolders = new Map<string, number>();

  /** A list now also holds `keys` from index `from` on (a page it appended). */
  add(keys: readonly AccessKey[], from = 0): void {
    for (let i = from; i < keys.length; i++) {
      const key = keys[i]!;
      if (this.byId.has(key.AccessKeyId)) this.extraHolders.set(key.AccessKeyId, (this.extraHolders.get(key.AccessKeyId) ?? 0) + 1);
      // The latest answer wins: it carries the key's current status.
      this.byId.set(key.AccessKeyId, key);
    }
  }

  /** A list lets go of every key it held (it is being reset). */
  release(keys: readonly AccessKey[]): void {
    for (const { AccessKeyId: id } of keys) {
      const extra = this.extraHolders.get(id);
      if (extra === undefined) this.byId.delete(id);
      else if (extra === 1) this.extraHolders.delete(id);
      else this.extraHolders.set(id, extra - 1);
    }
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
  }
}
