// The Key health report's webview panel: one at a time (shown again with new data), scripts
// allowed only by nonce, command links only to Reveal Access Key, resources only from dist/
// and media/. Export buttons post a message; the command writes the file.
import * as vscode from 'vscode';
import type { HealthReportData } from '../../core/healthReport';
import { healthReportPage } from './healthReportPage';

const EXTENSION_ID = 'iam-keys-team.iam-access-keys';

export type ExportRequest = (format: 'markdown' | 'html') => void;

/** The open panel and what its Export buttons export: the data it shows now. */
interface OpenReport {
  readonly panel: vscode.WebviewPanel;
  onExport: ExportRequest;
}
let current: OpenReport | undefined;

export function showHealthReportPanel(data: HealthReportData, onExport: ExportRequest): vscode.WebviewPanel {
  const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
  if (!extensionUri) throw new Error(`${EXTENSION_ID} is not installed`);
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
  // One message listener per panel, made with it: a listener per show made one Export click
  // open one save dialog per show.
  current ??= openPanel(roots, onExport);
  current.onExport = onExport;
  const { panel } = current;
  const webview = panel.webview;
  webview.html = healthReportPage(data, {
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'health-report.css')).toString(),
    language: vscode.env.language,
  }, undefined, (message, ...args) => vscode.l10n.t(message, ...args));
  panel.reveal();
  return panel;
}

function openPanel(roots: vscode.Uri[], onExport: ExportRequest): OpenReport {
  const panel = vscode.window.createWebviewPanel('iamKeys.healthReport', vscode.l10n.t('Key health report'), vscode.ViewColumn.Active, {
    enableScripts: true,
    enableCommandUris: ['iamKeys.revealAccessKey'],
    localResourceRoots: roots,
  });
  const report: OpenReport = { panel, onExport };
  const subscription = panel.webview.onDidReceiveMessage((message: unknown) => {
    const m = message as { type?: unknown; format?: unknown };
    if (m?.type === 'export' && (m.format === 'markdown' || m.format === 'html')) report.onExport(m.format);
  });
  panel.onDidDispose(() => {
    subscription.dispose();
    if (current === report) current = undefined;
  });
  return report;
}
