// Export access keys…: every key of every user (or of the loaded/filtered users) to CSV or
// JSON, with bounded concurrency, a cancellable progress notification and a summary.
import * as vscode from 'vscode';
import { classifyError } from '../aws/errors';
import { mapWithConcurrency } from '../core/concurrency';
import { type ExportRow, toCsv, toExportJson } from '../core/exportFormat';
import type { IamUser } from '../core/types';
import type { ConnectionNode } from '../explorer/nodes/connectionNode';
import type { CommandDeps } from './deps';

export interface ExportArgs {
  format?: 'csv' | 'json';
  /** A file path; without it a save dialog asks. */
  file?: string;
  /** 'all' lists every user first; 'loaded' takes the users loaded (and filtered) in the tree. */
  users?: 'all' | 'loaded';
}

export interface ExportSummary {
  readonly file: string;
  readonly users: number;
  readonly keys: number;
  readonly failedUsers: number;
  readonly cancelled: boolean;
}

export async function exportAccessKeys(args: ExportArgs | undefined, deps: CommandDeps): Promise<ExportSummary | undefined> {
  const connections = await deps.explorer.connections();
  if (connections.length === 0) return undefined;
  const scope = args?.users ?? (await askScope());
  if (!scope) return undefined;
  const target = args?.file ? vscode.Uri.file(args.file) : await askFile(args?.format);
  if (!target) return undefined;
  const format = args?.format ?? (target.path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  const settings = deps.settings.current;

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting access keys'), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      const rows: ExportRow[] = [];
      let users = 0;
      let failedUsers = 0;
      try {
        for (const connection of connections) {
          await connection.ensureIdentity();
          const account = connection.identity()?.Account ?? '';
          const list = scope === 'all' ? await connection.api.listAllUsers({ pageSize: 1000, signal: controller.signal }) : loadedUsers(connection);
          users += list.length;
          const perUser = await mapWithConcurrency(
            list,
            settings.maxConcurrentRequests,
            async (user) => {
              try {
                return await connection.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal: controller.signal });
              } catch (error) {
                if (controller.signal.aborted) throw error;
                failedUsers++;
                deps.log.warn(`export: keys of ${user.UserName}: ${classifyError(error).message}`);
                return [];
              }
            },
            { signal: controller.signal, onProgress: (done, total) => progress.report({ message: `${done}/${total}`, increment: 100 / Math.max(total, 1) / connections.length }) },
          );
          for (const keys of perUser) for (const key of keys) rows.push({ account, key });
        }
        return { rows, users, failedUsers, cancelled: false };
      } catch (error) {
        if (controller.signal.aborted) return { rows, users, failedUsers, cancelled: true };
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  ).then(undefined, (error: unknown) => {
    const problem = classifyError(error, 'iam:ListUsers');
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', `${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`));
    return undefined;
  });
  if (!result) return undefined;
  if (result.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; nothing was written.'));
    return { file: target.fsPath, users: result.users, keys: result.rows.length, failedUsers: result.failedUsers, cancelled: true };
  }
  const text = format === 'json' ? toExportJson(result.rows) : toCsv(result.rows);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const summary: ExportSummary = { file: target.fsPath, users: result.users, keys: result.rows.length, failedUsers: result.failedUsers, cancelled: false };
  const failed = summary.failedUsers ? vscode.l10n.t(' ({0} users could not be read; see the log)', summary.failedUsers) : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} keys of {1} users to {2}{3}', summary.keys, summary.users, target.fsPath, failed));
  return summary;
}

function loadedUsers(connection: ConnectionNode): readonly IamUser[] {
  return connection.users.visibleUsers();
}

async function askScope(): Promise<'all' | 'loaded' | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('All users'), description: vscode.l10n.t('lists every user first'), value: 'all' as const },
      { label: vscode.l10n.t('Loaded users'), description: vscode.l10n.t('those shown in the explorer, filter applied'), value: 'loaded' as const },
    ],
    { title: vscode.l10n.t('Export access keys of…') },
  );
  return pick?.value;
}

function askFile(format: 'csv' | 'json' | undefined): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export access keys'),
    filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'], JSON: ['json'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: `${vscode.workspace.workspaceFolders[0].uri.path}/access-keys.${format ?? 'csv'}` }),
  });
}
