// Organization-wide commands (issue #13), thin over src/aws/organization/orgWideExport.ts and orgWideAttention.ts:
// - Export Access Keys… with {scope: 'organization'}: every key of every active member account
//   (role assumed on entry, `iamKeys.maxConcurrentAccounts` at once) to CSV or JSON with the
//   account's ID and name; failed and skipped accounts are listed in the result and the log.
// - Find Keys Needing Attention Across the Organization: the credential report per account
//   (live calls where it is denied), the flagged keys with their findings.
// Both show a cancellable progress notification; a cancel keeps what was read and says so.
import * as vscode from 'vscode';
import type { AccountSource } from '../../aws/organization/accountSource';
import { findOrganizationKeysNeedingAttention, type AttentionAccount, type AttentionKey } from '../../aws/organization/orgWideAttention';
import { exportOrganizationKeys } from '../../aws/organization/orgWideExport';
import type { FailedAccount, OrgWideOptions, SkippedAccount } from '../../aws/organization/orgWideWalk';
import { ORG_EXPORT_COLUMNS, toCsv, toExportJson } from '../../core/exportFormat';
import { completeListsOf } from '../../model/completeLists';
import type { CommandDeps } from '../../commands/deps';
import { host } from '../host';

/** A cancellation a script passes in (a vscode.CancellationToken, or anything shaped like one). */
interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

export interface OrganizationScopeArgs {
  readonly scope: 'organization';
  /** The management profile or the organization ID (o-…); every organization of the settings when omitted. */
  readonly organization?: string;
  /** Scripts and tests: cancels like the notification's Cancel button. */
  readonly cancellation?: CancellationLike;
}

export interface OrgExportArgs extends OrganizationScopeArgs {
  readonly format?: 'csv' | 'json';
  /** A file path; without it a save dialog asks. */
  readonly file?: string;
}

export interface OrgExportSummary {
  /** Undefined when nothing was written (cancelled before any account, or every account failed). */
  readonly file?: string;
  /** Accounts exported completely. */
  readonly accounts: number;
  readonly users: number;
  readonly keys: number;
  readonly failedUsers: number;
  readonly failedAccounts: readonly FailedAccount[];
  readonly skippedAccounts: readonly SkippedAccount[];
  readonly partial: boolean;
  readonly cancelled: boolean;
}

export interface OrgAttentionSummary {
  /** One entry per account read: where its verdicts came from and how many keys it has flagged. */
  readonly accounts: readonly AttentionAccount[];
  readonly keys: readonly AttentionKey[];
  readonly failedAccounts: readonly FailedAccount[];
  readonly skippedAccounts: readonly SkippedAccount[];
  readonly partial: boolean;
  readonly cancelled: boolean;
}

export function isOrganizationScope(arg: unknown): arg is OrganizationScopeArgs {
  return typeof arg === 'object' && arg !== null && (arg as { scope?: unknown }).scope === 'organization';
}

/** The organizations named by the argument (profile or o-… ID), or every one of the settings. */
async function organizationSources(args: OrganizationScopeArgs | undefined, deps: CommandDeps): Promise<AccountSource[] | undefined> {
  const all = (deps.organizations?.all() ?? []).filter((s) => s.kind === 'organization');
  if (all.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No organization is configured (setting iamKeys.organizations).'));
    return undefined;
  }
  const wanted = args?.organization;
  if (!wanted) return all;
  const picked: AccountSource[] = [];
  for (const source of all) {
    if (source.profile === wanted) picked.push(source);
    else if (/^o-/.test(wanted) && (await source.organizationId().catch(() => undefined)) === wanted) picked.push(source);
  }
  if (picked.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No organization of the settings is {0}.', wanted));
    return undefined;
  }
  return picked;
}

/** Runs `work` under a cancellable notification; the argument's cancellation cancels it too. */
function withOrgProgress<T>(title: string, args: OrganizationScopeArgs | undefined, work: (options: Pick<OrgWideOptions, 'signal' | 'onProgress'>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscriptions = [token.onCancellationRequested(() => controller.abort())];
    if (args?.cancellation) {
      if (args.cancellation.isCancellationRequested) controller.abort();
      subscriptions.push(args.cancellation.onCancellationRequested(() => controller.abort()));
    }
    let reported = 0;
    try {
      return await work({
        signal: controller.signal,
        onProgress: (done, total) => {
          const percent = Math.min(100, (done / total) * 100);
          progress.report({ message: vscode.l10n.t('{0} of {1} accounts', done, total), increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        },
      });
    } finally {
      for (const s of subscriptions) s.dispose();
    }
  });
}

function walkOptions(deps: CommandDeps): Omit<OrgWideOptions, 'signal' | 'onProgress'> {
  const settings = deps.settings.current;
  return {
    concurrency: settings.maxConcurrentAccounts,
    perAccountConcurrency: settings.maxConcurrentRequests,
    thresholds: { now: new Date(), rotationWarningDays: settings.rotationWarningDays, unusedWarningDays: settings.unusedWarningDays },
    log: deps.log,
    // A member account whose lists the tree loaded in full is read from its model, not listed again.
    loaded: completeListsOf(deps.models),
  };
}

export async function exportOrganization(args: OrgExportArgs, deps: CommandDeps): Promise<OrgExportSummary | undefined> {
  const sources = await organizationSources(args, deps);
  if (!sources) return undefined;
  const target = args.file ? vscode.Uri.file(args.file) : await askFile(args.format);
  if (!target) return undefined;
  const format = args.format ?? (target.path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  const result = await withOrgProgress(vscode.l10n.t('Exporting access keys of the organization'), args, (progress) =>
    exportOrganizationKeys(sources, { ...walkOptions(deps), ...progress, profileOf: (source) => (source as AccountSource).profile ?? '' }),
  );
  const base = {
    accounts: result.accounts,
    users: result.users,
    keys: result.rows.length,
    failedUsers: result.failedUsers,
    failedAccounts: result.failedAccounts,
    skippedAccounts: result.skippedAccounts,
    partial: result.partial,
    cancelled: result.cancelled,
  };
  if (result.accounts === 0) {
    const why = result.cancelled ? 'cancelled before any account was read' : 'no account could be read';
    deps.log.warn(`organization export: ${why}; nothing written`);
    void vscode.window.showWarningMessage(
      result.cancelled ? vscode.l10n.t('Export cancelled; nothing was written.') : vscode.l10n.t('Export failed; no account could be read. See the log for each account.'),
    );
    return base;
  }
  const text =
    format === 'json'
      ? toExportJson(result.rows, ORG_EXPORT_COLUMNS, {
          Partial: result.partial,
          FailedAccounts: result.failedAccounts.map((f) => ({ AccountId: f.accountId, AccountName: f.name, Reason: f.reason })),
          SkippedAccounts: result.skippedAccounts.map((s) => ({ AccountId: s.accountId, AccountName: s.name, Status: s.status })),
        })
      : toCsv(result.rows, ORG_EXPORT_COLUMNS);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const summary: OrgExportSummary = { ...base, file: target.fsPath };
  deps.log.info(
    `organization export: ${summary.keys} keys of ${summary.users} users in ${summary.accounts} accounts to ${target.fsPath}` +
      ` (${summary.failedAccounts.length} accounts failed, ${summary.skippedAccounts.length} skipped${summary.partial ? ', PARTIAL' : ''})`,
  );
  void announceExport(summary, target);
  return summary;
}

async function announceExport(summary: OrgExportSummary, target: vscode.Uri): Promise<void> {
  const parts = [vscode.l10n.t('Exported {0} keys of {1} accounts to {2}.', summary.keys, summary.accounts, target.fsPath)];
  if (summary.partial) parts.push(vscode.l10n.t('Partial: cancelled before every account was read.'));
  parts.push(...failureNotes(summary.failedAccounts, summary.skippedAccounts));
  const open = vscode.l10n.t('Open File');
  const show = summary.partial || summary.failedAccounts.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if ((await show(parts.join(' '), open)) === open) await vscode.window.showTextDocument(target);
}

function failureNotes(failed: readonly FailedAccount[], skipped: readonly SkippedAccount[]): string[] {
  const notes: string[] = [];
  if (failed.length > 0) notes.push(vscode.l10n.t('Not read: {0}.', failed.map((f) => `${f.name} (${f.accountId}): ${f.reason}`).join('; ')));
  if (skipped.length > 0) notes.push(vscode.l10n.t('Skipped: {0}.', skipped.map((s) => `${s.name} (${s.accountId}, ${s.status})`).join('; ')));
  return notes;
}

export async function findKeysNeedingAttention(arg: OrganizationScopeArgs | undefined, deps: CommandDeps): Promise<OrgAttentionSummary | undefined> {
  const sources = await organizationSources(arg, deps);
  if (!sources) return undefined;
  const result = await withOrgProgress(vscode.l10n.t('Checking keys across the organization'), arg, (progress) =>
    findOrganizationKeysNeedingAttention(sources, { ...walkOptions(deps), ...progress, readCsv: host().readCsv }),
  );
  const live = result.accountResults.filter((a) => a.source === 'live').length;
  deps.log.info(
    `organization attention: ${result.keys.length} keys need attention in ${result.accountResults.length} accounts` +
      ` (${live} read live, ${result.failedAccounts.length} failed, ${result.skippedAccounts.length} skipped${result.partial ? ', PARTIAL' : ''})`,
  );
  const parts = [vscode.l10n.t('{0} keys need attention in {1} accounts.', result.keys.length, result.accountResults.length)];
  if (result.partial) parts.push(vscode.l10n.t('Partial: cancelled before every account was read.'));
  parts.push(...failureNotes(result.failedAccounts, result.skippedAccounts));
  const show = result.partial || result.failedAccounts.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(parts.join(' '));
  return {
    accounts: result.accountResults,
    keys: result.keys,
    failedAccounts: result.failedAccounts,
    skippedAccounts: result.skippedAccounts,
    partial: result.partial,
    cancelled: result.cancelled,
  };
}

function askFile(format: 'csv' | 'json' | undefined): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export access keys of the organization'),
    filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'], JSON: ['json'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, `organization-access-keys.${format ?? 'csv'}`) : undefined,
  });
}
