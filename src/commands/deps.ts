// What every command gets. Commands ask the session registry for data; the explorer is only
// for what is about rows (reveal, redraw, the list a "Load more…" row belongs to).
import type * as vscode from 'vscode';
import type { OrgSources } from '../aws/organization/orgSources';
import type { SessionRegistry } from '../aws/sessionRegistry';
import type { Settings } from '../config';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { TreeElement } from '../explorer/nodes/treeElement';
import type { ViewState } from '../explorer/viewState';
import type { LeakLookup } from '../features/diagnostics/leakDiagnostics';
import type { Log } from '../log';
import type { AccountModels } from '../model/accountModels';
import type { JsonDocuments } from './jsonDocuments';

export interface CommandDeps {
  readonly sessions: SessionRegistry;
  /** Each account's lists and loaded-key index, shared with the tree. */
  readonly models: AccountModels;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<TreeElement>;
  readonly view: ViewState;
  readonly settings: Settings;
  readonly log: Log;
  readonly documents: JsonDocuments;
  /** The hover's key lookup (cache and per-minute cap), shared by the workspace scan. */
  readonly lookup: LeakLookup;
  /** Where rotations keep their journal (the extension's global storage). */
  readonly journalDir: string;
  /** Drops the hover's remembered answer about a key that changed. */
  readonly forgetHoverKey?: (accessKeyId: string) => void;
  /** Organizations and Identity Center profiles of the settings. */
  readonly organizations?: OrgSources;
}
