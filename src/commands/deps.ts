// What every command gets: the tree, its view, settings, the log and the JSON documents.
import type * as vscode from 'vscode';
import type { Settings } from '../config';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { Log } from '../log';
import type { JsonDocuments } from './jsonDocuments';

export interface CommandDeps {
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly settings: Settings;
  readonly log: Log;
  readonly documents: JsonDocuments;
}
