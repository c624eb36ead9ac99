// "Key Health Report": every connection's keys judged by HEALTH_RULES — from the credential
// report (2–3 calls per account) or, where that is denied, from the keys the explorer loaded —
// shown as a webview with charts, exported as Markdown or HTML on request. Resolves to the
// report's data.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ConnectionSession } from '../../aws/connectionSession';
import { classifyError } from '../../aws/errors';
import { assessListedKeys, assessReport, type AssessedKey, type HealthThresholds } from '../../core/accountHealth';
import { findSlot } from '../../core/credentialReport';
import { buildHealthReport, type HealthReportData, type ReportAccountInput } from '../../core/healthReport';
import { healthReportHtml, healthReportMarkdown } from '../../core/healthReportExport';
import { needsAttention, severityRank } from '../../core/keyHealth';
import { showHealthReportPanel } from '../report/healthReportPanel';
import type { CommandDeps } from '../../commands/deps';

export interface ShowHealthReportArgs {
  /** Write the report to `file` in this format (no dialog). */
  readonly format?: 'markdown' | 'html';
  readonly file?: string;
  /** false: only compute (and export); default true opens the webview. */
  readonly show?: boolean;
}

/** Most worst keys whose IDs are looked up (one ListAccessKeys per user). */
const WORST_KEYS = 20;

export async function showHealthReport(arg: ShowHealthReportArgs | undefined, deps: CommandDeps): Promise<HealthReportData | undefined> {
  const args = arg ?? {};
  const settings = deps.settings.current;
  const thresholds: HealthThresholds = { now: new Date(), rotationWarningDays: settings.rotationWarningDays, unusedWarningDays: settings.unusedWarningDays };
  const sessions = await deps.sessions.sessions();
  const accounts = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building the key health report'), cancellable: false },
    () => Promise.all(sessions.map((session) => accountInput(session, thresholds, deps))),
  );
  const data = buildHealthReport(accounts, { now: thresholds.now, worstCount: WORST_KEYS });
  deps.log.info(`health report: ${data.totals.keys} keys, ${data.totals.needingAttention} needing attention`);
  if (args.format && args.file) await writeReport(data, args.format, args.file);
  if (args.show !== false) {
    showHealthReportPanel(data, (format) => void exportWithDialog(data, format, deps));
  }
  return data;
}

async function accountInput(session: ConnectionSession, thresholds: HealthThresholds, deps: CommandDeps): Promise<ReportAccountInput> {
  const profile = session.profile;
  const account = (await session.resolveAccount()) ?? '';
  try {
    const { report } = await session.loadCredentialReport();
    const keys = await withKeyIds(session, assessReport(report, thresholds));
    return { profile, account, source: 'credential-report', reportGeneratedAt: report.generatedAt, keys };
  } catch (error) {
    const note = classifyError(error, 'iam:GenerateCredentialReport').message;
    deps.log.info(`health report: ${profile || 'default'}: no credential report (${note}); using the loaded keys`);
    const keys = assessListedKeys(deps.models.existing(session)?.loadedKeys.all() ?? [], thresholds, { lastUsed: (key) => session.knownLastUsedOf(key), isRootKey: (key) => session.isRootKey(key) });
    return { profile, account, source: 'loaded', note, keys };
  }
}

/**
 * The report has no key IDs: the worst keys' users are listed (one call each, at most
 * WORST_KEYS) and each slot matched to the key created in the same second, so the report can
 * link to them. Root's keys can't be listed by others and stay without ID.
 */
async function withKeyIds(session: ConnectionSession, keys: AssessedKey[]): Promise<AssessedKey[]> {
  const worst = keys
    .filter((k) => needsAttention(k.health) && !k.isRoot)
    .sort((a, b) => severityRank(b.health.severity) - severityRank(a.health.severity) || b.health.findings.length - a.health.findings.length || b.health.ageDays - a.health.ageDays)
    .slice(0, WORST_KEYS);
  const users = [...new Set(worst.map((k) => k.userName))];
  const listed = new Map<string, Awaited<ReturnType<typeof session.api.listAllAccessKeys>>>();
  await Promise.all(
    users.map(async (userName) => {
      const userKeys = await session.api.listAllAccessKeys(userName, { pageSize: 100 }).catch(() => []);
      listed.set(userName, userKeys);
    }),
  );
  return keys.map((k) => {
    const candidates = listed.get(k.userName);
    const reportUser = session.reportUser(k.userName);
    if (!candidates || !reportUser) return k;
    const match = candidates.find((key) => findSlot(reportUser, key)?.slot === k.slot);
    // Fields named, not spread: a listed key's CreateDate is a getter (src/aws/sdk/listedRecords.ts).
    return match ? { ...k, key: { UserName: k.key.UserName, AccessKeyId: match.AccessKeyId, Status: k.key.Status, CreateDate: k.key.CreateDate } } : k;
  });
}

async function writeReport(data: HealthReportData, format: 'markdown' | 'html', file: string): Promise<void> {
  // In the editor's language, as the panel shows it.
  const t = vscode.l10n.t;
  await fs.writeFile(file, format === 'markdown' ? healthReportMarkdown(data, t) : healthReportHtml(data, t, vscode.env.language), 'utf8');
}

async function exportWithDialog(data: HealthReportData, format: 'markdown' | 'html', deps: CommandDeps): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    filters: format === 'markdown' ? { Markdown: ['md'] } : { HTML: ['html'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  try {
    await writeReport(data, format, target.fsPath);
    deps.log.info(`health report exported to ${target.fsPath}`);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write the report: {0}', classifyError(error).message));
  }
}
