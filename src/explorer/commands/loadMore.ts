// "Load more…" (one page, that list only) and "Load all" (every remaining page, with
// progress and cancel). From the palette they ask which loaded list to continue.
import * as vscode from 'vscode';
import type { LoadOutcome } from '../../core/pagedList';
import type { ExplorerNode } from '../nodes/explorerNode';
import { LoadMoreNode } from '../nodes/loadMoreNode';
import { PagedNode } from '../nodes/pagedNode';
import type { CommandDeps } from '../../commands/deps';

export interface LoadResult {
  readonly list: string;
  readonly loaded: number;
  readonly truncated: boolean;
  readonly outcome: LoadOutcome['kind'];
}

function summary(node: PagedNode<unknown>, outcome: LoadOutcome): LoadResult {
  return { list: node.id, loaded: node.list.loaded.length, truncated: node.list.isTruncated, outcome: outcome.kind };
}

export async function loadMore(target: ExplorerNode | undefined, deps: CommandDeps): Promise<LoadResult | undefined> {
  const node = await pagedTarget(target, deps);
  if (!node) return undefined;
  return summary(node, await node.loadMore());
}

export async function loadAll(target: ExplorerNode | undefined, deps: CommandDeps): Promise<LoadResult | undefined> {
  const node = await pagedTarget(target, deps);
  if (!node) return undefined;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading all of {0}', node.id), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await node.loadAll({
          signal: controller.signal,
          onPage: (loaded) => progress.report({ message: vscode.l10n.t('{0} loaded', loaded) }),
        });
      } finally {
        cancel.dispose();
      }
    },
  );
  deps.explorer.refresh(node);
  return summary(node, outcome);
}

/** The list a command acts on: the node given, the parent of a "Load more…" row, or a pick. */
async function pagedTarget(target: ExplorerNode | undefined, deps: CommandDeps): Promise<PagedNode<unknown> | undefined> {
  if (target instanceof LoadMoreNode) return target.parent;
  if (target instanceof PagedNode) return target as PagedNode<unknown>;
  const lists: PagedNode<unknown>[] = [];
  for (const row of await deps.explorer.connectionRows()) {
    lists.push(row.myKeys as PagedNode<unknown>, row.users as PagedNode<unknown>);
    lists.push(...(row.users.userNodes() as PagedNode<unknown>[]));
  }
  const open = lists.filter((l) => l.list.isTruncated);
  if (open.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('IAM Access Keys: no loaded list has more to load'), 4000);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    open.map((list) => ({ label: list.id, description: vscode.l10n.t('{0} loaded', list.list.loaded.length), list })),
    { placeHolder: vscode.l10n.t('Which list?') },
  );
  return pick?.list;
}
