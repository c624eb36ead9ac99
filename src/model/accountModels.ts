// The one model of each account, by session: the tree, the commands, the hover, the badge, the
// reminders and the organization walks ask here, so they share one set of lists and one answer
// to "which loaded key is this ID, in which account". Made on first use; dropped when the
// registry rebuilds (its sessions are disposed then).
import type { ConnectionSession } from '../aws/connectionSession';
import type { AccessKey } from '../core/types';
import { AccountModel } from './accountModel';

/** A loaded key and the session whose list holds it. */
export interface IndexedKey {
  readonly key: AccessKey;
  readonly session: ConnectionSession;
}

/** The loaded-key lookups, for readers that need nothing else of the models. */
export interface LoadedKeys {
  loadedKey(accessKeyId: string): IndexedKey | undefined;
  loadedKeys(): IndexedKey[];
}

export class AccountModels implements LoadedKeys {
  private readonly models = new Map<ConnectionSession, AccountModel>();

  constructor(private readonly pageSize: () => number) {}

  of(session: ConnectionSession): AccountModel {
    let model = this.models.get(session);
    if (!model) {
      model = new AccountModel(session, this.pageSize);
      this.models.set(session, model);
    }
    return model;
  }

  /** The model of a session, only if one was made (no list is created). */
  existing(session: ConnectionSession): AccountModel | undefined {
    return this.models.get(session);
  }

  /** A key some list of an open account holds (no call, no tree walk). */
  loadedKey(accessKeyId: string): IndexedKey | undefined {
    for (const model of this.open()) {
      const key = model.loadedKeys.get(accessKeyId);
      if (key) return { key, session: model.session };
    }
    return undefined;
  }

  loadedKeys(): IndexedKey[] {
    return this.open().flatMap((model) => model.loadedKeys.all().map((key) => ({ key, session: model.session })));
  }

  /** Drops every model (their sessions were closed). */
  clear(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }

  /** Models whose session is still open (a member account's source may have closed it). */
  private open(): AccountModel[] {
    return [...this.models.values()].filter((model) => !model.session.isDisposed);
  }
}
