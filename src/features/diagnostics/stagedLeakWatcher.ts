// Staged changes that add a key ID or secret, flagged before the commit: whenever the built-in
// Git extension reports a repository's state changed, the staged diff is checked again (see
// scanStaged.ts); findings become Problems on the file, at their line in the staged version
// ("Staged: …", their own collection, apart from the open-document diagnostics), and a warning
// notification names them once per new set of findings. The git extension's commit box takes
// no validation from another extension, so the notification is what the Source Control user sees.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_DIAGNOSTICS, type Settings } from '../../config';
import { isAbortError } from '../../core/concurrency';
import type { Log } from '../../log';
import { type GitApi, type GitApiRepository, gitExtension } from './gitRepository';
import { SEVERITIES, type LeakLookup } from './leakDiagnostics';
import { stagedFindings, type StagedFinding } from './scanStaged';

const RESCAN_DELAY_MS = 500;

export interface StagedLeakWatcherDeps {
  readonly lookup: LeakLookup;
  readonly settings: Settings;
  readonly log: Log;
}

export class StagedLeakWatcher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('iamKeys.stagedLeaks');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly scans = new Map<string, AbortController>();
  /** Per repository: the files it flagged, and what it last warned about. */
  private readonly flagged = new Map<string, { uris: vscode.Uri[]; warned: string }>();
  private disposed = false;

  constructor(private readonly deps: StagedLeakWatcherDeps) {
    void this.start().catch((error: unknown) => deps.log.warn(`staged changes: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async start(): Promise<void> {
    const git = await gitExtension();
    if (!git || this.disposed) return;
    if (git.enabled) return this.attach(git.getAPI(1));
    // git.enabled off: start once it is turned on.
    const listener = git.onDidChangeEnablement((enabled) => {
      if (!enabled || this.disposed) return;
      listener.dispose();
      this.attach(git.getAPI(1));
    });
    this.subscriptions.push(listener);
  }

  private attach(api: GitApi): void {
    const watch = (repository: GitApiRepository): void => {
      if (repository.rootUri.scheme !== 'file') return;
      this.subscriptions.push(repository.state.onDidChange(() => this.schedule(repository.rootUri.fsPath)));
      this.schedule(repository.rootUri.fsPath);
    };
    this.deps.log.info(`staged changes: watching ${api.repositories.length} repositories, and those opened later`);
    api.repositories.forEach(watch);
    this.subscriptions.push(api.onDidOpenRepository(watch));
  }

  private schedule(root: string): void {
    if (this.disposed) return;
    clearTimeout(this.timers.get(root));
    this.timers.set(
      root,
      setTimeout(() => {
        this.timers.delete(root);
        this.check(root).catch((error: unknown) => {
          if (!isAbortError(error)) this.deps.log.warn(`staged changes: ${error instanceof Error ? error.message : String(error)}`);
        });
      }, RESCAN_DELAY_MS),
    );
  }

  private async check(root: string): Promise<void> {
    this.scans.get(root)?.abort();
    const scan = new AbortController();
    this.scans.set(root, scan);
    const settings = this.deps.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS;
    const { findings } = settings.enabled ? await stagedFindings(root, this.deps.lookup, settings.ignore, scan.signal) : { findings: [] };
    if (this.disposed || scan.signal.aborted) return;
    if (findings.length > 0 || this.flagged.get(root)?.uris.length) this.deps.log.info(`staged changes: ${findings.length} findings`);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const finding of findings) {
      const diagnostics = byFile.get(finding.path) ?? [];
      diagnostics.push(toDiagnostic(finding));
      byFile.set(finding.path, diagnostics);
    }
    const before = this.flagged.get(root);
    for (const uri of before?.uris ?? []) this.collection.delete(uri);
    const uris = [...byFile].map(([file, diagnostics]) => {
      const uri = vscode.Uri.file(path.join(root, file));
      this.collection.set(uri, diagnostics);
      return uri;
    });
    const summary = findings.map((f) => `${f.path}:${f.line}`).join(', ');
    this.flagged.set(root, { uris, warned: summary });
    if (findings.length > 0 && summary !== before?.warned) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The staged changes add {0} AWS credentials ({1}): committing would leak them.', findings.length, truncate(summary)),
        vscode.l10n.t('Show Problems'),
      ).then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const scan of this.scans.values()) scan.abort();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(finding: StagedFinding): vscode.Diagnostic {
  const at = new vscode.Position(finding.line - 1, finding.column - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, finding.kind === 'access-key-id' ? 20 : 40)), vscode.l10n.t('Staged: {0}', finding.message), SEVERITIES[finding.severity]);
  diagnostic.source = 'IAM Access Keys';
  diagnostic.code = 'staged-leak';
  return diagnostic;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
