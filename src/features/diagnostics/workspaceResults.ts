// The workspace scan's findings as the Leaked Keys view shows them (#25: the scan used to say
// only how many it found): grouped by key, each opening its file at the finding.
import * as vscode from 'vscode';
import type { KeyAnswer } from './leakDiagnostics';
import { deactivateArguments, type LeakResultSet } from './leakResultsView';
import type { ScanFinding } from './scanWorkspace';

export function workspaceResultSet(findings: readonly ScanFinding[], answers: ReadonlyMap<string, KeyAnswer>): LeakResultSet {
  return {
    title: vscode.l10n.t('workspace'),
    deactivate: deactivateArguments(answers),
    results: findings.map((f) => {
      const uri = vscode.Uri.parse(f.uri);
      return {
        ...(f.accessKeyId ? { accessKeyId: f.accessKeyId } : {}),
        severity: f.severity,
        message: f.message,
        label: `${vscode.workspace.asRelativePath(uri)}:${f.line}`,
        location: { kind: 'file', uri, line: f.line, column: f.column },
      };
    }),
  };
}
