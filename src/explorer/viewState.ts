// One place for what the view shows beyond its rows: the user-name filter, attention-only, and
// settings warnings. Every change goes through here, and render() sets the tree view's message
// and description and the context keys together, so none of them can disagree with another
// (a cleared filter no longer erases a settings warning, and a rebuild keeps the filter).
import * as vscode from 'vscode';
import { ContextKeys, setContext } from './contextValues';

export interface ViewCounts {
  /** Users shown after the filters, and users loaded. */
  readonly shown: number;
  readonly loaded: number;
}

export class ViewState implements vscode.Disposable {
  private filterText = '';
  private attention = false;
  private settingsWarnings: readonly string[] = [];
  private view: vscode.TreeView<unknown> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the filter or attention-only changed (rows must be redrawn). */
  readonly onDidChange = this.changed.event;

  /** The user-name filter, trimmed; '' when none. */
  get filter(): string {
    return this.filterText;
  }
  get attentionOnly(): boolean {
    return this.attention;
  }
  get warnings(): readonly string[] {
    return this.settingsWarnings;
  }

  /** Shows the state on this tree view from now on. */
  async attach(view: vscode.TreeView<unknown>): Promise<void> {
    this.view = view;
    await this.render();
  }

  async setFilter(text: string): Promise<void> {
    const next = text.trim();
    if (next === this.filterText) return this.render();
    this.filterText = next;
    this.changed.fire();
    await this.render();
  }

  async setAttentionOnly(on: boolean): Promise<void> {
    if (on === this.attention) return this.render();
    this.attention = on;
    this.changed.fire();
    await this.render();
  }

  async setWarnings(warnings: readonly string[]): Promise<void> {
    this.settingsWarnings = [...warnings];
    await this.render();
  }

  /** The message line above the rows: settings warnings first, then the active filters. */
  message(): string | undefined {
    const parts = [...this.settingsWarnings];
    if (this.filterText) parts.push(vscode.l10n.t('Users filtered by "{0}" (loaded users only).', this.filterText));
    if (this.attention) parts.push(vscode.l10n.t('Showing only keys needing attention.'));
    return parts.length > 0 ? parts.join(' ') : undefined;
  }

  description(): string | undefined {
    const parts = [
      this.attention ? vscode.l10n.t('keys needing attention') : undefined,
      this.filterText ? vscode.l10n.t('filter: {0}', this.filterText) : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }

  private async render(): Promise<void> {
    if (this.view) {
      this.view.message = this.message();
      this.view.description = this.description();
    }
    await setContext(ContextKeys.filterActive, this.filterText !== '');
    await setContext(ContextKeys.attentionOnly, this.attention);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
