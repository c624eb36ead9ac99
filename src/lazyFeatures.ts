// The thin stand-ins activation registers for what lives in dist/features.js (src/features/):
// each command is registered now and requires the feature module on its first run; the hover,
// key markers and leaked-key diagnostics are set up when a text document is first open (at
// once after activation when documents are already open); the recovery of interrupted
// rotations loads it only when the journal holds a rotation. The tree view needs none of it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RotationOutcome } from './aws/rotateAccessKey';
import { type CommandId, CommandIds } from './commands/commandIds';
import type { CommandDeps } from './commands/deps';
import { JOURNAL_FILE_PATTERN } from './core/journalFileName';
import type { EditorFeatures } from './features/index';
import { loadFeatures } from './featuresLoader';
import type { HoverWiring } from './features/hover/registerHover';

/** Every command of commandIds.ts, each loading the feature module when first run. */
export function registerLazyCommands(deps: CommandDeps): vscode.Disposable[] {
  return (Object.values(CommandIds) as CommandId[]).map((id) =>
    vscode.commands.registerCommand(id, (arg: unknown, extra: unknown) => loadFeatures().runCommand(id, arg, deps, extra)),
  );
}

/** The hover, key markers and diagnostics, created on first need and disposed with the extension. */
export class LazyEditorFeatures implements vscode.Disposable {
  private features: EditorFeatures | undefined;
  private disposed = false;
  private readonly triggers: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: HoverWiring) {
    this.triggers = [
      vscode.workspace.onDidOpenTextDocument(() => this.get()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.get()),
    ];
    // Documents open already (restored editors): set up right after activation, not during it.
    if (vscode.workspace.textDocuments.length > 0) this.timer = setTimeout(() => this.get(), 0);
  }

  /** Whether the feature module's editor part is set up. */
  get loaded(): boolean {
    return this.features !== undefined;
  }

  /** The editor features, set up now if they were not. */
  get(): EditorFeatures | undefined {
    if (this.disposed) return undefined;
    if (!this.features) {
      this.features = loadFeatures().registerEditorFeatures(this.deps);
      this.stopTriggers();
    }
    return this.features;
  }

  /** The hover's key lookup, for commands (the workspace scan) and the diagnostics. */
  readonly lookup: CommandDeps['lookup'] = {
    lookup: (accessKeyId, signal) => {
      const features = this.get();
      return features ? features.lookup.lookup(accessKeyId, signal) : Promise.reject(new Error('the extension was deactivated'));
    },
  };

  /** Drops the hover's and the diagnostics' answers about a key that changed (nothing to drop before they exist). */
  readonly forget = (accessKeyId: string): void => this.features?.forget(accessKeyId);

  private stopTriggers(): void {
    clearTimeout(this.timer);
    for (const trigger of this.triggers.splice(0)) trigger.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.stopTriggers();
    for (const disposable of this.features?.disposables ?? []) disposable.dispose();
  }
}

/** Finishes or undoes a rotation the last session left half done; loads nothing when there is none. */
export async function recoverInterruptedRotations(deps: Parameters<ReturnType<typeof loadFeatures>['recoverInterruptedRotations']>[0]): Promise<readonly RotationOutcome[]> {
  if (!journalHasRecords(deps.journalDir)) return [];
  return loadFeatures().recoverInterruptedRotations(deps);
}

/**
 * Whether the journal folder holds a rotation record. Synchronous on purpose: a stat and the
 * listing of a small folder cost microseconds, where the first asynchronous fs call of a fresh
 * Node process starts libuv's thread pool (milliseconds) during activation.
 */
function journalHasRecords(dir: string): boolean {
  try {
    return fs.existsSync(dir) && fs.readdirSync(dir).some((name) => JOURNAL_FILE_PATTERN.test(name));
  } catch {
    return false;
  }
}
