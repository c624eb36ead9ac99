// iamKeys.scanWorkspace { include?, exclude?, maxFiles?, maxFileBytes? }: leaked credentials in
// the workspace's files, judged like the diagnostics (one lookup per distinct key ID, within
// the hover's per-minute cap), with progress and cancel. Honours files.exclude, search.exclude
// and .gitignore; skips binary files and files over the size cap; unsaved editors count as
// they are on screen. Each file is scanned in slices that give the event loop back. Lines and
// columns in the answer are 1-based, as editors show them.
import * as vscode from 'vscode';
import { DEFAULT_DIAGNOSTICS } from '../../config';
import { isAbortError } from '../../core/concurrency';
import { scanForLeaksAsync, type LeakFinding } from '../../core/leakScanner';
import type { CommandDeps } from '../../commands/deps';
import { scanFinding, type ScanFinding } from './gradedFinding';
import { judgeFindings } from './leakDiagnostics';
import { withoutGitIgnored, workspaceExcludeGlob } from './workspaceExcludes';
import { workspaceResultSet } from './workspaceResults';
import { showLeakResults } from './leakResultsView';

export interface ScanWorkspaceArgs {
  readonly include?: string;
  readonly exclude?: string;
  /** Most files looked at (default 20,000). */
  readonly maxFiles?: number;
  /** Larger files are skipped (default 2 MB). */
  readonly maxFileBytes?: number;
}

export type { ScanFinding } from './gradedFinding';

export interface ScanWorkspaceResult {
  /** Files read and scanned. */
  readonly files: number;
  readonly findings: ScanFinding[];
  readonly skipped: { readonly tooLarge: number; readonly binary: number; readonly unreadable: number };
  /** Files matched beyond maxFiles were not looked at. */
  readonly truncated: boolean;
  readonly cancelled: boolean;
}

const DEFAULT_MAX_FILES = 20_000;
const DEFAULT_MAX_FILE_BYTES = 2_000_000;
const READ_CONCURRENCY = 8;

export async function scanWorkspace(arg: unknown, deps: CommandDeps): Promise<ScanWorkspaceResult | undefined> {
  const args = parseArgs(arg);
  if (typeof args === 'string') {
    void vscode.window.showErrorMessage(args);
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning the workspace for leaked access keys'), cancellable: true },
    (progress, token) => scan(args, deps, progress, token),
  );
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  deps.log.info(`scanWorkspace: ${result.files} files, ${result.findings.length} findings (${errors} errors)${result.cancelled ? ', cancelled' : ''}`);
  const summary = vscode.l10n.t('Scanned {0} files: {1} leaked credentials, {2} of them errors{3}.', result.files, result.findings.length, errors, result.cancelled ? vscode.l10n.t(' (cancelled)') : '');
  void (errors > 0 ? vscode.window.showWarningMessage(summary) : vscode.window.showInformationMessage(summary));
  return result;
}

function parseArgs(arg: unknown): Required<Omit<ScanWorkspaceArgs, 'exclude'>> & { exclude?: string } | string {
  const a = (arg ?? {}) as Record<string, unknown>;
  if (typeof a !== 'object' || Array.isArray(a)) return vscode.l10n.t('scanWorkspace takes {0}.', '{ include?, exclude?, maxFiles?, maxFileBytes? }');
  for (const name of ['include', 'exclude'] as const) {
    if (a[name] !== undefined && (typeof a[name] !== 'string' || a[name] === '')) return vscode.l10n.t('{0} must be a glob pattern, such as "**/*.json".', name);
  }
  for (const name of ['maxFiles', 'maxFileBytes'] as const) {
    if (a[name] !== undefined && !(Number.isInteger(a[name]) && (a[name] as number) > 0)) return vscode.l10n.t('{0} must be a whole number above 0.', name);
  }
  return {
    include: (a.include as string | undefined) ?? '**/*',
    exclude: a.exclude as string | undefined,
    maxFiles: (a.maxFiles as number | undefined) ?? DEFAULT_MAX_FILES,
    maxFileBytes: (a.maxFileBytes as number | undefined) ?? DEFAULT_MAX_FILE_BYTES,
  };
}

async function scan(
  args: Exclude<ReturnType<typeof parseArgs>, string>,
  deps: CommandDeps,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ScanWorkspaceResult> {
  const exclude = await workspaceExcludeGlob(args.exclude);
  // One more than the cap tells whether there were more.
  const listed = await vscode.workspace.findFiles(args.include, exclude, args.maxFiles + 1, token);
  const truncated = listed.length > args.maxFiles;
  const uris = await withoutGitIgnored(listed, token);
  const files = uris.slice(0, args.maxFiles);
  const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
  const ignored = new Set((deps.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS).ignore);
  const skipped = { tooLarge: 0, binary: 0, unreadable: 0 };
  const found: Array<{ uri: vscode.Uri; finding: LeakFinding }> = [];
  let scanned = 0;
  let next = 0;
  const step = 100 / Math.max(1, files.length);
  // Cancel stops a file's scan between slices, too.
  const stop = new AbortController();
  const onCancel = token.onCancellationRequested(() => stop.abort());

  const worker = async (): Promise<void> => {
    while (next < files.length && !token.isCancellationRequested) {
      const uri = files[next++] as vscode.Uri;
      const text = await readText(uri, open, args.maxFileBytes, skipped);
      progress.report({ increment: step, message: vscode.l10n.t('{0} of {1} files', next, files.length) });
      if (text === undefined) continue;
      let findings: LeakFinding[];
      try {
        findings = await scanForLeaksAsync(text, { signal: stop.signal });
      } catch (error) {
        if (isAbortError(error)) break;
        throw error;
      }
      scanned++;
      for (const finding of findings) {
        if (!finding.accessKeyId || !ignored.has(finding.accessKeyId)) found.push({ uri, finding });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  } finally {
    onCancel.dispose();
  }
  const cancelled = token.isCancellationRequested;

  const { judged, answers } = await judgeFindings(found.map((f) => f.finding), deps.lookup, new Date());
  const findings = judged.map((j, i) => scanFinding((found[i] as { uri: vscode.Uri }).uri.toString(), j));
  findings.sort((a, b) => (a.uri === b.uri ? a.line - b.line || a.column - b.column : a.uri < b.uri ? -1 : 1));
  await showLeakResults(workspaceResultSet(findings, answers));
  return { files: scanned, findings, skipped, truncated, cancelled };
}

/** The file's text, or undefined (counted in `skipped`) when too large, binary or unreadable. */
async function readText(uri: vscode.Uri, open: ReadonlyMap<string, vscode.TextDocument>, maxBytes: number, skipped: { tooLarge: number; binary: number; unreadable: number }): Promise<string | undefined> {
  const doc = open.get(uri.toString());
  if (doc) return doc.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) {
      skipped.tooLarge++;
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8000).includes(0)) {
      skipped.binary++;
      return undefined;
    }
    return new TextDecoder().decode(bytes);
  } catch {
    skipped.unreadable++;
    return undefined;
  }
}
