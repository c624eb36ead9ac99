// A paged list of access keys ("My access keys" or one user's keys). With the view's
// "needing attention" filter on, only keys with a warning or worse are shown.
import * as vscode from 'vscode';
import type { HealthThresholds } from '../../core/accountHealth';
import type { KeyHealth } from '../../core/keyHealth';
import type { AccessKey, AccessKeyLastUsed } from '../../core/types';
import type { KeyList } from '../../model/accountModel';
import { flaggedKeys, loadedKeyHealth } from '../../model/userAttention';
import type { ExplorerServices, NodeScope } from '../services';
import type { ExplorerNode } from './explorerNode';
import { type ListSource, PagedNode } from './pagedNode';
import { showKey } from './treeElement';

export abstract class KeyListNode extends PagedNode<AccessKey> {
  constructor(parent: ExplorerNode, list: KeyList) {
    super(parent, list);
  }

  /** The account's session, model and the view's services: a user's row reads its parent's (#22 memory). */
  abstract readonly scope: NodeScope;

  protected get services(): ExplorerServices {
    return this.scope.services;
  }
  protected get action(): string {
    return 'iam:ListAccessKeys';
  }
  protected get calls(): ListSource {
    return this.scope.session;
  }

  protected childId(key: AccessKey): string {
    return key.AccessKeyId;
  }
  /** A key's row is its record, marked as shown here (treeElement.ts): no row object per key. */
  protected childAt(index: number): AccessKey {
    const key = this.list.loaded[index];
    if (key === undefined) throw new RangeError(`${this.id}: no loaded key ${index}`);
    return showKey(key, this);
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
    return loadedKeyHealth(this.scope.model, this.list.loaded, key, this.thresholds(), this.userCreateDate(), lastUsed);
  }

  /** Loaded keys with a warning or worse, judged with the last use known so far. */
  flaggedKeys(): readonly AccessKey[] {
    return flaggedKeys(this.scope.model, this.list.loaded, this.thresholds(), this.userCreateDate());
  }

  protected thresholds(): HealthThresholds {
    const { rotationWarningDays, unusedWarningDays } = this.scope.services.settings();
    return { now: this.scope.services.now(), rotationWarningDays, unusedWarningDays };
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
