// The entry of dist/features.js, what activation does not need, required on first use through
// src/featuresLoader.ts: every command's body (write actions, export, health report, workspace
// scan, organization-wide lists...), the hover and the leaked-key diagnostics, the recovery of
// interrupted rotations. src/lazyFeatures.ts holds the thin wrappers activation registers in
// their place. What it takes from activation is handed to featuresWith() (featuresHost.ts).
import * as vscode from 'vscode';
import { setDisplayLanguage } from '../core/displayLanguage';
import { setDisplayTranslator } from '../core/translate';
import { registerLeakDiagnostics } from './diagnostics/registerDiagnostics';
import { StagedLeakWatcher } from './diagnostics/stagedLeakWatcher';
import { type HoverWiring, registerAccessKeyHover } from './hover/registerHover';
import type { KeyLookup } from './hover/keyLookup';

import { runCommand } from './commands/registerCommands';
import { recoverInterruptedRotations } from './commands/rotateAccessKey';
import type { FeaturesHost } from './featuresHost';
import { receiveHost } from './host';

/** The feature side, given what it takes from activation; called once, by src/featuresLoader.ts. */
export function featuresWith(host: FeaturesHost) {
  receiveHost(host);
  // This bundle's copy of the display environment, set from the editor as activation set its own
  // (src/extension.ts): both are read-only from here on.
  setDisplayTranslator(vscode.l10n.t);
  setDisplayLanguage(vscode.env.language);
  return { runCommand, recoverInterruptedRotations, registerEditorFeatures };
}

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
