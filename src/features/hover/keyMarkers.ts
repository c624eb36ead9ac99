// Optional (iamKeys.decorations.enabled, off by default): marks access key IDs in visible
// editors with a dotted underline, and adds an Information diagnostic in files, since a key ID
// in a file is often half of a leaked credential. An ID the leak diagnostics report
// (iamKeys.diagnostics.enabled) has its entry in Problems there, so it gets none here; nor
// does an ID in iamKeys.diagnostics.ignore. The underline stays on both.
import * as vscode from 'vscode';
import { DEFAULT_DIAGNOSTICS, type Settings } from '../../config';
import { findAccessKeyIds, isAccessKeyKind } from '../../core/accessKeyIds';
import { scanForLeaks } from '../../core/leakScanner';

/** Documents longer than this are not scanned: markers are a hint, not a scanner. */
const MAX_SCANNED_CHARS = 5_000_000;
const RESCAN_DELAY_MS = 300;
/** Diagnostics only where the Problems view makes sense. */
const DIAGNOSTIC_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export class KeyMarkers implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('iamKeys.accessKeyIds');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private enabled = false;

  constructor(private readonly settings: Settings) {
    this.subscriptions.push(
      settings.onDidChange((affects) => (affects('decorations.enabled') || affects('diagnostics')) && this.applySetting()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.enabled && this.markVisible()),
      vscode.workspace.onDidChangeTextDocument((e) => this.enabled && this.scheduleRescan(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.diagnostics.delete(doc.uri)),
    );
    this.applySetting();
  }

  private applySetting(): void {
    this.enabled = this.settings.current.decorations;
    if (this.enabled) return this.markVisible();
    this.diagnostics.clear();
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.decoration, []);
  }

  private markVisible(): void {
    const done = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (!done.has(key)) this.mark(editor.document);
      done.add(key);
    }
  }

  private scheduleRescan(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (this.enabled) this.mark(document);
    }, RESCAN_DELAY_MS));
  }

  private mark(document: vscode.TextDocument): void {
    const text = document.getText();
    const ids = text.length > MAX_SCANNED_CHARS ? [] : findAccessKeyIds(text).filter((id) => isAccessKeyKind(id.kind));
    const ranges = ids.map((id) => new vscode.Range(document.positionAt(id.start), document.positionAt(id.end)));
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) editor.setDecorations(this.decoration, ranges);
    }
    if (!DIAGNOSTIC_SCHEMES.has(document.uri.scheme)) return;
    const notHere = this.reportedElsewhere(text);
    const listed = ids.flatMap((id, i) => (notHere.has(id.id) ? [] : [ranges[i] as vscode.Range]));
    this.diagnostics.set(document.uri, listed.map((range) => {
      const d = new vscode.Diagnostic(range, vscode.l10n.t('Access key ID in a file: it is often half of a leaked credential'), vscode.DiagnosticSeverity.Information);
      d.source = vscode.l10n.t('IAM Access Keys');
      d.code = 'access-key-id';
      return d;
    }));
  }

  /** IDs with an entry in Problems already (the leak diagnostics) or never to have one (ignored). */
  private reportedElsewhere(text: string): ReadonlySet<string> {
    const settings = this.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS;
    const ids = new Set(settings.ignore);
    if (settings.enabled) for (const finding of scanForLeaks(text)) if (finding.accessKeyId) ids.add(finding.accessKeyId);
    return ids;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions, this.decoration, this.diagnostics).dispose();
  }
}
