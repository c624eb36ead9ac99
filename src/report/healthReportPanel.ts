// The Key health report's webview panel: one at a time (shown again with new data), scripts
// allowed only by nonce, command links only to Reveal Access Key, resources only from dist/
// and media/. Export buttons post a message; the command writes the file.
import * as vscode from 'vscode';
import type { HealthReportData } from '../core/healthReport';
import { healthReportPage } from './healthReportPage';

const EXTENSION_ID = 'iam-keys-team.iam-access-keys';
let current: vscode.WebviewPanel | undefined;

export type ExportRequest = (format: 'markdown' | 'html') => void;

export function showHealthReportPanel(data: HealthReportData, onExport: ExportRequest): vscode.WebviewPanel {
  const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
  if (!extensionUri) throw new Error(`${EXTENSION_ID} is not installed`);
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
  if (!current) {
    current = vscode.window.createWebviewPanel('iamKeys.healthReport', vscode.l10n.t('Key health report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: ['iamKeys.revealAccessKey'],
      localResourceRoots: roots,
    });
    current.onDidDispose(() => (current = undefined));
  }
  const panel = current;
  const webview = panel.webview;
  webview.html = healthReportPage(data, {
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'health-report.css')).toString(),
  });
  const subscription = webview.onDidReceiveMessage((message: unknown) => {
    const m = message as { type?: unknown; format?: unknown };
    if (m?.type === 'export' && (m.format === 'markdown' || m.format === 'html')) onExport(m.format);
  });
  panel.onDidDispose(() => subscription.dispose());
  panel.reveal();
  return panel;
}
