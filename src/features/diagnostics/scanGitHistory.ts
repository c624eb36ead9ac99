// iamKeys.scanGitHistory { repository?, maxCommits?, since?, rev? }: leaked credentials that any
// commit reachable from `rev` (default every branch) added, found by git/historyScan, graded
// like the diagnostics (judgeFindings: each distinct key looked up once, within the hover's
// per-minute cap; canary tokens never), shown in the Leaked Keys view grouped by key. Progress
// counts commits; Cancel keeps what was found so far. git's failures are named by
// git/gitProcess's classification, never by git's own text.
import * as vscode from 'vscode';
import { DEFAULT_DIAGNOSTICS } from '../../config';
import { isAbortError } from '../../core/concurrency';
import type { CommandDeps } from '../../commands/deps';
import { GitError } from '../../git/gitProcess';
import { isSafeRevision, scanHistory, stillInHead, type HistoryLeak } from '../../git/historyScan';
import { commitFileUri } from './commitDocuments';
import { judgeFindings } from './leakDiagnostics';
import { deactivateArguments, showLeakResults } from './leakResultsView';
import { historyFinding, type HistoryFinding } from './gradedFinding';

export interface ScanGitHistoryArgs {
  /** A folder in the repository (default: the first workspace folder). */
  readonly repository?: string;
  readonly maxCommits?: number;
  readonly since?: string;
  readonly rev?: string;
}

export type { HistoryFinding } from './gradedFinding';

export interface ScanGitHistoryResult {
  readonly commits: number;
  readonly findings: HistoryFinding[];
  readonly truncated: boolean;
  readonly cancelled: boolean;
}

export async function scanGitHistory(arg: unknown, deps: CommandDeps): Promise<ScanGitHistoryResult | undefined> {
  const args = parseArgs(arg);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(args);
    return undefined;
  }
  const cwd = args.repository ?? vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  if (!cwd) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder in a git repository, or give {0}.', 'repository'));
    return undefined;
  }
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning git history for leaked access keys'), cancellable: true },
      (progress, token) => scan(cwd, args, deps, progress, token),
    );
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    deps.log.info(`scanGitHistory: ${result.commits} commits, ${result.findings.length} findings (${errors} errors)${result.truncated ? ', truncated' : ''}${result.cancelled ? ', cancelled' : ''}`);
    const summary = vscode.l10n.t('Scanned {0} commits: {1} leaked credentials, {2} of them errors{3}.', result.commits, result.findings.length, errors, result.cancelled ? vscode.l10n.t(' (cancelled)') : '');
    void (errors > 0 ? vscode.window.showWarningMessage(summary) : vscode.window.showInformationMessage(summary));
    return result;
  } catch (error) {
    // Cancelled before the log was read (finding the repository, counting commits): nothing found.
    if (isAbortError(error)) return { commits: 0, findings: [], truncated: false, cancelled: true };
    if (!(error instanceof GitError)) throw error;
    // Our own sentence for the kind; git's stderr stays out of notifications and the log.
    deps.log.warn(`scanGitHistory: ${error.kind}${error.exitCode !== undefined ? ` (git exit ${error.exitCode})` : ''}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Scan Git History: {0}.', vscode.l10n.t(error.message)));
    return undefined;
  }
}

function parseArgs(arg: unknown): ScanGitHistoryArgs | string {
  const a = (arg ?? {}) as Record<string, unknown>;
  if (typeof a !== 'object' || Array.isArray(a)) return vscode.l10n.t('scanGitHistory takes {0}.', '{ repository?, maxCommits?, since?, rev? }');
  for (const name of ['repository', 'since', 'rev'] as const) {
    if (a[name] !== undefined && (typeof a[name] !== 'string' || a[name] === '')) return vscode.l10n.t('{0} must be text.', name);
  }
  if (a.rev !== undefined && !isSafeRevision(a.rev as string)) return vscode.l10n.t('rev must be a branch, tag, commit or range, not an option.');
  if (a.since !== undefined && /^-|[\0\r\n]/.test(a.since as string)) return vscode.l10n.t('since must be a date, such as "2024-01-01" or "3 months ago".');
  if (a.maxCommits !== undefined && !(Number.isInteger(a.maxCommits) && (a.maxCommits as number) > 0)) return vscode.l10n.t('{0} must be a whole number above 0.', 'maxCommits');
  return a as ScanGitHistoryArgs;
}

async function scan(
  cwd: string,
  args: ScanGitHistoryArgs,
  deps: CommandDeps,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ScanGitHistoryResult> {
  const stop = new AbortController();
  const onCancel = token.onCancellationRequested(() => stop.abort());
  let reported = 0;
  let output;
  try {
    output = await scanHistory({
      cwd,
      rev: args.rev,
      since: args.since,
      maxCommits: args.maxCommits,
      signal: stop.signal,
      onProgress: (commits, total) => {
        const percent = total > 0 ? (100 * commits) / total : 0;
        progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} of {1} commits', commits, total) });
        reported = percent;
      },
    });
  } finally {
    onCancel.dispose();
  }
  const ignored = new Set((deps.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS).ignore);
  const leaks = output.leaks.filter((l) => !l.finding.accessKeyId || !ignored.has(l.finding.accessKeyId));
  progress.report({ message: vscode.l10n.t('Looking up {0} keys', new Set(leaks.flatMap((l) => l.finding.accessKeyId ?? l.finding.pairedAccessKeyId ?? [])).size) });
  const [{ judged, answers }, inHead] = await Promise.all([
    judgeFindings(leaks.map((l) => l.finding), deps.lookup, new Date()),
    stillInHead(output.root, leaks).catch((error: unknown) => {
      if (isAbortError(error)) throw error;
      return new Set<HistoryLeak>(); // the findings stand without it
    }),
  ]);
  const findings = judged.map((j, i) => historyFinding(leaks[i] as HistoryLeak, j, inHead.has(leaks[i] as HistoryLeak)));
  await showLeakResults({
    title: vscode.l10n.t('history of {0}', output.root.split(/[\\/]/).pop() ?? output.root),
    deactivate: deactivateArguments(answers),
    results: findings.map((f, i) => {
      const leak = leaks[i] as HistoryLeak;
      return {
        ...(f.accessKeyId ? { accessKeyId: f.accessKeyId } : {}),
        severity: f.severity,
        message: f.message,
        label: `${f.commit.slice(0, 7)} ${f.path}:${f.line}`,
        description: `${f.author}, ${f.date.slice(0, 10)}${f.stillInHead ? vscode.l10n.t(' · still in HEAD') : ''}`,
        location: { kind: 'commit', uri: commitFileUri(output.root, f.commit, f.path), line: f.line, column: leak.column },
      };
    }),
  });
  return { commits: output.commits, findings, truncated: output.truncated, cancelled: output.cancelled };
}
