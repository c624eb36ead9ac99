// What the key health markers mean, said once for the whole view (its ⋯ menu) rather than in
// every key's tooltip, where it pushed the key's own details out of sight. Shown as a Markdown
// preview of a read-only `iam-keys:` document: nothing to save, nothing left after a reload.
import * as vscode from 'vscode';
import { healthLegend } from '../../core/keyHealth';
import type { CommandDeps } from '../../commands/deps';

export interface HealthLegendResult {
  /** The legend as Markdown, with the thresholds of the current settings. */
  readonly markdown: string;
  /** The read-only document the preview shows. */
  readonly uri: string;
}

export async function showHealthLegend(deps: CommandDeps): Promise<HealthLegendResult> {
  const markdown = healthLegend(deps.settings.current, (message, ...args) => vscode.l10n.t(message, ...args));
  const uri = deps.documents.put(vscode.l10n.t('Key Health Legend'), 'md', markdown);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return { markdown, uri: uri.toString() };
}
