// A paged list of access keys ("My access keys" or one user's keys). With the view's
// "needing attention" filter on, only keys with a warning or worse are shown.
import * as vscode from 'vscode';
import { assessAccessKey, countActive, needsAttention, type KeyHealth } from '../../core/keyHealth';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import type { KeyList } from '../../model/accountModel';
import type { NodeScope } from '../services';
import { AccessKeyNode } from './accessKeyNode';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';

export abstract class KeyListNode extends PagedNode<AccessKey> {
  constructor(
    parent: ExplorerNode,
    readonly scope: NodeScope,
    list: KeyList,
  ) {
    super(parent, scope.services, 'iam:ListAccessKeys', list, scope.session);
  }

  protected childId(key: AccessKey): string {
    return key.AccessKeyId;
  }
  protected createChild(key: AccessKey): AccessKeyNode {
    return new AccessKeyNode(this, key);
  }
  protected emptyLabel(): string {
    return this.list.loaded.length > 0 ? vscode.l10n.t('No key here needs attention') : vscode.l10n.t('No access keys');
  }
  protected override visibleItems(): readonly AccessKey[] {
    return this.scope.services.view.attentionOnly ? this.flaggedKeys() : this.list.loaded;
  }

  /** When this list's user was created, when known (for the user-setup rule). */
  protected userCreateDate(): Date | undefined {
    return undefined;
  }

  /**
   * One key of this list judged by HEALTH_RULES, with the last use known so far (fetched or
   * from the credential report), its siblings (two active keys) and the report's password flag.
   */
  healthOf(key: AccessKey, lastUsed: AccessKeyLastUsed | undefined = this.scope.session.knownLastUsedOf(key)): KeyHealth {
    const { services, session } = this.scope;
    const settings = services.settings();
    const reportUser = session.reportUser(key.UserName);
    return assessAccessKey(key, {
      now: services.now(),
      rotationWarningDays: settings.rotationWarningDays,
      unusedWarningDays: settings.unusedWarningDays,
      lastUsed,
      isRoot: session.isRootKey(key),
      activeKeysOfUser: countActive(this.list.loaded.filter((k) => k.UserName === key.UserName)),
      passwordEnabled: reportUser?.passwordEnabled,
      userCreateDate: this.userCreateDate() ?? reportUser?.userCreateDate,
    });
  }

  /** Loaded keys with a warning or worse, judged with the last use known so far. */
  flaggedKeys(): readonly AccessKey[] {
    return this.list.loaded.filter((key) => needsAttention(this.healthOf(key)));
  }

  /**
   * Loads the first page of keys if never loaded, then each key's last use, so that the
   * attention filter judges this list on what IAM knows rather than on what was expanded.
   */
  async checkHealth(signal?: AbortSignal): Promise<void> {
    if (!this.list.hasStarted) await this.load();
    for (const key of this.list.loaded) {
      if (signal?.aborted) return;
      await this.scope.session.lastUsed(key.AccessKeyId).catch(() => undefined);
    }
  }
}
