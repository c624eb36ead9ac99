// Hover over an access key ID (or another IAM unique ID) in any document. Answers at once when
// the key is loaded in the explorer or cached; otherwise waits a little for AWS and, if the
// answer is slow, says it is looking up: the lookup goes on, and the next hover shows it.
import * as vscode from 'vscode';
import type { IamKeysSettings } from '../../config';
import { idAt, isAccessKeyKind, isDocumentationExampleKey } from '../../core/accessKeyIds';
import { isAbortError } from '../../core/concurrency';
import type { Log } from '../../log';
import { exampleKeyMarkdown, HOVER_COMMANDS, keyInfoMarkdown, lookingUpMarkdown, otherIdMarkdown, type Translate } from './hoverText';
import type { LookupResult } from './keyInfo';

/** How long a hover waits for AWS before showing "looking up…" instead. */
export const LOOKUP_WAIT_MS = 1500;

export interface AccessKeyHoverDeps {
  readonly lookup: { lookup(accessKeyId: string, signal?: AbortSignal): Promise<LookupResult> };
  settings(): IamKeysSettings;
  now(): Date;
  readonly log?: Log;
  /** Defaults to LOOKUP_WAIT_MS. */
  readonly waitMs?: number;
}

const translate: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export class AccessKeyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: AccessKeyHoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.deps.settings();
    if (!settings.hover.enabled) return undefined; // read per hover, so a settings change applies at once
    const hit = idAt(document.lineAt(position.line).text, position.character);
    if (!hit) return undefined;
    const range = new vscode.Range(position.line, hit.start, position.line, hit.end);
    const ctx = { now: this.deps.now(), rotationWarningDays: settings.rotationWarningDays, unusedWarningDays: settings.unusedWarningDays, t: translate };
    if (!isAccessKeyKind(hit.kind)) return toHover(otherIdMarkdown(hit.id, hit.kind, ctx), range);
    if (isDocumentationExampleKey(hit.id)) return toHover(exampleKeyMarkdown(hit.id, ctx), range);

    const answer = await this.answerWithin(hit.id, token);
    if (answer === 'cancelled' || token.isCancellationRequested) return undefined;
    if (answer === 'pending') return toHover(lookingUpMarkdown(hit.id, ctx), range);
    this.deps.log?.trace(`hover ${hit.id}: ${answer.info.kind} from ${answer.source}`);
    return toHover(keyInfoMarkdown(answer.info, ctx), range);
  }

  /** The lookup's answer, 'pending' if it takes longer than the wait, 'cancelled' if the hover went away. */
  private async answerWithin(accessKeyId: string, token: vscode.CancellationToken): Promise<LookupResult | 'pending' | 'cancelled'> {
    const controller = new AbortController();
    const onCancel = token.onCancellationRequested(() => controller.abort());
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = this.deps.lookup.lookup(accessKeyId, controller.signal);
      answer.catch(() => undefined); // once we stop waiting, its AbortError is nobody's concern
      const waited = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), this.deps.waitMs ?? LOOKUP_WAIT_MS)));
      return await Promise.race([answer, waited]);
    } catch (error) {
      if (isAbortError(error)) return 'cancelled';
      throw error;
    } finally {
      clearTimeout(timer);
      onCancel.dispose();
      // Stop waiting; a shared request carries on and fills the cache.
      controller.abort();
    }
  }
}

function toHover(markdown: string, range: vscode.Range): vscode.Hover {
  const contents = new vscode.MarkdownString(markdown, true);
  contents.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return new vscode.Hover(contents, range);
}
