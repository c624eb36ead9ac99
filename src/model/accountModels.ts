// The one model of each account, by session: the tree, the commands and the organization walks
// ask here, so they share one set of lists. Made on first use; dropped when the registry rebuilds
// (its sessions are disposed then).
import type { ConnectionSession } from '../aws/connectionSession';
import { AccountModel } from './accountModel';

export class AccountModels {
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

  /** Drops every model (their sessions were closed). */
  clear(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }
}
