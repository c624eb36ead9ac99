// A paged list of access keys ("My access keys" or one user's keys). With the view's
// "needing attention" filter on, only keys with a warning or worse are shown.
import * as vscode from 'vscode';
import { assessAccessKey, needsAttention } from '../../core/keyHealth';
import type { LoadOutcome } from '../../core/pagedList';
import type { AccessKey } from '../../core/types';
import { AccessKeyNode } from './accessKeyNode';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';

export abstract class KeyListNode extends PagedNode<AccessKey> {
  protected override afterLoad(outcome: LoadOutcome): LoadOutcome {
    this.scope.session.indexKeys(this.id, this.list.loaded);
    return super.afterLoad(outcome);
  }

  override reset(): void {
    super.reset();
    this.scope.session.indexKeys(this.id, []);
  }

  protected childId(key: AccessKey): string {
    return key.AccessKeyId;
  }
  protected createChild(key: AccessKey): ExplorerNode {
    return new AccessKeyNode(this, this.scope, key);
  }
  protected emptyLabel(): string {
    return this.list.loaded.length > 0 ? vscode.l10n.t('No key here needs attention') : vscode.l10n.t('No access keys');
  }
  protected override visibleItems(): readonly AccessKey[] {
    return this.scope.services.view.attentionOnly ? this.flaggedKeys() : this.list.loaded;
  }

  /** Loaded keys with a warning or worse, judged with the last use known so far. */
  flaggedKeys(): readonly AccessKey[] {
    const { services, session } = this.scope;
    const context = { now: services.now(), rotationWarningDays: services.settings().rotationWarningDays, isRoot: session.isRoot() };
    return this.list.loaded.filter((key) =>
      needsAttention(assessAccessKey(key, { ...context, lastUsed: session.knownLastUsed(key.AccessKeyId), isRoot: context.isRoot && !key.UserName })),
    );
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
