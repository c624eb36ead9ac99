// What nodes need from the outside world, handed to them through their constructors. The
// data (identity, clients, caches) is the session's; the tree only renders it.
import type { ConnectionSession } from '../aws/connectionSession';
import type { IamKeysSettings } from '../config';
import type { Log } from '../log';
import type { AccountModel } from '../model/accountModel';
import type { AccountModels } from '../model/accountModels';
import type { ExplorerNode } from './nodes/explorerNode';
import type { ViewState } from './viewState';

export interface ExplorerServices {
  /** Redraws one node and its children (the whole view when undefined). */
  refresh(node?: ExplorerNode): void;
  settings(): IamKeysSettings;
  readonly log: Log;
  now(): Date;
  /** Filter and attention-only: what the view shows. */
  readonly view: ViewState;
  /** The one model of each account, shared with the commands. */
  readonly models: AccountModels;
}

/** Everything under one account's row shares this: its session, its model and the view's services. */
export interface NodeScope {
  readonly session: ConnectionSession;
  readonly model: AccountModel;
  readonly services: ExplorerServices;
}
