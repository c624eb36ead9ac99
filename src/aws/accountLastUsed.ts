// Last use of access keys, by account: GetAccessKeyLastUsed answers the same whichever profile
// asks, so every session that reaches one account reads and fills one entry per key. Two
// profiles of one account (the `npm start` demo) then show a key with the same health labels,
// without a Refresh of the second. A change to a key (deactivate, rotate, delete) forgets its
// entry for all of them; a Refresh forgets the account's entries.
import type { AccessKeyLastUsed } from '../core/types';

export class AccountLastUsed {
  /** Account ID → key ID → last use. */
  private readonly byAccount = new Map<string, Map<string, AccessKeyLastUsed>>();

  get(account: string, accessKeyId: string): AccessKeyLastUsed | undefined {
    return this.byAccount.get(account)?.get(accessKeyId);
  }

  set(account: string, accessKeyId: string, lastUsed: AccessKeyLastUsed): void {
    let keys = this.byAccount.get(account);
    if (!keys) {
      keys = new Map();
      this.byAccount.set(account, keys);
    }
    keys.set(accessKeyId, lastUsed);
  }

  forget(account: string, accessKeyId: string): void {
    this.byAccount.get(account)?.delete(accessKeyId);
  }

  forgetAccount(account: string): void {
    this.byAccount.delete(account);
  }

  clear(): void {
    this.byAccount.clear();
  }
}
