// iamKeys.scanStaged { repository? }: leaked credentials on the lines the staged changes add
// (`git diff --cached -U0`, spawned without a shell), graded like the diagnostics: one lookup
// per distinct key ID within the hover's per-minute cap. Lines are 1-based in the staged version.
import * as vscode from 'vscode';
import { DEFAULT_DIAGNOSTICS } from '../../config';
import { GitError, runGit } from '../../core/gitRun';
import { STAGED_DIFF_ARGS, stagedLeaksAsync } from '../../core/stagedDiff';
import type { CommandDeps } from '../../commands/deps';
import { repositoryRoot } from './gitRepository';
import { judgeFindings, type LeakLookup } from './leakDiagnostics';
import { stagedFinding, type StagedFinding } from './gradedFinding';

export type { StagedFinding } from './gradedFinding';

export interface ScanStagedResult {
  /** The repository's root folder. */
  readonly repository: string;
  readonly findings: StagedFinding[];
}

export async function scanStaged(arg: unknown, deps: CommandDeps): Promise<ScanStagedResult | undefined> {
  const repo = await repositoryRoot(arg);
  if ('problem' in repo) {
    void vscode.window.showErrorMessage(repo.problem);
    return undefined;
  }
  try {
    const result = await stagedFindings(repo.root, deps.lookup, (deps.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS).ignore);
    deps.log.info(`scanStaged: ${result.findings.length} findings`);
    const where = result.findings.map((f) => `${f.path}:${f.line}`).join(', ');
    void (result.findings.length > 0
      ? vscode.window.showWarningMessage(vscode.l10n.t('The staged changes add {0} AWS credentials ({1}): committing would leak them.', result.findings.length, where.length > 200 ? `${where.slice(0, 200)}…` : where))
      : vscode.window.showInformationMessage(vscode.l10n.t('The staged changes add no AWS credentials.')));
    return result;
  } catch (error) {
    deps.log.warn(`scanStaged: ${error instanceof GitError ? `${error.message} ${error.detail}` : String(error)}`);
    void vscode.window.showErrorMessage(error instanceof GitError ? error.message : vscode.l10n.t('The staged changes could not be read.'));
    return undefined;
  }
}

/** The graded findings of the staged changes in the repository at `root`. */
export async function stagedFindings(root: string, lookup: LeakLookup, ignore: readonly string[], signal?: AbortSignal): Promise<ScanStagedResult> {
  const diff = await runGit(root, STAGED_DIFF_ARGS, { signal });
  const ignored = new Set(ignore);
  const leaks = (await stagedLeaksAsync(diff, signal)).filter((l) => !l.finding.accessKeyId || !ignored.has(l.finding.accessKeyId));
  const { judged } = await judgeFindings(leaks.map((l) => l.finding), lookup, new Date());
  const findings = judged.map((j, i) => stagedFinding(leaks[i] as (typeof leaks)[number], j));
  return { repository: root, findings };
}
