import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): { ready: true } {
  const emitter = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    emitter,
    vscode.window.createTreeView('iamKeys.explorer', {
      treeDataProvider: {
        onDidChangeTreeData: emitter.event,
        getTreeItem: (item: vscode.TreeItem) => item,
        getChildren: () => [new vscode.TreeItem('IAM Access Keys')],
      },
    }),
  );
  return { ready: true };
}

export function deactivate(): void {}
