// The live iamKeys.* settings: the current values (config.ts reads and checks them) and which
// keys a change touched. Its own file so that feature code, which needs config.ts's constants,
// does not bundle a second copy of this class (esbuild.config.mjs checks).
import * as vscode from 'vscode';
import { readSettings, SECTION, type IamKeysSettings } from './config';

/** Holds the current settings and says which keys changed. */
export class Settings implements vscode.Disposable {
  private value = readSettings();
  private readonly emitter = new vscode.EventEmitter<(key: string) => boolean>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      this.value = readSettings();
      this.emitter.fire((key) => event.affectsConfiguration(`${SECTION}.${key}`));
    });
  }

  get current(): IamKeysSettings {
    return this.value;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
