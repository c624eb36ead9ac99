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
    const { services, session } = this.scope;
    if (!services.view.attentionOnly) return this.list.loaded;
    const context = { now: services.now(), rotationWarningDays: services.settings().rotationWarningDays, isRoot: session.isRoot() };
    return this.list.loaded.filter((key) =>
      needsAttention(assessAccessKey(key, { ...context, lastUsed: session.knownLastUsed(key.AccessKeyId), isRoot: context.isRoot && !key.UserName })),
    );
  }
}
