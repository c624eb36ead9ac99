// What nodes need from the outside world, handed to them through their constructors.
import type { IamApi } from '../aws/iamApi';
import type { IamKeysSettings } from '../config';
import type { AccessKeyLastUsed, CallerIdentity } from '../core/types';
import type { Log } from '../log';
import type { ExplorerNode } from './nodes/explorerNode';

export interface ExplorerServices {
  /** Redraws one node and its children (the whole view when undefined). */
  refresh(node?: ExplorerNode): void;
  settings(): IamKeysSettings;
  readonly log: Log;
  now(): Date;
  /** The view shows only keys that need attention. */
  attentionOnly(): boolean;
}

/** Everything under one connection root shares this. */
export interface ConnectionScope {
  /** The profile name, or '' for the SDK's default chain. */
  readonly profile: string;
  readonly api: IamApi;
  readonly services: ExplorerServices;
  /** Known once sts:GetCallerIdentity answered. */
  identity(): CallerIdentity | undefined;
  isRoot(): boolean;
  /** GetAccessKeyLastUsed, asked once per key and remembered. */
  lastUsed(accessKeyId: string): Promise<AccessKeyLastUsed>;
  /** Known last use, if it was already fetched. */
  knownLastUsed(accessKeyId: string): AccessKeyLastUsed | undefined;
  /** Keeps the connection's index of loaded key IDs (for hovers) in step with a key list. */
  indexKeys(list: object, accessKeyIds: readonly string[]): void;
  /** True once the connection was dropped (settings changed): its lists stop loading. */
  readonly isDisposed: boolean;
  /** Lists being loaded now, so a throttled retry can be shown on them. */
  readonly activeLoads: Set<{ markRetrying(): void }>;
}
