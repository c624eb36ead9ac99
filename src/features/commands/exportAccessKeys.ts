// Export access keys…: every key of every user (or of the loaded/filtered users) of the chosen
// profiles to CSV or JSON, with last use, bounded concurrency, a cancellable progress
// notification and a summary. A profile that can't be read is listed, never the end of the
// export: what could be read is written.
import * as vscode from 'vscode';
import type { ConnectionSession } from '../../aws/connectionSession';
import { classifyError } from '../../aws/errors';
import { mapWithConcurrency } from '../../core/concurrency';
import { type ExportRow, toCsv, toExportJson } from '../../core/exportFormat';
import { assessAccessKey, countActive } from '../../core/keyHealth';
import type { AccessKey, IamUser } from '../../core/types';
import { visibleUsers } from '../../model/userAttention';
import type { CommandDeps } from '../../commands/deps';
import { defaultExportUri } from './exportLocation';

export interface ExportArgs {
  format?: 'csv' | 'json';
  /** A file path; without it a save dialog asks. */
  file?: string;
  /** 'all' lists every user first; 'loaded' takes the users loaded (and filtered) in the tree. */
  users?: 'all' | 'loaded';
  /** Profiles to export ('' for the default chain); all when omitted by a script, asked otherwise. */
  profiles?: string[];
}

export interface FailedProfile {
  readonly profile: string;
  readonly message: string;
}

export interface ExportSummary {
  readonly file: string;
  readonly users: number;
  readonly keys: number;
  readonly failedUsers: number;
  /** Profiles that could not be read at all, with the reason. */
  readonly failedProfiles: readonly FailedProfile[];
  readonly cancelled: boolean;
}

export async function exportAccessKeys(args: ExportArgs | undefined, deps: CommandDeps): Promise<ExportSummary | undefined> {
  const all = await deps.sessions.sessions();
  if (all.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No AWS connection is configured.'));
    return undefined;
  }
  const sessions = await chooseSessions(all, args);
  if (!sessions) return undefined;
  const scope = args?.users ?? (await askScope());
  if (!scope) return undefined;
  const target = args?.file ? vscode.Uri.file(args.file) : await askFile(args?.format);
  if (!target) return undefined;
  const format = args?.format ?? (target.path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  const concurrency = deps.settings.current.maxConcurrentRequests;

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting access keys'), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      const rows: ExportRow[] = [];
      const failedProfiles: FailedProfile[] = [];
      let users = 0;
      let failedUsers = 0;
      try {
        for (const session of sessions) {
          const profile = session.profile;
          let list: readonly IamUser[];
          try {
            await session.ensureIdentity();
            const identityError = session.identityError();
            if (identityError !== undefined) throw identityError;
            list = scope === 'all' ? await session.api.listAllUsers({ pageSize: 1000, signal: controller.signal }) : loadedUsers(session, deps);
          } catch (error) {
            if (controller.signal.aborted) throw error;
            const problem = classifyError(error, 'iam:ListUsers');
            failedProfiles.push({ profile: profile || 'default', message: problem.message });
            deps.log.warn(`export: profile ${profile || 'default'}: ${problem.kind} ${problem.message}`);
            continue;
          }
          users += list.length;
          const account = session.account() ?? '';
          const perUser = await mapWithConcurrency(
            list,
            concurrency,
            async (user) => {
              try {
                const keys = await session.api.listAllAccessKeys(user.UserName, { pageSize: 1000, signal: controller.signal });
                return await withLastUse(session, keys, deps);
              } catch (error) {
                if (controller.signal.aborted) throw error;
                failedUsers++;
                deps.log.warn(`export: keys of ${user.UserName} (${profile || 'default'}): ${classifyError(error).message}`);
                return [];
              }
            },
            { signal: controller.signal, onProgress: (done, total) => progress.report({ message: `${profile || 'default'} ${done}/${total}`, increment: 100 / Math.max(total, 1) / sessions.length }) },
          );
          const settings = deps.settings.current;
          const thresholds = { now: new Date(), rotationWarningDays: settings.rotationWarningDays, unusedWarningDays: settings.unusedWarningDays };
          perUser.forEach((keys, i) => {
            const user = list[i]!;
            const activeKeysOfUser = countActive(keys.map((k) => k.key));
            const passwordEnabled = session.reportUser(user.UserName)?.passwordEnabled;
            for (const { key, lastUsed } of keys) {
              const health = assessAccessKey(key, { ...thresholds, lastUsed, isRoot: session.isRootKey(key), activeKeysOfUser, passwordEnabled, userCreateDate: user.CreateDate });
              rows.push({ profile, account, key, lastUsed, health });
            }
          });
        }
        return { rows, users, failedUsers, failedProfiles, cancelled: false };
      } catch (error) {
        if (controller.signal.aborted) return { rows, users, failedUsers, failedProfiles, cancelled: true };
        throw error;
      } finally {
        cancel.dispose();
      }
    },
  );
  const summary: ExportSummary = {
    file: target.fsPath,
    users: result.users,
    keys: result.rows.length,
    failedUsers: result.failedUsers,
    failedProfiles: result.failedProfiles,
    cancelled: result.cancelled,
  };
  if (result.cancelled) {
    deps.log.info(`export cancelled after ${summary.keys} keys; nothing written`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; nothing was written.'));
    return summary;
  }
  if (result.failedProfiles.length === sessions.length) {
    const reasons = result.failedProfiles.map((f) => `${f.profile}: ${f.message}`).join('; ');
    deps.log.warn(`export failed: ${reasons}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed; nothing was written. {0}', reasons));
    return summary;
  }
  const text = format === 'json' ? toExportJson(result.rows) : toCsv(result.rows);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  deps.log.info(`exported ${summary.keys} keys of ${summary.users} users to ${summary.file} (${summary.failedUsers} users and ${summary.failedProfiles.length} profiles failed)`);
  void announce(summary, target);
  return summary;
}

/** Keys with their last use (the session's memo); a key whose last use can't be read keeps none. */
async function withLastUse(session: ConnectionSession, keys: readonly AccessKey[], deps: CommandDeps): Promise<Array<Pick<ExportRow, 'key' | 'lastUsed'>>> {
  const out: Array<Pick<ExportRow, 'key' | 'lastUsed'>> = [];
  for (const key of keys) {
    const lastUsed = await session.lastUsed(key.AccessKeyId).catch((error: unknown) => {
      deps.log.debug(`export: last use of ${key.AccessKeyId}: ${classifyError(error).message}`);
      return undefined;
    });
    out.push({ key, lastUsed });
  }
  return out;
}

async function announce(summary: ExportSummary, target: vscode.Uri): Promise<void> {
  const failures = [
    summary.failedUsers ? vscode.l10n.t('{0} users could not be read', summary.failedUsers) : undefined,
    ...summary.failedProfiles.map((f) => vscode.l10n.t('profile {0}: {1}', f.profile, f.message)),
  ].filter(Boolean);
  const text = vscode.l10n.t('Exported {0} keys of {1} users to {2}.', summary.keys, summary.users, target.fsPath);
  const open = vscode.l10n.t('Open File');
  const show = failures.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(failures.length > 0 ? `${text} ${vscode.l10n.t('Not exported: {0}.', failures.join('; '))}` : text, open);
  if (choice === open) await vscode.window.showTextDocument(target);
}

/** The users the account's model has loaded that pass the view's filters (what the view shows). */
function loadedUsers(session: ConnectionSession, deps: CommandDeps): readonly IamUser[] {
  const { rotationWarningDays, unusedWarningDays } = deps.settings.current;
  const filter = { text: deps.view.filter, attentionOnly: deps.view.attentionOnly };
  const model = deps.models.existing(session);
  return model ? visibleUsers(model, filter, { now: new Date(), rotationWarningDays, unusedWarningDays }) : [];
}

/** The sessions to export: the named profiles, all of them for a script, or the user's pick. */
async function chooseSessions(all: readonly ConnectionSession[], args: ExportArgs | undefined): Promise<readonly ConnectionSession[] | undefined> {
  if (args?.profiles) {
    const unknown = args.profiles.filter((p) => !all.some((s) => s.profile === p));
    if (unknown.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not shown in the explorer: {0}', unknown.join(', ')));
      return undefined;
    }
    return all.filter((s) => args.profiles?.includes(s.profile));
  }
  if (args || all.length === 1) return all;
  const picked = await vscode.window.showQuickPick(
    all.map((session) => ({ label: session.profile || vscode.l10n.t('default credentials'), description: session.account(), picked: true, session })),
    { title: vscode.l10n.t('Export access keys of which profiles?'), canPickMany: true },
  );
  return picked && picked.length > 0 ? picked.map((p) => p.session) : undefined;
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
    defaultUri: defaultExportUri(format),
  });
}
