// One account as the extension knows it: its session plus the lists loaded from it — users,
// the signing identity's own keys, each user's keys — with their Markers and truncation state
// (PagedList) — and the index of the keys those lists hold. The tree renders these lists;
// commands, the hover, the badge and the organization walks read them and the index (through
// AccountModels), never a row. A reconnect of the session empties them all.
import type { ConnectionSession } from '../aws/connectionSession';
import { PagedList, pageSizeFor } from '../core/pagedList';
import type { AccessKey, IamUser, Page } from '../core/types';
import { LoadedKeyIndex } from './loadedKeyIndex';

/**
 * A list of access keys that keeps its account's loaded-key index in step with what it holds.
 * Two fields beside the list's own: one per user of every account (#22 memory).
 */
export class KeyList extends PagedList<AccessKey> {
  constructor(
    private readonly model: AccountModel,
    private readonly userName: string | undefined,
  ) {
    super();
  }

  /** A method, not a closure per list. */
  protected override fetchPage(marker: string | undefined, signal: AbortSignal, hint: { readonly bulk: boolean }): Promise<Page<AccessKey>> {
    return this.model.session.api.listAccessKeys({ userName: this.userName, maxItems: pageSizeFor(hint, this.model.pageSize()), marker, abortSignal: signal });
  }

  protected override appended(keys: readonly AccessKey[], from: number): void {
    this.model.loadedKeys.add(keys, from);
  }

  override reset(): void {
    this.model.loadedKeys.release(this.loaded);
    super.reset();
  }
}

export class AccountModel {
  readonly users: PagedList<IamUser>;
  /** ListAccessKeys without UserName: the keys of whoever signs the calls (root's for root). */
  readonly ownKeys: KeyList;
  /** The keys the lists below hold now, by ID (no call, no tree walk). */
  readonly loadedKeys = new LoadedKeyIndex();
  private readonly userKeys = new Map<string, KeyList>();
  private readonly stopListening: () => void;

  constructor(
    readonly session: ConnectionSession,
    /** Items a page asks for (iamKeys.pageSize). */
    readonly pageSize: () => number,
  ) {
    this.users = new PagedList<IamUser>((marker, signal, hint) => session.api.listUsers({ maxItems: pageSizeFor(hint, pageSize()), marker, abortSignal: signal }));
    this.ownKeys = new KeyList(this, undefined);
    // A reconnect forgets what the session knew: the lists go with it.
    this.stopListening = session.onDidReset(() => this.reset());
  }

  /** One user's keys (the list is made on first use and kept until the users list is reset). */
  keysOf(userName: string): KeyList {
    let list = this.userKeys.get(userName);
    if (!list) {
      list = new KeyList(this, userName);
      this.userKeys.set(userName, list);
    }
    return list;
  }

  /** The key list of a user, only if one was made. */
  loadedKeysOf(userName: string): KeyList | undefined {
    return this.userKeys.get(userName);
  }

  /** The users list starts again; the users' key lists go with it. */
  resetUsers(): void {
    this.users.reset();
    for (const list of this.userKeys.values()) list.reset();
    this.userKeys.clear();
  }

  reset(): void {
    this.ownKeys.reset();
    this.resetUsers();
    this.loadedKeys.clear();
  }

  dispose(): void {
    this.stopListening();
  }
}
