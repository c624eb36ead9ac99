// Wires the leaked-credential diagnostics into the editor: the collection for open documents
// (fed by the hover's KeyLookup) and the quick fixes on its access key IDs and secrets.
import * as vscode from 'vscode';
import type { Settings } from '../../config';
import type { Log } from '../../log';
import { LeakCodeActions } from './leakCodeActions';
import { LeakDiagnostics, type LeakLookup } from './leakDiagnostics';

export function registerLeakDiagnostics(deps: { lookup: LeakLookup; settings: Settings; log: Log }): { diagnostics: LeakDiagnostics; disposables: vscode.Disposable[] } {
  const diagnostics = new LeakDiagnostics(deps);
  const actions = vscode.languages.registerCodeActionsProvider(
    [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-userdata' }],
    new LeakCodeActions(deps.lookup, (uri, range) => diagnostics.pairedKeyAt(uri, range)),
    LeakCodeActions.metadata,
  );
  return { diagnostics, disposables: [diagnostics, actions] };
}
