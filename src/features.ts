// What activation does not need, bundled as dist/features.js and required on first use through
// src/featuresLoader.ts: every command's body (write actions, export, health report, workspace
// scan, organization-wide lists...), the hover and the leaked-key diagnostics, the recovery of
// interrupted rotations, and csv-parse for the credential report. src/lazyFeatures.ts holds the
// thin wrappers activation registers in their place.
import type * as vscode from 'vscode';
import { registerLeakDiagnostics } from './diagnostics/registerDiagnostics';
import { StagedLeakWatcher } from './diagnostics/stagedLeakWatcher';
import { type HoverWiring, registerAccessKeyHover } from './hover/registerHover';
import type { KeyLookup } from './hover/keyLookup';

export { runCommand } from './commands/registerCommands';
export { recoverInterruptedRotations } from './commands/rotateAccessKey';
/** core/credentialReport.ts requires 'csv-parse/sync' lazily; in the bundle that require is this module. */
export { parse } from 'csv-parse/sync';

export interface EditorFeatures {
  /** The hover's key lookup (cache and per-minute cap), shared by the diagnostics and commands. */
  readonly lookup: KeyLookup;
  readonly disposables: vscode.Disposable[];
  /** Drops what the hover and the diagnostics knew about a key that changed; open files holding it are judged again. */
  forget(accessKeyId: string): void;
}

/** The hover provider, the key markers and the leaked-key diagnostics, registered now. */
export function registerEditorFeatures(deps: HoverWiring): EditorFeatures {
  const hover = registerAccessKeyHover(deps);
  const leaks = registerLeakDiagnostics({ lookup: hover.lookup, settings: deps.settings, log: deps.log });
  const staged = new StagedLeakWatcher({ lookup: hover.lookup, settings: deps.settings, log: deps.log });
  const forget = (accessKeyId: string): void => {
    hover.lookup.forget(accessKeyId);
    leaks.diagnostics.forgetKey(accessKeyId);
  };
  return { lookup: hover.lookup, disposables: [...hover.disposables, ...leaks.disposables, staged], forget };
}
