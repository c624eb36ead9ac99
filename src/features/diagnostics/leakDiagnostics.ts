// Leaked credentials in open documents, in the Problems view (iamKeys.diagnostics.enabled, on
// by default). Each access key ID is judged by the hover's own lookup — explorer index, cache,
// the ID itself, then AWS within iamKeys.hover.maxLookupsPerMinute — so a file full of IDs
// can't throttle the account; IDs over the cap are reported from what the ID says and looked
// up again once the budget allows. Lookups that a change of connections or budget calls for
// are made for documents on screen; hidden ones are judged again when shown. Secrets are
// reported by position, never by value.
import * as vscode from 'vscode';
import { CONNECTION_KEYS, DEFAULT_DIAGNOSTICS, type Settings } from '../../config';
import { isAbortError } from '../../core/concurrency';
import { scanForLeaksAsync, type LeakFinding } from '../../core/leakScanner';
import type { LookupResult } from '../hover/keyInfo';
import type { Log } from '../../log';
import { accessKeyVerdict, secretVerdict, type LeakSeverity, type LeakVerdict, type Translate } from './leakVerdict';

export const LEAK_SOURCE = 'IAM Access Keys';
export const LEAK_CODES = { accessKeyId: 'leaked-access-key-id', secretAccessKey: 'leaked-secret-access-key' } as const;

/** Documents longer than this are left to the workspace scan. */
const MAX_DOCUMENT_CHARS = 5_000_000;
const RESCAN_DELAY_MS = 300;
/** Where the Problems view makes sense (not output channels, not our own JSON views). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);

export const SEVERITIES: Readonly<Record<LeakSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export interface LeakLookup {
  lookup(accessKeyId: string, signal?: AbortSignal): Promise<LookupResult>;
}

export const translate: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** A finding with its verdict: what the diagnostics and the workspace scan report. */
export interface JudgedFinding {
  readonly finding: LeakFinding;
  readonly verdict: LeakVerdict;
}

export type KeyAnswer = LookupResult['info'] | undefined;

/**
 * Judges findings: one lookup per distinct key ID not in `known` (answers an earlier pass got).
 * `retryInMs` is set when the per-minute cap left some IDs unlooked-up; `answers` holds every
 * ID's answer.
 */
export async function judgeFindings(
  findings: readonly LeakFinding[],
  lookup: LeakLookup,
  now: Date,
  known: ReadonlyMap<string, KeyAnswer> = new Map(),
): Promise<{ judged: JudgedFinding[]; retryInMs?: number; answers: ReadonlyMap<string, KeyAnswer> }> {
  const ids = [...new Set(findings.flatMap((f) => f.accessKeyId ?? f.pairedAccessKeyId ?? []))];
  const answers = new Map<string, KeyAnswer>();
  await Promise.all(
    ids.map(async (id) => {
      answers.set(id, known.has(id) ? known.get(id) : await lookup.lookup(id).then((r) => r.info, () => undefined));
    }),
  );
  let retryInMs: number | undefined;
  for (const info of answers.values()) {
    if (info?.kind === 'limit-reached') retryInMs = Math.min(retryInMs ?? Infinity, info.retryInMs);
  }
  const keyVerdict = (id: string): LeakVerdict => accessKeyVerdict(id, answers.get(id), now, translate);
  const judged = findings.map((finding) => ({
    finding,
    verdict: finding.accessKeyId
      ? keyVerdict(finding.accessKeyId)
      : secretVerdict(finding.name, translate, finding.pairedAccessKeyId ? { accessKeyId: finding.pairedAccessKeyId, verdict: keyVerdict(finding.pairedAccessKeyId) } : undefined),
  }));
  return { judged, retryInMs, answers };
}

export interface LeakDiagnosticsDeps {
  readonly lookup: LeakLookup;
  readonly settings: Settings;
  readonly log: Log;
  now?(): Date;
}

export class LeakDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('iamKeys.leaks');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped per document on every scan: a slower, older scan must not overwrite a newer one. */
  private readonly generations = new Map<string, number>();
  /** Hidden documents whose verdicts may be out of date: judged again once shown. */
  private readonly stale = new Set<string>();
  /** The scan running per document: aborted when the document changes again or closes. */
  private readonly scans = new Map<string, AbortController>();
  /**
   * Answers per document for its current version: a document nobody edits is not looked up
   * again (not when cached answers expire, not when a budget retry comes for the IDs left).
   */
  private readonly answered = new Map<string, { version: number; answers: Map<string, KeyAnswer> }>();
  /** Per document, each secret's range and the key ID it pairs with (the quick fixes deactivate that key). */
  private readonly pairedKeys = new Map<string, Array<{ range: vscode.Range; accessKeyId: string }>>();
  private disposed = false;

  constructor(private readonly deps: LeakDiagnosticsDeps) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, RESCAN_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) if (this.stale.delete(document.uri.toString())) this.schedule(document, 0);
      }),
      deps.settings.onDidChange((affects) => {
        // What is reported changed: every open document (answers mostly come from the cache).
        if (affects('diagnostics')) this.rescanAll();
        // Other accounts or a new budget: new lookups, so only for what is on screen now.
        else if (affects('hover.maxLookupsPerMinute') || CONNECTION_KEYS.some(affects)) {
          // Other accounts: earlier answers may no longer hold.
          if (CONNECTION_KEYS.some(affects)) this.answered.clear();
          this.rescanVisible();
        }
      }),
    );
    this.rescanAll();
  }

  /**
   * A key changed (rotated, deactivated, deleted): documents whose answers named it are judged
   * again — on screen now, hidden ones once shown — though their text did not change.
   */
  forgetKey(accessKeyId: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      const memo = this.answered.get(doc.uri.toString());
      if (!memo?.answers.delete(accessKeyId)) continue;
      this.rescanWhenVisible(doc, 0);
    }
  }

  /** The access key ID paired with the secret reported at `range`, if the scan paired one. */
  pairedKeyAt(uri: vscode.Uri, range: vscode.Range): string | undefined {
    return this.pairedKeys.get(uri.toString())?.find((p) => p.range.isEqual(range))?.accessKeyId;
  }

  /** Scans every open document again. */
  rescanAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Scans visible documents again; hidden ones wait until shown. */
  private rescanVisible(): void {
    for (const doc of vscode.workspace.textDocuments) this.rescanWhenVisible(doc, 0);
  }

  private rescanWhenVisible(document: vscode.TextDocument, delayMs: number): void {
    if (vscode.window.visibleTextEditors.some((e) => e.document === document)) this.schedule(document, delayMs);
    else this.stale.add(document.uri.toString());
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (this.disposed || !SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.scans.get(key)?.abort();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document).catch((error: unknown) => this.deps.log.warn(`leak diagnostics: ${error instanceof Error ? error.message : String(error)}`));
      }, delayMs),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const timer of [key, `${key}#retry`]) {
      clearTimeout(this.timers.get(timer));
      this.timers.delete(timer);
    }
    this.scans.get(key)?.abort();
    this.scans.delete(key);
    this.pairedKeys.delete(key);
    this.answered.delete(key);
    this.generations.delete(key);
    this.stale.delete(key);
    this.collection.delete(uri);
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const settings = this.deps.settings.current.diagnostics ?? DEFAULT_DIAGNOSTICS;
    if (!settings.enabled || document.isClosed) return this.collection.delete(document.uri);
    const text = document.getText();
    if (text.length > MAX_DOCUMENT_CHARS) return this.collection.delete(document.uri);
    const ignored = new Set(settings.ignore);
    const version = document.version;
    const scan = new AbortController();
    this.scans.get(key)?.abort();
    this.scans.set(key, scan);
    let found: LeakFinding[];
    try {
      found = await scanForLeaksAsync(text, { signal: scan.signal });
    } catch (error) {
      if (isAbortError(error)) return; // the document changed or closed: its next scan reports
      throw error;
    } finally {
      if (this.scans.get(key) === scan) this.scans.delete(key);
    }
    const findings = found.filter((f) => !f.accessKeyId || !ignored.has(f.accessKeyId));
    const loneCarriageReturn = /\r(?!\n)/.test(text);
    const memo = this.answered.get(key)?.version === version ? this.answered.get(key) : undefined;
    const { judged, retryInMs, answers } = await judgeFindings(findings, this.deps.lookup, this.deps.now?.() ?? new Date(), memo?.answers);
    if (this.disposed || this.generations.get(key) !== generation || document.isClosed) return;
    // Remember the answers for this version; an ID the cap left waiting is asked on the retry.
    const kept = new Map([...answers].filter(([, info]) => info?.kind !== 'limit-reached'));
    this.answered.set(key, { version, answers: kept });
    const diagnostics = judged.map((j) => toDiagnostic(j, loneCarriageReturn ? document : undefined));
    this.collection.set(document.uri, diagnostics);
    this.pairedKeys.set(
      key,
      judged.flatMap((j, i) => (j.finding.pairedAccessKeyId ? [{ range: diagnostics[i]!.range, accessKeyId: j.finding.pairedAccessKeyId }] : [])),
    );
    // Some IDs waited for the per-minute budget: look again once it has room (if still on screen).
    if (retryInMs !== undefined) {
      clearTimeout(this.timers.get(`${key}#retry`));
      const timer = setTimeout(() => {
        this.timers.delete(`${key}#retry`);
        this.rescanWhenVisible(document, 0);
      }, retryInMs + 100);
      this.timers.set(`${key}#retry`, timer);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const scan of this.scans.values()) scan.abort();
    vscode.Disposable.from(...this.subscriptions, this.collection).dispose();
  }
}

/** `byOffset`: a document with CR-only line breaks, whose lines the scanner (counting LF) doesn't number as the editor does. */
function toDiagnostic({ finding, verdict }: JudgedFinding, byOffset?: vscode.TextDocument): vscode.Diagnostic {
  // Else the finding's own line and column (a value is on one line): no offset search per finding.
  const range = byOffset
    ? new vscode.Range(byOffset.positionAt(finding.start), byOffset.positionAt(finding.end))
    : new vscode.Range(finding.line, finding.column, finding.line, finding.column + finding.end - finding.start);
  const diagnostic = new vscode.Diagnostic(range, verdict.message, SEVERITIES[verdict.severity]);
  diagnostic.source = LEAK_SOURCE;
  diagnostic.code = finding.kind === 'access-key-id' ? LEAK_CODES.accessKeyId : LEAK_CODES.secretAccessKey;
  return diagnostic;
}
