// "Leaked Keys" results in the IAM Keys container: what the last workspace or history scan
// found, grouped by access key (secrets with no key ID beside them in one group), worst first.
// Each finding opens where it was found: a file at its line, or a commit's version of a file
// (a git: URI from the built-in Git extension, else a read-only document from `git show`). A
// key's row carries the same fixes as the diagnostics: Deactivate… (write actions on, owner
// known) and Ignore, through the commands the quick fixes call. Created on the first results;
// the view is shown by the iamKeys.hasLeakResults context key.
import * as vscode from 'vscode';
import type { LeakSeverity } from './leakVerdict';
import { deactivateArgument, type DeactivateLeakedKeyArgument } from './leakCodeActions';
import type { KeyAnswer } from './leakDiagnostics';

export const LEAK_RESULTS_VIEW = 'iamKeys.leakResults';
const SHOWN_CONTEXT = 'iamKeys.hasLeakResults';

/** Where a finding opens. */
export type LeakLocation =
  | { readonly kind: 'file'; readonly uri: vscode.Uri; readonly line: number; readonly column: number }
  | { readonly kind: 'commit'; readonly uri: vscode.Uri; readonly line: number; readonly column: number };

export interface LeakResult {
  /** The key it is about (a secret's: the key ID beside it), if any. */
  readonly accessKeyId?: string;
  readonly severity: LeakSeverity;
  readonly message: string;
  /** The row's own text, e.g. "src/app.ts:12" or "1a2b3c4 config/.env:3". */
  readonly label: string;
  readonly description?: string;
  readonly location: LeakLocation;
}

export interface LeakResultSet {
  /** e.g. "History of my-repo" or "Workspace". */
  readonly title: string;
  readonly results: readonly LeakResult[];
  /** How to deactivate a key where it lives, for keys whose owner a profile can see. */
  readonly deactivate: ReadonlyMap<string, DeactivateLeakedKeyArgument>;
}

/** A key's row. Its fields are the argument Deactivate… and Ignore take when run from its menu. */
export interface LeakKeyNode {
  readonly type: 'key';
  readonly accessKeyId?: string;
  readonly userName?: string;
  readonly profile?: string;
  readonly ask?: true;
  readonly severity: LeakSeverity;
  readonly message: string;
  readonly results: readonly LeakResult[];
}

export interface LeakFindingNode {
  readonly type: 'finding';
  readonly result: LeakResult;
}

export type LeakResultNode = LeakKeyNode | LeakFindingNode;

const RANK: Readonly<Record<LeakSeverity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const ICONS: Readonly<Record<LeakSeverity, vscode.ThemeIcon>> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

/** Deactivate…'s argument for each key a profile can see, from the lookups' answers. */
export function deactivateArguments(answers: ReadonlyMap<string, KeyAnswer>): Map<string, DeactivateLeakedKeyArgument> {
  const deactivate = new Map<string, DeactivateLeakedKeyArgument>();
  for (const [id, info] of answers) {
    const fix = info ? deactivateArgument(info) : undefined;
    if (fix) deactivate.set(id, fix);
  }
  return deactivate;
}

/** The findings grouped by key, worst key first; within a key, in the order found. */
export function groupByKey(set: LeakResultSet): LeakKeyNode[] {
  const groups = new Map<string, LeakResult[]>();
  for (const result of set.results) {
    const key = result.accessKeyId ?? '';
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  const nodes = [...groups].map(([accessKeyId, results]): LeakKeyNode => {
    const worst = results.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    const fix = accessKeyId ? set.deactivate.get(accessKeyId) : undefined;
    return {
      type: 'key',
      ...(accessKeyId ? { accessKeyId } : {}),
      ...(fix ? { userName: fix.userName, profile: fix.profile, ask: true as const } : {}),
      severity: worst.severity,
      message: worst.message,
      results,
    };
  });
  return nodes.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.accessKeyId ?? '~').localeCompare(b.accessKeyId ?? '~'));
}

export class LeakResultsProvider implements vscode.TreeDataProvider<LeakResultNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private keys: LeakKeyNode[] = [];
  title = '';

  show(set: LeakResultSet): void {
    this.title = set.title;
    this.keys = groupByKey(set);
    this.changed.fire();
  }

  getChildren(node?: LeakResultNode): LeakResultNode[] {
    if (!node) return this.keys;
    return node.type === 'key' ? node.results.map((result) => ({ type: 'finding', result })) : [];
  }

  getTreeItem(node: LeakResultNode): vscode.TreeItem {
    if (node.type === 'key') {
      const label = node.accessKeyId ?? vscode.l10n.t('Secrets with no access key ID beside them');
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} found · {1}', node.results.length, node.message);
      item.tooltip = node.message;
      item.accessibilityInformation = { label: `${label}, ${item.description}` };
      item.iconPath = ICONS[node.severity];
      // Menus read these: Deactivate… for a key whose owner is known, Ignore for any key.
      item.contextValue = node.accessKeyId ? (node.profile !== undefined ? 'leakKey deactivatable' : 'leakKey') : 'leakGroup';
      return item;
    }
    const { result } = node;
    const item = new vscode.TreeItem(result.label, vscode.TreeItemCollapsibleState.None);
    item.description = result.description;
    item.tooltip = result.message;
    item.accessibilityInformation = { label: `${result.label}, ${result.description ?? ''}, ${result.message}` };
    item.iconPath = ICONS[result.severity];
    item.contextValue = 'leakFinding';
    const { uri, line, column } = result.location;
    const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at), preview: true } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}

let view: { provider: LeakResultsProvider; tree: vscode.TreeView<LeakResultNode> } | undefined;

/** Shows `set` in the results view (created on first use) and reveals it. */
export async function showLeakResults(set: LeakResultSet): Promise<LeakResultsProvider> {
  if (!view) {
    const provider = new LeakResultsProvider();
    view = { provider, tree: vscode.window.createTreeView(LEAK_RESULTS_VIEW, { treeDataProvider: provider, showCollapseAll: true }) };
  }
  view.provider.show(set);
  view.tree.title = vscode.l10n.t('Leaked Keys: {0}', set.title);
  view.tree.message = set.results.length === 0 ? vscode.l10n.t('No leaked access keys found.') : undefined;
  await vscode.commands.executeCommand('setContext', SHOWN_CONTEXT, true);
  await vscode.commands.executeCommand(`${LEAK_RESULTS_VIEW}.focus`).then(undefined, () => undefined);
  return view.provider;
}

